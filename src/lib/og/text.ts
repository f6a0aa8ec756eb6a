/**
 * Text as a card can draw it. Emoji become Twemoji pictures (SVG files from @twemoji/svg);
 * characters the card fonts lack (CJK, Arabic, …) are dropped with the space around them
 * tidied, rather than drawn as empty boxes. Long text is shortened at a word with an ellipsis.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

let twemojiDir: string | undefined;
function twemoji(): string {
  twemojiDir ??= dirname(createRequire(import.meta.url).resolve('@twemoji/svg/1f600.svg'));
  return twemojiDir;
}

/** The Twemoji file of an emoji, named by its code points (`1f916.svg`, `1f469-200d-1f52c.svg`);
 * Twemoji leaves out U+FE0F except in joined sequences. */
export function emojiFile(emoji: string): string | undefined {
  const points = [...emoji].map((c) => c.codePointAt(0)!.toString(16));
  const names = [points.filter((p) => p !== 'fe0f').join('-'), points.join('-')];
  for (const name of names) {
    const file = join(twemoji(), `${name}.svg`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** An emoji as the data URL satori draws in its place. */
export function emojiImage(emoji: string): string | undefined {
  const file = emojiFile(emoji);
  return file ? `data:image/svg+xml;base64,${readFileSync(file).toString('base64')}` : undefined;
}

/** Keeps what the fonts or Twemoji can draw, drops the rest, and tidies the spaces left. */
export function drawableText(text: string, covers: (codePoint: number) => boolean): string {
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) {
      if (emojiFile(segment)) out += segment;
      continue;
    }
    const points = [...segment].map((c) => c.codePointAt(0)!);
    if (points.every((p) => covers(p) || /\s/u.test(String.fromCodePoint(p)))) out += segment;
    else out += ' ';
  }
  return out
    .replace(/\s+/gu, ' ')
    .replace(/\s+([,.;:!?)\]])/gu, '$1')
    .replace(/([([])\s+/gu, '$1')
    .replace(/\(\s*\)|\[\s*\]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[-–—:·,\s]+|[-–—:·,\s]+$/gu, '');
}

/** At most `max` characters, cut at a word where one is near, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/u, '')}…`;
}

/** The title's size on the card: shorter titles larger, never more than four lines. */
export function titleFit(title: string): { text: string; fontSize: number } {
  const n = [...title].length;
  if (n <= 32) return { text: title, fontSize: 76 };
  if (n <= 60) return { text: title, fontSize: 64 };
  if (n <= 100) return { text: title, fontSize: 52 };
  return { text: shorten(title, 150), fontSize: 44 };
}
