/**
 * The first sentence of the Abstract, as plain text: the page description (and the social card
 * text). Falls back to the first paragraph of the body when there is no Abstract. Every pattern
 * stops at the character that would open another match (`<` in a tag, `[` in a link), so an
 * unclosed opener repeated a thousand times is scanned once, not a thousand times.
 */
import { splitLines } from './lines.ts';

const MAX = 240;

function plain(markdown: string): string {
  return markdown
    .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/\[\^[^\][]*\]/g, '')
    .replace(/<[^<>]+>/g, '')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|\W)[*_](\S[^*_]*)[*_](?=\W|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstParagraph(lines: readonly string[], from: number): string {
  const out: string[] = [];
  let fenced = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || /^\s*(```|~~~)/.test(line)) continue;
    if (/^#{1,6}\s/.test(line)) {
      if (out.length) break;
      continue;
    }
    if (line.trim() === '' || /^\s*(\||---|\*\*\*|<)/.test(line)) {
      if (out.length) break;
      continue;
    }
    out.push(line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, ''));
  }
  return plain(out.join(' '));
}

export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?=\s+[\p{Lu}\d"“(])/u.exec(text);
  const sentence = m ? m[1]! : text;
  return sentence.length > MAX ? `${sentence.slice(0, MAX - 1).replace(/\s+\S*$/, '')}…` : sentence;
}

/** A MediaWiki heading line (`== Abstract ==`) as markdown; other lines as they are. Scanned,
 * not matched by a pattern, so a long line of `=` costs one pass. */
function wikiHeading(line: string): string {
  const t = line.trim();
  let open = 0;
  while (open < t.length && t[open] === '=') open++;
  let close = 0;
  while (close < t.length - open && t[t.length - 1 - close] === '=') close++;
  const title = t.slice(open, t.length - close).trim();
  return open > 0 && close > 0 && title ? `${'#'.repeat(Math.min(6, Math.max(2, Math.min(open, close))))} ${title}` : line;
}

/** MediaWiki's headings, links and quote marks as the markdown this module reads. */
function fromWiki(text: string): string {
  return splitLines(text)
    .map(wikiHeading)
    .join('\n')
    .replace(/\[\[(?:[^\][|\n]*\|)?([^\][|\n]*)\]\]/g, '$1')
    .replace(/\[https?:\/\/[^\s\][]+\s([^\][\n]*)\]/g, '$1')
    .replace(/'{2,}/g, '')
    .replace(/<ref[^<>]*\/>|<ref[^<>]*>[^<]*<\/ref>/g, '');
}

/** `format: 'mdx'` drops what only MDX gives meaning to: import/export lines and `{…}`. */
export function summarize(body: string, format: 'md' | 'mdx' | 'mediawiki' = 'md'): string | undefined {
  const source =
    format === 'mdx'
      ? body.replace(/^(?:import|export)\s.*$/gm, '').replace(/\{[^{}\n]*\}/g, '')
      : format === 'mediawiki'
        ? fromWiki(body)
        : body;
  const lines = splitLines(source);
  const abstract = lines.findIndex((l) => /^##\s+abstract\s*$/i.test(l.trim()));
  const text = firstParagraph(lines, abstract >= 0 ? abstract + 1 : 0);
  return text ? firstSentence(text) : undefined;
}
