/**
 * Line-level syntax of headers: key lines in their spellings, headings, fences, breaks. Every
 * pattern here is linear: a BIP is untrusted input and a line may be megabytes long.
 */
import type { RawField } from './types.ts';
import { DEFAULT_PROFILE } from '../../profile/profile.ts';

export const FENCE_OPEN = /^\s{0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
// After the key, one run of spaces, then an optional colon with its own run: two adjacent
// optional runs (`\s*(:?)\s*`) could split 32,000 spaces in 32,000 ways, tried one by one.
const BOLD_KEY = /^(\s{0,3}(?:[-*+]\s+)?)\*\*\s*([\p{L}\p{N}][^*:]{0,59}?)\s*(?:(:)\s*)?\*\*(:?)[ \t]*(.*)$/su;
// `s`: a value may hold U+2028 or U+2029, which `.` does not match otherwise (the line would not
// read as a field, and the header would end early).
const PLAIN_KEY = /^(\s*)([A-Za-z][A-Za-z0-9 _()#-]{0,40}?)[ \t]*:[ \t]*(.*)$/s;
/** `**EIP-00 Status**`: a key carrying a proposal number, by the registry's prefixes. */
const numberedKeys = new Map<string, RegExp>();
export function numberedKey(prefixSource: string = DEFAULT_PROFILE.numbering.prefixSource): RegExp {
  let re = numberedKeys.get(prefixSource);
  if (!re) numberedKeys.set(prefixSource, (re = new RegExp(`^(${prefixSource}[-\\s]?)(\\d+)\\s+(.+)$`, 'is')));
  return re;
}
const HTML_COMMENT = /^\s*<!--.*-->\s*$/s;

export function keyName(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Strips what authors wrap values in: trailing hard-break spaces or `\`, `**bold**`, `code`. */
export function cleanValue(raw: string): { value: string; offset: number } {
  let value = raw.trimEnd().replace(/\\$/, '').trimEnd();
  let offset = raw.length - raw.trimStart().length;
  value = value.trimStart();
  for (const wrap of ['**', '`', '__']) {
    if (value.length > wrap.length * 2 && value.startsWith(wrap) && value.endsWith(wrap)) {
      value = value.slice(wrap.length, -wrap.length).trim();
      offset += wrap.length;
    }
  }
  return { value, offset };
}

/** A field from a key, its raw value, and where both start on the line (0-based indexes). */
export function makeField(
  key: string,
  rawValue: string,
  line: number,
  valueIndex: number,
  keyIndex = 0,
  numberedPattern: RegExp = numberedKey(),
): RawField {
  let bare = key.trim();
  const field: Partial<RawField> = {};
  const numbered = numberedPattern.exec(bare);
  if (numbered) {
    field.keyNumber = numbered[2]!;
    field.keyNumberColumn = keyIndex + numbered[1]!.length + 1;
    bare = numbered[3]!.trim();
  }
  const { value, offset } = cleanValue(rawValue);
  return { ...field, key: bare, name: keyName(bare), value, line, column: valueIndex + offset + 1 };
}

/** A `**Key**: value` line (also `**Key:** value` and `- **Key**: value`), or undefined. */
export function readBoldKeyLine(text: string, line: number, numbered?: RegExp): RawField | undefined {
  const m = BOLD_KEY.exec(text);
  if (!m) return undefined;
  const [, lead, key, colonInside, colonOutside, rest] = m;
  if ((colonInside === ':') === (colonOutside === ':')) return undefined;
  const keyIndex = text.indexOf(key!, lead!.length);
  return makeField(key!, rest!, line, text.length - rest!.length, keyIndex, numbered);
}

/** A plain `Key: value` line as found in a fenced preamble or `<pre>` block. */
export function readPlainKeyLine(text: string, line: number, numbered?: RegExp): (RawField & { indent: number }) | undefined {
  const m = PLAIN_KEY.exec(text);
  if (!m) return undefined;
  const [, indent, key, rest] = m;
  return { ...makeField(key!, rest!, line, text.length - rest!.length, indent!.length, numbered), indent: indent!.length };
}

/** An ATX heading (`## Title ##`), read without a backtracking pattern. */
export function parseHeading(text: string): { depth: number; text: string } | undefined {
  const m = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(text);
  if (!m) return undefined;
  let rest = text.slice(m[0].length).trim();
  // A closing run of #s is not part of the text when a space separates it.
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  if (end === 0 || (end < rest.length && /[ \t]/.test(rest[end - 1]!))) rest = rest.slice(0, end).trimEnd();
  return { depth: m[1]!.length, text: rest };
}

export function isThematicBreak(text: string): boolean {
  return text.length < 200 && THEMATIC_BREAK.test(text);
}

/** Blank lines and whole-line HTML comments (`<!-- markdownlint-disable -->`) carry no content. */
export function isBlank(text: string): boolean {
  return text.trim() === '' || (text.length < 500 && HTML_COMMENT.test(text));
}

/** Marks the lines inside fenced code blocks (fence lines included). */
export function codeMask(lines: readonly string[]): boolean[] {
  const mask = new Array<boolean>(lines.length).fill(false);
  let open: string | undefined;
  lines.forEach((text, i) => {
    const m = FENCE_OPEN.exec(text);
    if (open) {
      mask[i] = true;
      if (m && m[1]![0] === open[0] && m[1]!.length >= open.length && text.trim() === m[1]) open = undefined;
    } else if (m) {
      mask[i] = true;
      open = m[1];
    }
  });
  return mask;
}

export function nextContentLine(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i]!)) i++;
  return i;
}
