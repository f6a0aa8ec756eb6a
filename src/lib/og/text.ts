/**
 * Text as a card can draw it. Emoji become Twemoji pictures (SVG files from @twemoji/svg);
 * characters the card fonts lack (CJK, Arabic, …) are dropped with the space around the gap
 * tidied, rather than drawn as empty boxes. Long text is shortened at a word with an ellipsis.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemes = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);

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

/** Marks where something was dropped, so only those places are tidied. */
const GAP = '\u0000';

/** One grapheme as the card can draw it: itself, itself without its accents, or nothing. */
function drawable(segment: string, covers: (codePoint: number) => boolean): string | undefined {
  if (EMOJI.test(segment)) return emojiFile(segment) ? segment : undefined;
  const ok = (s: string) => [...s].every((c) => covers(c.codePointAt(0)!) || /\s/u.test(c));
  if (ok(segment)) return segment;
  const bare = segment.replace(/\p{M}/gu, '');
  return bare && ok(bare) ? bare : undefined;
}

/** Keeps what the fonts or Twemoji can draw; where something was dropped, tidies the gap. */
export function drawableText(text: string, covers: (codePoint: number) => boolean): string {
  const out = graphemes(text.normalize('NFC'))
    .map((g) => drawable(g, covers) ?? GAP)
    .join('');
  const sep = `\\s${GAP}\\-–—:·,`;
  return out
    .replace(new RegExp(`[([]\\s*(?:${GAP}\\s*)+[)\\]]`, 'gu'), GAP)
    .replace(new RegExp(`^[${sep}]*${GAP}[${sep}]*|[${sep}]*${GAP}[${sep}]*$`, 'gu'), '')
    .replace(new RegExp(`\\s*${GAP}[\\s${GAP}]*`, 'gu'), ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** At most `max` characters (graphemes: an emoji sequence is one), cut at a word where one is
 * near, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = graphemes(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/u, '')}…`;
}

/** The title's size on the card: shorter titles larger (the card also clamps it to its lines). */
export function titleFit(title: string): { text: string; fontSize: number; lines: number } {
  const n = graphemes(title).length;
  if (n <= 32) return { text: title, fontSize: 76, lines: 3 };
  if (n <= 60) return { text: title, fontSize: 64, lines: 3 };
  if (n <= 100) return { text: title, fontSize: 52, lines: 4 };
  return { text: shorten(title, 150), fontSize: 44, lines: 5 };
}
