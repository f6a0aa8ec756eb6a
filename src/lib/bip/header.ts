/**
 * Finds the header block of a BIP, wherever real registries put it, and reads its `Key: value`
 * fields with the line and column of each. Syntax only: no value is interpreted here.
 *
 * Candidates, in the order they are preferred: YAML frontmatter naming header fields; a fenced
 * preamble at the top (or right under the H1); a header section (`## BIP Information`,
 * `## Preamble`…) or a bold block under the H1, whichever comes first; a bold block after a
 * closing `---`. The first is used; the others are reported.
 */
import { splitLines } from './lines.ts';
import { codeMask, isThematicBreak, nextContentLine, parseHeading, readBoldKeyLine } from './header/syntax.ts';
import { readBoldBlock, readFenceBlock, readFrontmatter } from './header/blocks.ts';
import type { HeaderBlock, HeaderOptions, ParsedHeader } from './header/types.ts';

export type { BlockProblem, HeaderBlock, HeaderOptions, ParsedHeader, Placement, RawField } from './header/types.ts';
export { cleanValue, keyName, readBoldKeyLine } from './header/syntax.ts';

/** Section titles that announce a header. Generic words need a stronger block (see below). */
const HEADER_SECTION = /^(?:[\p{L}\p{N}]+\s+(?:information|info|preamble|metadata|header|details)|preamble)$/iu;
const GENERIC_SECTION = /^(?:information|info|metadata|header|details)$/i;
/** How many trailing `---` breaks are tried for a footer block. */
const FOOTER_TRIES = 3;

interface Heading {
  depth: number;
  text: string;
  index: number;
}

function findHeadings(lines: readonly string[], code: readonly boolean[]): Heading[] {
  const out: Heading[] = [];
  lines.forEach((line, index) => {
    const h = code[index] ? undefined : parseHeading(line);
    if (h) out.push({ ...h, index });
  });
  return out;
}

/** A header section: its fields must start right under the heading. A generic title (`##
 * Details`) only counts when the block names the BIP or its authors, as a header would. */
function readSection(
  lines: readonly string[],
  headings: readonly Heading[],
  n: number,
  opts: HeaderOptions,
): HeaderBlock | undefined {
  const h = headings[n]!;
  const title = h.text.replace(/[*_`]/g, '').trim();
  const generic = GENERIC_SECTION.test(title);
  if (h.depth < 2 || !(generic || HEADER_SECTION.test(title))) return undefined;
  const stop = headings[n + 1]?.index ?? lines.length;
  const inner = nextContentLine(lines, h.index + 1);
  if (inner >= stop) return undefined;
  const fenced = readFenceBlock(lines, inner, opts);
  const block = fenced ? { ...fenced, placement: 'section' as const } : readBoldBlock(lines, inner, stop, 'section', opts, 1);
  if (!block) return undefined;
  if (generic && !block.fields.some((f) => f.name === 'author' || f.name === 'bip' || f.name === 'authors')) return undefined;
  return { ...block, start: h.index + 1 };
}

/** A bold block closing the file after one of its last `---` breaks. */
function readFooter(lines: readonly string[], code: readonly boolean[], opts: HeaderOptions): HeaderBlock | undefined {
  let tries = 0;
  for (let i = lines.length - 1; i >= 0 && tries < FOOTER_TRIES; i--) {
    if (code[i] || !isThematicBreak(lines[i]!)) continue;
    tries++;
    const first = nextContentLine(lines, i + 1);
    if (first >= lines.length || !readBoldKeyLine(lines[first]!, first + 1)) continue;
    const block = readBoldBlock(lines, first, lines.length, 'footer', opts, 2, i + 1);
    if (block) return block;
  }
  return undefined;
}

function findBlocks(lines: readonly string[], opts: HeaderOptions) {
  const code = codeMask(lines);
  const headings = findHeadings(lines, code);
  const h1 = headings.find((h) => h.depth === 1);
  const frontmatter = readFrontmatter(lines, opts);
  const top = nextContentLine(lines, frontmatter ? frontmatter.end : 0);
  const h1First = h1 !== undefined && h1.index === top;
  const blocks: HeaderBlock[] = [];
  const push = (b: HeaderBlock | undefined) => {
    if (b && !blocks.some((o) => o.start === b.start)) blocks.push(b);
  };

  const fmIsHeader = frontmatter && (frontmatter.problems.length > 0 || frontmatter.fields.some((f) => opts.isHeaderKey(f.name)));
  if (fmIsHeader) push(frontmatter);
  push(readFenceBlock(lines, top, opts));
  const afterTitle = h1First ? nextContentLine(lines, h1.index + 1) : top;
  if (h1First) push(readFenceBlock(lines, afterTitle, opts));
  // A `<pre>` preamble below a few lines of notes (older MediaWiki documents open with a change
  // list): the first `<pre>` before any section, if it holds a header.
  const firstHeading = headings.find((h) => h.depth >= 2)?.index ?? lines.length;
  for (let i = top; i < firstHeading; i++) {
    if (code[i] || !/^\s*<pre>\s*$/i.test(lines[i]!)) continue;
    push(readFenceBlock(lines, i, opts));
    break;
  }

  // Sections and the bold block under the title compete by position: the first one wins.
  const inFile: HeaderBlock[] = [];
  headings.forEach((_, n) => {
    const s = readSection(lines, headings, n, opts);
    if (s) inFile.push(s);
  });
  const firstSection = headings.find((h) => h.index >= afterTitle && h.depth >= 2)?.index ?? lines.length;
  if (afterTitle < firstSection && !code[afterTitle] && readBoldKeyLine(lines[afterTitle]!, afterTitle + 1)) {
    const topBlock = readBoldBlock(lines, afterTitle, firstSection, 'top', opts, 2);
    if (topBlock) inFile.push(topBlock);
  }
  inFile.sort((a, b) => a.start - b.start).forEach(push);
  push(readFooter(lines, code, opts));
  return { blocks, h1, frontmatter };
}

export function parseHeader(source: string, opts: HeaderOptions): ParsedHeader {
  const lines = splitLines(source);
  const { blocks, h1, frontmatter } = findBlocks(lines, opts);
  const [block, ...ignored] = blocks;
  const body = [...lines];
  const blank = (b: { start: number; end: number }) => {
    for (let i = b.start - 1; i < b.end; i++) body[i] = '';
  };
  if (block) blank(block);
  // Frontmatter never renders, header or not.
  if (frontmatter) blank(frontmatter);
  // The page shows the title itself, so a leading H1 leaves the body.
  if (h1 && nextContentLine(body, 0) === h1.index) body[h1.index] = '';
  return {
    ...(block ? { block } : {}),
    ignored,
    ...(h1 ? { h1: { text: h1.text.replace(/\*\*|__/g, '').trim(), line: h1.index + 1 } } : {}),
    body: body.join('\n'),
  };
}
