/**
 * The three block shapes a header comes in: a fenced (or `<pre>`) preamble of plain `Key: value`
 * lines, a run of bold `**Key**: value` lines, and YAML frontmatter.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit } from 'yaml';
import { FENCE_OPEN, makeField, numberedKey, readBoldKeyLine, readPlainKeyLine, isBlank } from './syntax.ts';
import type { BlockProblem, HeaderBlock, HeaderOptions, Placement, RawField } from './types.ts';

const headerKeys = (fields: readonly RawField[], opts: HeaderOptions) => fields.filter((f) => opts.isHeaderKey(f.name)).length;

/** A fenced or `<pre>` block opening at index `open` whose lines are `Key: value` (indented lines
 * continue the previous value). It is a preamble when it names at least two header fields; other
 * lines in it are then reported instead of hiding the whole header. */
export function readFenceBlock(lines: readonly string[], open: number, opts: HeaderOptions): HeaderBlock | undefined {
  const opener = lines[open] ?? '';
  const fence = FENCE_OPEN.exec(opener)?.[1];
  const isPre = !fence && /^\s*<pre>\s*$/i.test(opener);
  if (!fence && !isPre) return undefined;
  const fields: (RawField & { indent: number })[] = [];
  const problems: BlockProblem[] = [];
  let i = open + 1;
  for (; i < lines.length; i++) {
    const text = lines[i]!;
    if (fence ? text.trim().startsWith(fence) : /^\s*<\/pre>\s*$/i.test(text)) break;
    if (text.trim() === '') continue;
    const last = fields.at(-1);
    const indent = text.length - text.trimStart().length;
    const field = readPlainKeyLine(text, i + 1, numberedKey(opts.keyPrefix));
    if (last && indent > last.indent) {
      // Continuation line (Bitcoin-style multi-line Author): joins the previous value.
      last.value = last.value ? `${last.value}, ${text.trim()}` : text.trim();
    } else if (field) {
      fields.push(field);
    } else if (fields.length > 0) {
      problems.push({
        line: i + 1,
        column: indent + 1,
        rule: 'header/unreadable-line',
        message: 'this line of the preamble is not a "Key: value" line (indent it to continue the previous value)',
      });
    } else {
      return undefined;
    }
  }
  if (i >= lines.length || headerKeys(fields, opts) < 2) return undefined;
  return { placement: 'fence', start: open + 1, end: i + 1, fields: fields.map(({ indent: _, ...f }) => f), problems };
}

/** Where the run of plain `Key: value` lines (and blank lines) starting at `from` meets a bold
 * key line, before `stop`; -1 when it does not (the run's lines are then not stray fields). */
function strayRunEnd(lines: readonly string[], from: number, stop: number, numbered: RegExp): number {
  if (!readPlainKeyLine(lines[from]!, from + 1, numbered)) return -1;
  for (let j = from + 1; j < stop; j++) {
    if (isBlank(lines[j]!)) continue;
    if (readBoldKeyLine(lines[j]!, j + 1, numbered)) return j;
    if (!readPlainKeyLine(lines[j]!, j + 1, numbered)) return -1;
  }
  return -1;
}

/**
 * A run of bold key lines starting at the first content line at or after `from`, up to `stop`.
 * It ends at the first line that is not a key line, so prose after it stays in the body; a plain
 * `Key: value` line between bold ones is reported, not dropped.
 */
export function readBoldBlock(
  lines: readonly string[],
  from: number,
  stop: number,
  placement: Placement,
  opts: HeaderOptions,
  minHeaderKeys: number,
  start = from + 1,
): HeaderBlock | undefined {
  const fields: RawField[] = [];
  const problems: BlockProblem[] = [];
  // The bold line a run of stray plain lines leads to: every line of the run is stray, so the
  // run is scanned once, not once per line (8,000 plain lines between two bold keys took 25 s).
  let strayUntil = -1;
  const numbered = numberedKey(opts.keyPrefix);
  for (let i = from; i < stop; i++) {
    const text = lines[i]!;
    if (isBlank(text)) continue;
    const field = readBoldKeyLine(text, i + 1, numbered);
    if (field) {
      fields.push(field);
    } else if (fields.length > 0 && (i < strayUntil || (strayUntil = strayRunEnd(lines, i, stop, numbered)) > i)) {
      problems.push({
        line: i + 1,
        column: 1,
        rule: 'header/unreadable-line',
        message: 'write header fields as "**Key**: value" like the lines around this one',
      });
    } else {
      break;
    }
  }
  if (headerKeys(fields, opts) < minHeaderKeys) return undefined;
  const end = Math.max(fields.at(-1)!.line, ...problems.map((p) => p.line));
  return { placement, start, end, fields, problems };
}

function yamlValue(node: unknown): string {
  if (isScalar(node)) return node.value == null ? '' : String(node.source ?? node.value);
  if (isSeq(node)) return node.items.map(yamlValue).join(', ');
  if (isMap(node)) {
    // `- name: Ada` / `provider: Lab` entries of an author list read as `Ada (Lab)`.
    const get = (k: string) => node.items.find((p) => isScalar(p.key) && p.key.value === k)?.value;
    const name = get('name');
    if (name !== undefined) {
      const provider = get('provider');
      return provider === undefined ? yamlValue(name) : `${yamlValue(name)} (${yamlValue(provider)})`;
    }
    return node.items.map((p) => yamlValue(p.value)).join(' ');
  }
  return node == null ? '' : String(node);
}

/** A header is a few hundred bytes; YAML past this size is refused unread (the parser takes about
 * 3 ms a kilobyte on quote-heavy text, and a hostile file can be megabytes). */
const FRONTMATTER_MAX = 8 * 1024;
/** …and lines: the parser's time goes with the errors it finds, about three a line on hostile
 * text (a thousand lines of `"` took 60 ms); a header has a few dozen. */
const FRONTMATTER_LINES = 200;

/** Nesting a header never needs; deeper YAML (`- - - …`, `[[[…`) is slow to parse, and past a few
 * thousand levels overflows the parser's stack. */
const YAML_DEPTH_MAX = 32;

/** How deep the YAML nests, at most: open brackets and braces (quotes are not skipped, so text
 * in quotes can only overcount), and per line the list dashes, `?` keys and indentation before
 * a value. */
function yamlDepth(source: string): number {
  let deepest = 0;
  let flow = 0;
  let lineStart = true;
  let lead = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '[' || c === '{') deepest = Math.max(deepest, ++flow);
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    if (c === '\n') {
      lineStart = true;
      lead = 0;
    } else if (lineStart && (c === ' ' || c === '-' || c === '?' || c === ':')) {
      lead++;
      deepest = Math.max(deepest, Math.ceil(lead / 2));
    } else lineStart = false;
  }
  return deepest;
}

/** Where a quoted value that is never closed opens: the parser reports the missing quote where
 * the text ends, after every line the value swallowed, and the author looks for it where it opened. */
function unclosedQuote(doc: ReturnType<typeof parseDocument>, at: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar: (_key, node) => {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === at) start = node.range[0];
    },
  });
  return start;
}

/** YAML frontmatter at line 1; undefined when there is none. Whether it is a *header* is the
 * caller's decision (it must name header fields, or fail to parse). */
export function readFrontmatter(lines: readonly string[], opts?: HeaderOptions): HeaderBlock | undefined {
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) return undefined;
  const source = lines.slice(1, end).join('\n');
  // Frontmatter that is not read: the block is there (it is the header), with only its problem.
  const unread = (message: string): HeaderBlock => ({
    placement: 'frontmatter',
    start: 1,
    end: end + 1,
    fields: [],
    problems: [{ line: 2, column: 1, rule: 'header/yaml', message }],
  });
  if (end - 1 > FRONTMATTER_LINES)
    return unread(
      `the YAML frontmatter has ${end - 1} lines, more than the ${FRONTMATTER_LINES} a header may have; it is not read`,
    );
  if (source.length > FRONTMATTER_MAX) {
    const kb = Math.round(source.length / 1024);
    return unread(
      `the YAML frontmatter is ${kb} KB, more than the ${FRONTMATTER_MAX / 1024} KB a header may have; it is not read`,
    );
  }
  const depth = yamlDepth(source);
  if (depth > YAML_DEPTH_MAX)
    return unread(
      `the YAML frontmatter nests ${depth} levels deep, more than the ${YAML_DEPTH_MAX} a header may have; it is not read`,
    );
  const counter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  // Hostile YAML makes the parser raise an error object at every few characters (`a: : : : …`),
  // and capturing each one's stack trace was most of its time; the traces are never read.
  const traces = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  } catch (e) {
    // Nesting the depth count above does not see (`? ` keys, maps in maps on one line) can still
    // overflow the parser's stack: a located problem, not a crash.
    return unread(`the YAML frontmatter cannot be read (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    Error.stackTraceLimit = traces;
  }
  // The first error is the one to fix: the parser's later ones follow from it (one stray quote
  // can give hundreds), so they are counted, not listed.
  const problems: BlockProblem[] = doc.errors.slice(0, 1).map((e) => {
    const opened = e.code === 'MISSING_CHAR' ? unclosedQuote(doc, e.pos[0]) : undefined;
    const at = counter.linePos(opened ?? e.pos[0]);
    const more = doc.errors.length - 1;
    return {
      line: at.line + 1,
      column: at.col,
      rule: 'header/yaml',
      message: `the YAML frontmatter does not parse: ${e.message.split('\n')[0]}${opened === undefined ? '' : ' (the quote opened here is never closed)'}${more > 0 ? ` (and ${more} more YAML errors after it)` : ''}`,
    };
  });
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
      const f = makeField(String(keyNode.value), yamlValue(pair.value), start.line + 1, 0, 0, numberedKey(opts?.keyPrefix));
      fields.push({ ...f, column: start.col + quoted });
    }
  }
  return { placement: 'frontmatter', start: 1, end: end + 1, fields, problems };
}
