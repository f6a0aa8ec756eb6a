import { describe, expect, test } from 'vitest';
import { parseHeader, readBoldKeyLine, cleanValue } from '../../src/lib/bip/header.ts';
import { isHeaderKey } from '../../src/lib/bip/check.ts';

const parse = (text: string) => parseHeader(text, { isHeaderKey });
const fieldsOf = (text: string) => parse(text).block?.fields.map((f) => [f.key, f.value, f.line, f.column]);

describe('where the header block sits', () => {
  test.each([
    {
      name: 'BIP Information section under the H1',
      text: '# BIP-5: T\n\n## BIP Information\n**BIP**: 5\n**Status**: Draft\n\n## Abstract\nx\n',
      placement: 'section',
      first: ['BIP', '5', 4, 10],
    },
    {
      name: 'section after the Abstract',
      text: '# BIP-5: T\n\n## Abstract\nx\n\n## BIP Information\n**BIP**: 5\n**Status**: Draft\n',
      placement: 'section',
      first: ['BIP', '5', 7, 10],
    },
    {
      name: 'bold block at the end after ---',
      text: '# BIP-5: T\n\n## Abstract\nx\n\n---\n\n**Status**: Draft  \n**Created**: 2025-01-01\n',
      placement: 'footer',
      first: ['Status', 'Draft', 8, 13],
    },
    {
      name: 'fenced preamble at line 1',
      text: '```\nBIP: 5\nTitle: T\nStatus: Draft\n```\n\n## Abstract\n',
      placement: 'fence',
      first: ['BIP', '5', 2, 6],
    },
    {
      name: 'fenced preamble under ## Preamble',
      text: '# BIP-5: T\n\n## Preamble\n\n```text\n  BIP: 5\n  Status: Draft\n```\n',
      placement: 'section',
      first: ['BIP', '5', 6, 8],
    },
    {
      name: '<pre> preamble at line 1 (Bitcoin BIPs)',
      text: '<pre>\n  BIP: 5\n  Title: T\n</pre>\n',
      placement: 'fence',
      first: ['BIP', '5', 2, 8],
    },
    {
      name: 'YAML frontmatter',
      text: '---\nbip: 5\ntitle: T\n---\n\n## Abstract\n',
      placement: 'frontmatter',
      first: ['bip', '5', 2, 6],
    },
    {
      name: 'bold list directly under the H1',
      text: '# BIP-5: T\n\n- **BIP**: 5\n- **Status**: Draft\n\n## Abstract\n',
      placement: 'top',
      first: ['BIP', '5', 3, 12],
    },
  ])('$name', ({ text, placement, first }) => {
    const header = parse(text);
    expect(header.block?.placement).toBe(placement);
    expect(fieldsOf(text)?.[0]).toEqual(first);
  });

  test('a file without any header block has none', () => {
    expect(parse('# Notes\n\nJust prose with **Bold**: text in a paragraph later.\n\n## More\n').block).toBeUndefined();
  });

  test('bold key lines in the body are not header fields', () => {
    const text = '# BIP-5: T\n\n## BIP Information\n**BIP**: 5\n\n## Motivation\n1. **Speed**: faster\n**Status**: not me\n';
    expect(fieldsOf(text)).toEqual([['BIP', '5', 4, 10]]);
  });

  test('key lines inside code blocks do not make a footer', () => {
    const text = '# BIP-5: T\n\n## BIP Information\n**BIP**: 5\n\n```md\n---\n**Status**: Draft\n```\n';
    const header = parse(text);
    expect(header.block?.placement).toBe('section');
    expect(header.ignored).toEqual([]);
  });

  test('a second block is kept aside, not merged', () => {
    const text = '# BIP-5: T\n\n## BIP Information\n**BIP**: 5\n\n## Abstract\nx\n\n---\n**Status**: Draft\n';
    const header = parse(text);
    expect(header.block?.placement).toBe('section');
    expect(header.ignored.map((b) => [b.placement, b.start])).toEqual([['footer', 9]]);
  });

  test('fenced preamble: indented continuation lines join the previous value', () => {
    const text = '```\nBIP: 5\nAuthor: Ada <ada@example.org>\n        Grace <grace@example.org>\nStatus: Draft\n```\n';
    expect(fieldsOf(text)).toEqual([
      ['BIP', '5', 2, 6],
      ['Author', 'Ada <ada@example.org>, Grace <grace@example.org>', 3, 9],
      ['Status', 'Draft', 5, 9],
    ]);
  });

  test('YAML lists become comma-separated values', () => {
    expect(fieldsOf('---\nbip: 5\nauthor:\n  - A (X)\n  - B (Y)\n---\n')?.[1]).toEqual(['author', 'A (X), B (Y)', 4, 3]);
  });

  test('a fence that is not a preamble is not a header', () => {
    expect(parse('```ts\nconst x = 1;\n```\n').block).toBeUndefined();
  });
});

describe('key syntaxes', () => {
  test.each([
    ['**Status**: Draft', 'Status', 'Draft', 13],
    ['**Status:** Draft', 'Status', 'Draft', 13],
    ['- **Status**: Draft', 'Status', 'Draft', 15],
    ['* **Status:** Draft', 'Status', 'Draft', 15],
    ['**BIP-00 Status**: Draft', 'Status', 'Draft', 20],
    ['**Status**: `Draft`', 'Status', 'Draft', 14],
    ['**Status**: **Draft**', 'Status', 'Draft', 15],
    ['**Status**: Draft  ', 'Status', 'Draft', 13],
    ['**Status**: Draft\\', 'Status', 'Draft', 13],
    ['**Created**:2025-01-01', 'Created', '2025-01-01', 13],
  ])('%s', (line, key, value, column) => {
    const f = readBoldKeyLine(line, 1);
    expect([f?.key, f?.value, f?.column]).toEqual([key, value, column]);
  });

  test('a numbered key keeps its number', () => {
    expect(readBoldKeyLine('**BIP-05 Status**: Draft', 1)?.keyNumber).toBe('05');
  });

  test.each(['**Status** Draft', '**Sta:tus**: x', 'Status: Draft', '**Status:**: Draft', '** **: x'])('not a key line: %s', (line) => {
    expect(readBoldKeyLine(line, 1)).toBeUndefined();
  });

  test('cleanValue reports how far the value moved', () => {
    expect(cleanValue('  `x`  ')).toEqual({ value: 'x', offset: 3 });
  });
});

describe('line endings and body', () => {
  test('CRLF files give the same fields and lines as LF files', () => {
    const lf = '# BIP-5: T\n\n## BIP Information\n**BIP**: 5  \n**Status**: Draft\n\n## Abstract\nx\n';
    expect(fieldsOf(lf.replace(/\n/g, '\r\n'))).toEqual(fieldsOf(lf));
    expect(fieldsOf(lf)?.[0]).toEqual(['BIP', '5', 4, 10]);
  });

  test('the body loses the block and the leading H1 but keeps line numbers', () => {
    const text = '# BIP-5: T\n\n## BIP Information\n**BIP**: 5\n\n## Abstract\nx\n';
    const header = parse(text);
    expect(header.h1).toEqual({ text: 'BIP-5: T', line: 1 });
    const body = header.body.split('\n');
    expect(body).toHaveLength(text.split('\n').length);
    expect(body[0]).toBe('');
    expect(body[3]).toBe('');
    expect(body[5]).toBe('## Abstract');
  });

  test('a byte-order mark does not hide frontmatter', () => {
    expect(parse('\uFEFF---\nbip: 5\n---\n').block?.placement).toBe('frontmatter');
  });
});
