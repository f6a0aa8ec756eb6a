/**
 * Checks of a BIP's text against the rest of the registry: the sections the template requires,
 * sections that still hold the template's text, and references to other BIPs by number (`BIP-7`)
 * that name no BIP of the registry.
 */
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';
import { splitLines } from '../bip/lines.ts';
import { sectionText, type TemplateSpec } from '../bip/template.ts';
import type { Profile } from '../profile/profile.ts';

interface ProseLine {
  text: string;
  line: number;
}
// The checks of one body ask for its prose lines several times in a row.
let last: { body: string; lines: ProseLine[] } | undefined;

/** The non-blank lines of a body outside fenced and indented code blocks, with their 1-based
 * numbers. Most lines are told apart by a substring test, without a pattern. */
function proseLines(body: string): ProseLine[] {
  if (last?.body === body) return last.lines;
  const out: ProseLine[] = [];
  let close: RegExp | undefined;
  splitLines(body).forEach((text, i) => {
    if (text.trim() === '') return;
    const open = text.includes('```') || text.includes('~~~') ? /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1] : undefined;
    if (!close && open) {
      // Only a bare fence at least as long closes one (```js inside a block is code).
      close = new RegExp(`^\\s{0,3}${open[0]}{${open.length},}\\s*$`);
    } else if (close) {
      if (open && close.test(text)) close = undefined;
    } else if (text[0] !== '\t' && !text.startsWith('    ')) out.push({ text, line: i + 1 });
  });
  last = { body, lines: out };
  return out;
}

/** `1. Abstract:` → `abstract`. */
const sectionKey = (title: string) => {
  const numbered = title.replace(/^\d+(?:\.\d+)*\.?\s+/, '');
  // Trailing `:`, `.`, `#` and spaces, dropped by a loop: the pattern `[:.\s#]+$` retries from
  // every character of a long run of them that does not end the line (quadratic).
  let end = numbered.length;
  while (end > 0 && /[:.\s#]/.test(numbered[end - 1]!)) end--;
  return numbered.slice(0, end).trim().toLowerCase();
};

export function sectionProblems(body: string, required: readonly string[], file: string): Diagnostic[] {
  if (required.length === 0) return [];
  const present = new Set(
    proseLines(body)
      .map((l) => /^#{1,6}\s+(.+)$/s.exec(l.text)?.[1]?.trim())
      .filter((t): t is string => !!t)
      .map(sectionKey),
  );
  return required
    .filter((title) => !present.has(sectionKey(title)))
    .map((title) =>
      diagnostic(
        file,
        undefined,
        'warning',
        'section/missing',
        `the template requires a "${title}" section; this document has none`,
      ),
    );
}

/**
 * Sections that still read as the template wrote them (`[The problem today, …]`): a proposal
 * made by the scaffold and never filled in. Located at the section's heading.
 */
export function placeholderProblems(
  body: string,
  template: Pick<TemplateSpec, 'placeholders' | 'requiredSections'>,
  file: string,
): Diagnostic[] {
  const required = new Set(template.requiredSections.map(sectionKey));
  const wanted = new Map(Object.entries(template.placeholders).map(([title, text]) => [sectionKey(title), { title, text }]));
  if (wanted.size === 0) return [];
  const lines = splitLines(body);
  const heads = proseLines(body).flatMap((l) => {
    const m = /^(#{1,6})\s+(.+)$/s.exec(l.text);
    return m ? [{ level: m[1]!.length, title: m[2]!.trim(), line: l.line }] : [];
  });
  // Where each section ends: the next heading of level 1 or 2, found in one backward pass.
  const ends: number[] = [];
  let next = lines.length + 1;
  for (let i = heads.length - 1; i >= 0; i--) {
    ends[i] = next;
    if (heads[i]!.level <= 2) next = heads[i]!.line;
  }
  const out: Diagnostic[] = [];
  heads.forEach((h, i) => {
    const expected = wanted.get(sectionKey(h.title));
    // Lines after the heading, up to the line before the next section's heading.
    if (h.level !== 2 || !expected || sectionText(lines.slice(h.line, ends[i]! - 1)) !== expected.text) return;
    out.push(
      diagnostic(
        file,
        { line: h.line, column: 1 },
        'warning',
        'section/placeholder',
        `the "${h.title}" section still holds the template's text; write it${required.has(sectionKey(h.title)) ? '' : ', or remove the section if it does not apply'}`,
      ),
    );
  });
  return out;
}

/** `BIP-7`, `BIP 7`, `BIP0007` (with the profile's prefixes); not `BIP-0009-style`, `BIP 2.0`,
 * `/bip-0341.mediawiki`. */
export const referencePattern = (profile: Pick<Profile, 'numbering'>) =>
  new RegExp(`(?<![\\w/.-])${profile.numbering.prefixSource}[-\\s]?0*(\\d{1,6})(?![\\w]|[.-]\\w)`, 'gi');
const patterns = new WeakMap<object, RegExp>();
/** What is not prose on a line: code spans, link targets, bare URLs, HTML comments and tags. */
// Each alternative either matches where it starts or fails at once, and never rescans what an
// earlier start covered: an unclosed `](` or `<!--` runs to the end of the line, a tag stops at
// the next `<`, a URL scheme starts only where a run of scheme characters starts.
const NOT_PROSE = /`[^`]*`|\]\([^)]*\)?|<!--.*?(?:-->|$)|<[^<>]+>|(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/\S+/gi;

const DIGIT = /\d/;

export interface Mention {
  number: number;
  /** As written: `BIP 7`. */
  text: string;
  line: number;
  column: number;
}

/** Every mention of a proposal by number in the prose of a body, in order (code, link targets,
 * URLs, comments and tags are not prose). */
export function proseMentions(body: string, profile: Pick<Profile, 'numbering'>): Mention[] {
  let REFERENCE = patterns.get(profile);
  if (!REFERENCE) patterns.set(profile, (REFERENCE = referencePattern(profile)));
  const out: Mention[] = [];
  for (const { text, line } of proseLines(body)) {
    // A mention carries a digit; most lines have none and cost one scan.
    if (!DIGIT.test(text)) continue;
    const prose = text.replace(NOT_PROSE, (skip) => ' '.repeat(skip.length));
    for (const m of prose.matchAll(REFERENCE)) out.push({ number: Number(m[1]), text: m[0], line, column: m.index + 1 });
  }
  return out;
}

/** `BIP-12` in the prose of a BIP when the registry has no BIP 12 (code is not prose); once per line. */
export function referenceProblems(
  body: string,
  self: number,
  known: ReadonlySet<number>,
  file: string,
  profile: Pick<Profile, 'numbering' | 'term'>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const m of proseMentions(body, profile)) {
    if (m.number === self || known.has(m.number) || seen.has(`${m.line} ${m.number}`)) continue;
    seen.add(`${m.line} ${m.number}`);
    out.push(
      diagnostic(
        file,
        { line: m.line, column: m.column },
        'warning',
        'reference/unknown',
        `${m.text} is referenced, but the registry has no ${profile.term} ${m.number}`,
      ),
    );
  }
  return out;
}
