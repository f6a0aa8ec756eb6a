/**
 * Finds the header block of a BIP, wherever real registries put it, and reads its `Key: value`
 * fields with the line and column of each. Syntax only: no value is interpreted here.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { splitLines } from './lines.ts';

export type Placement = 'frontmatter' | 'fence' | 'section' | 'top' | 'footer';

export interface RawField {
  /** The key as written, without the number of a numbered key (`BIP-00 Status` → `Status`). */
  key: string;
  /** Lower-case key with single spaces: what field lookups compare. */
  name: string;
  value: string;
  /** The number a numbered key carries (`BIP-00 Status` → `00`). */
  keyNumber?: string;
  line: number;
  /** Column where the value starts (1-based). */
  column: number;
}

export interface HeaderBlock {
  placement: Placement;
  /** First and last line of the block (1-based, inclusive). */
  start: number;
  end: number;
  fields: RawField[];
  /** Lines inside a fenced preamble that are not `Key: value` lines (1-based). */
  unreadable?: number[];
}

export interface ParsedHeader {
  /** The block the fields came from; undefined when the file has none. */
  block?: HeaderBlock;
  /** Other header-like blocks that were not used (reported, not merged). */
  ignored: HeaderBlock[];
  h1?: { text: string; line: number };
  /** The markdown without the header block and the leading H1; removed lines become blank, so
   * line numbers in the body are line numbers in the file. */
  body: string;
}

export interface HeaderOptions {
  /** Whether a key (already lower-cased) names a header field; decides what counts as a block. */
  isHeaderKey: (name: string) => boolean;
}

const FENCE_OPEN = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const BOLD_KEY = /^(\s{0,3}(?:[-*+]\s+)?)\*\*\s*([\p{L}\p{N}][^*:]{0,59}?)\s*(:?)\s*\*\*(:?)[ \t]*(.*)$/u;
const PLAIN_KEY = /^(\s*)([A-Za-z][A-Za-z0-9 _()#-]{0,40}?)[ \t]*:[ \t]*(.*)$/;
const NUMBERED_KEY = /^BIP[-\s]?(\d+)\s+(.+)$/i;
const SECTION_TITLE = /^(?:bip\s+)?(?:information|info|preamble|metadata|header|details)$/i;

export function keyName(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Strips what authors wrap values in: trailing hard-break spaces or `\`, `**bold**`, `code`. */
export function cleanValue(raw: string): { value: string; offset: number } {
  let value = raw.replace(/[ \t]+$/, '').replace(/\\$/, '').trimEnd();
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

function makeField(key: string, rawValue: string, line: number, valueIndex: number): RawField {
  let bare = key.trim();
  let keyNumber: string | undefined;
  const numbered = NUMBERED_KEY.exec(bare);
  if (numbered) {
    keyNumber = numbered[1];
    bare = numbered[2]!.trim();
  }
  const { value, offset } = cleanValue(rawValue);
  return { key: bare, name: keyName(bare), value, keyNumber, line, column: valueIndex + offset + 1 };
}

/** A `**Key**: value` line (also `**Key:** value` and `- **Key**: value`), or undefined. */
export function readBoldKeyLine(text: string, line: number): RawField | undefined {
  const m = BOLD_KEY.exec(text);
  if (!m) return undefined;
  const [, , key, colonInside, colonOutside, rest] = m;
  if ((colonInside === ':') === (colonOutside === ':')) return undefined;
  return makeField(key!, rest!, line, text.length - rest!.length);
}

/** A plain `Key: value` line as found in a fenced preamble or `<pre>` block. */
function readPlainKeyLine(text: string, line: number): (RawField & { indent: number }) | undefined {
  const m = PLAIN_KEY.exec(text);
  if (!m) return undefined;
  const [, indent, key, rest] = m;
  return { ...makeField(key!, rest!, line, text.length - rest!.length), indent: indent!.length };
}

/** Marks the lines inside fenced code blocks (fence lines included). */
function codeMask(lines: readonly string[]): boolean[] {
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

/** Reads `Key: value` lines from a fenced or `<pre>` block whose opener is at index `open`. The
 * block is a preamble when its first line is a header key and it names at least two; other
 * lines in it are then reported as unreadable rather than hiding the whole header. */
function readFenceBlock(lines: readonly string[], open: number, opts: HeaderOptions): HeaderBlock | undefined {
  const opener = lines[open]!;
  const fence = FENCE_OPEN.exec(opener)?.[1];
  const isPre = !fence && /^\s*<pre>\s*$/i.test(opener);
  if (!fence && !isPre) return undefined;
  const fields: (RawField & { indent: number })[] = [];
  const unreadable: number[] = [];
  let i = open + 1;
  for (; i < lines.length; i++) {
    const text = lines[i]!;
    if (fence ? text.trim().startsWith(fence) : /^\s*<\/pre>\s*$/i.test(text)) break;
    if (text.trim() === '') continue;
    const last = fields.at(-1);
    const indent = text.length - text.trimStart().length;
    const field = readPlainKeyLine(text, i + 1);
    if (last && indent > last.indent) {
      // Continuation line (Bitcoin-style multi-line Author): joins the previous value.
      last.value = last.value ? `${last.value}, ${text.trim()}` : text.trim();
    } else if (field && (fields.length > 0 || opts.isHeaderKey(field.name))) {
      fields.push(field);
    } else if (fields.length > 0) {
      unreadable.push(i + 1);
    } else {
      return undefined;
    }
  }
  if (i >= lines.length || fields.filter((f) => opts.isHeaderKey(f.name)).length < 2) return undefined;
  return {
    placement: 'fence',
    start: open + 1,
    end: i + 1,
    fields: fields.map(({ indent: _, ...f }) => f),
    ...(unreadable.length ? { unreadable } : {}),
  };
}

/** Reads a run of bold key lines from `from` up to (not including) `to`; blank lines allowed. */
function readBoldRun(lines: readonly string[], from: number, to: number, strict: boolean): RawField[] | undefined {
  const fields: RawField[] = [];
  for (let i = from; i < to; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    const field = readBoldKeyLine(text, i + 1);
    if (field) fields.push(field);
    else if (strict) return undefined;
  }
  return fields;
}

function blockOf(placement: Placement, fields: RawField[] | undefined, opts: HeaderOptions, start?: number): HeaderBlock | undefined {
  if (!fields || fields.length === 0 || !fields.some((f) => opts.isHeaderKey(f.name))) return undefined;
  return { placement, start: start ?? fields[0]!.line, end: fields.at(-1)!.line, fields };
}

function yamlValue(node: unknown): string {
  if (isScalar(node)) return node.value == null ? '' : String(node.value);
  if (isSeq(node)) return node.items.map(yamlValue).join(', ');
  return node == null ? '' : String(node);
}

function readFrontmatter(lines: readonly string[]): HeaderBlock | undefined {
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter: counter });
  const fields: RawField[] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode)) continue;
      const at = counter.linePos(keyNode.range?.[0] ?? 0);
      const value = pair.value as { range?: [number, number]; type?: string } | null;
      // A value on the key's line is located where it starts (inside quotes); a block value
      // (a YAML list) at its first item.
      const start = value?.range ? counter.linePos(value.range[0]) : at;
      const quoted = value?.type === 'QUOTE_DOUBLE' || value?.type === 'QUOTE_SINGLE' ? 1 : 0;
      const f = makeField(String(keyNode.value), yamlValue(pair.value), start.line + 1, 0);
      fields.push({ ...f, column: start.col + quoted });
    }
  }
  return { placement: 'frontmatter', start: 1, end: end + 1, fields };
}

interface Heading {
  depth: number;
  text: string;
  index: number;
}

function findHeadings(lines: readonly string[], code: readonly boolean[]): Heading[] {
  const out: Heading[] = [];
  lines.forEach((text, index) => {
    const m = code[index] ? null : HEADING.exec(text);
    if (m) out.push({ depth: m[1]!.length, text: m[2]!, index });
  });
  return out;
}

function firstContentLine(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return i;
}

/** All header-like blocks in the file, in the order they are preferred. */
function findBlocks(lines: readonly string[], opts: HeaderOptions): { blocks: HeaderBlock[]; h1?: Heading } {
  const code = codeMask(lines);
  const headings = findHeadings(lines, code);
  const h1 = headings.find((h) => h.depth === 1);
  const blocks: HeaderBlock[] = [];
  const push = (b: HeaderBlock | undefined) => b && !blocks.some((o) => o.start === b.start) && blocks.push(b);

  const fm = readFrontmatter(lines);
  if (fm) push(fm);
  const first = firstContentLine(lines, fm ? fm.end : 0);
  if (first < lines.length) push(readFenceBlock(lines, first, opts));
  // A preamble right under the title (`# BIP-5: …` then the fence) is still a preamble.
  if (h1 && firstContentLine(lines, 0) === h1.index) {
    const afterH1 = firstContentLine(lines, h1.index + 1);
    if (afterH1 < lines.length) push(readFenceBlock(lines, afterH1, opts));
  }

  for (const [n, h] of headings.entries()) {
    if (h.depth < 2 || !SECTION_TITLE.test(h.text.replace(/[*_`]/g, '').trim())) continue;
    const stop = headings[n + 1]?.index ?? lines.length;
    const inner = firstContentLine(lines, h.index + 1);
    const fenced = inner < stop ? readFenceBlock(lines, inner, opts) : undefined;
    if (fenced) {
      push({ ...fenced, placement: 'section', start: h.index + 1 });
      continue;
    }
    const fields = readBoldRun(lines, h.index + 1, stop, false);
    const block = blockOf('section', fields, opts, h.index + 1);
    push(block);
  }

  // A bold block right under the title, before the first section.
  const afterTitle = h1 ? h1.index + 1 : first;
  const firstSection = headings.find((h) => h.index >= afterTitle && h.depth >= 2)?.index ?? lines.length;
  const topStart = firstContentLine(lines, afterTitle);
  if (topStart < firstSection && !code[topStart]) {
    let end = topStart;
    while (end < firstSection && (lines[end]!.trim() === '' || readBoldKeyLine(lines[end]!, end + 1))) end++;
    push(blockOf('top', readBoldRun(lines, topStart, end, true), opts));
  }

  // A bold block closing the file after a thematic break.
  for (let i = lines.length - 1; i >= 0; i--) {
    if (code[i] || !THEMATIC_BREAK.test(lines[i]!)) continue;
    const fields = readBoldRun(lines, i + 1, lines.length, true);
    if (fields && fields.length > 0) push(blockOf('footer', fields, opts, i + 1));
    break;
  }
  return { blocks, h1 };
}

function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, '').trim();
}

export function parseHeader(source: string, opts: HeaderOptions): ParsedHeader {
  const lines = splitLines(source);
  const { blocks, h1 } = findBlocks(lines, opts);
  const [block, ...ignored] = blocks;
  const body = [...lines];
  if (block) for (let i = block.start - 1; i < block.end; i++) body[i] = '';
  // The page shows the title itself, so a leading H1 leaves the body.
  if (h1 && firstContentLine(body, 0) === h1.index) body[h1.index] = '';
  return {
    block,
    ignored,
    h1: h1 && { text: stripEmphasis(h1.text), line: h1.index + 1 },
    body: body.join('\n'),
  };
}
