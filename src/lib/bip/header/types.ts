/** The shapes the header parser produces. */
export type Placement = 'frontmatter' | 'fence' | 'section' | 'top' | 'footer';

export interface RawField {
  /** The key as written, without the number of a numbered key (`BIP-00 Status` → `Status`). */
  key: string;
  /** Lower-case key with single spaces: what field lookups compare. */
  name: string;
  value: string;
  /** The number a numbered key carries (`BIP-00 Status` → `00`) and the column it starts at. */
  keyNumber?: string;
  keyNumberColumn?: number;
  line: number;
  /** Column where the value starts (1-based). */
  column: number;
}

/** A syntax problem inside a header block: a stray line, a YAML error. */
export interface BlockProblem {
  line: number;
  column: number;
  rule: string;
  message: string;
}

export interface HeaderBlock {
  placement: Placement;
  /** First and last line of the block (1-based, inclusive). */
  start: number;
  end: number;
  fields: RawField[];
  problems: BlockProblem[];
}

export interface ParsedHeader {
  /** The block the fields came from; undefined when the file has none. */
  block?: HeaderBlock;
  /** Other header-like blocks that were not used (reported, not merged). */
  ignored: HeaderBlock[];
  h1?: { text: string; line: number };
  /** The markdown without the header block, frontmatter and the leading H1; removed lines become
   * blank, so line numbers in the body are line numbers in the file. */
  body: string;
}

export interface HeaderOptions {
  /** Whether a key (already lower-cased) names a header field; decides what counts as a block. */
  isHeaderKey: (name: string) => boolean;
  /** Source of a pattern matching the registry's number prefixes (`(?:eip)`), for keys that carry a
   * number (`**EIP-00 Status**`); the default profile's when absent. */
  keyPrefix?: string;
}
