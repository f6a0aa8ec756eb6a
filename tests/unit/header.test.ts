import { describe, expect, test } from 'vitest';
import { parseHeader, readBoldKeyLine, cleanValue } from '../../src/lib/bip/header.ts';
import { headerKeyTest } from '../../src/lib/bip/check.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';
import { bipText, check } from '../helpers.ts';

const isHeaderKey = headerKeyTest(DEFAULT_PROFILE);

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
    const text =
      '# BIP-5: T\n\n## BIP Information\n**BIP**: 5\n\n## Abstract\nx\n\n---\n**Status**: Draft\n**Created**: 2025-01-01\n';
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

  test.each(['**Status** Draft', '**Sta:tus**: x', 'Status: Draft', '**Status:**: Draft', '** **: x'])(
    'not a key line: %s',
    (line) => {
      expect(readBoldKeyLine(line, 1)).toBeUndefined();
    },
  );

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

describe('what is not a header, and blocks that must still be found', () => {
  test('frontmatter without header fields is not the header, and never renders', () => {
    const text = '---\nlayout: page\n---\n# BIP-5: T\n\n## BIP Information\n**BIP**: 5\n**Status**: Draft\n';
    const header = parse(text);
    expect(header.block?.placement).toBe('section');
    expect(header.ignored).toEqual([]);
    expect(header.body.split('\n').slice(0, 3)).toEqual(['', '', '']);
  });

  test('frontmatter that does not parse is the header, with the YAML error located', () => {
    const header = parse('---\nbip: 5\ntitle: Colons: are bad\n---\n');
    expect(header.block?.placement).toBe('frontmatter');
    expect(header.block?.problems.map((p) => [p.line, p.rule])).toEqual([[3, 'header/yaml']]);
  });

  test('a later "## Details" section with bold lines does not replace the header under the title', () => {
    const text =
      '# BIP-5: T\n\n**BIP**: 5\n**Author**: A (X)\n**Status**: Draft\n\n## Details\n\n**Status**: the node reports\n**Type**: u8\n';
    const header = parse(text);
    expect(header.block?.placement).toBe('top');
    expect(header.ignored).toEqual([]);
  });

  test('a header section ends at the first paragraph; the paragraph stays in the body', () => {
    const text =
      '# BIP-5: T\n\n## BIP Information\n**BIP**: 5\n**Status**: Draft\n\nSome words about it.\n**Status**: repeated in prose\n';
    const header = parse(text);
    expect(header.block?.end).toBe(5);
    expect(header.body).toContain('Some words about it.');
    expect(header.body).toContain('repeated in prose');
  });

  test('a plain "Key: value" line between bold fields is reported, not dropped', () => {
    const text = '# BIP-5: T\n\n## BIP Information\n**BIP**: 5\nRequires: BIP-2\n**Status**: Draft\n';
    const header = parse(text);
    expect(header.block?.fields.map((f) => f.key)).toEqual(['BIP', 'Status']);
    expect(header.block?.problems.map((p) => [p.line, p.rule])).toEqual([[5, 'header/unreadable-line']]);
  });

  test('a footer followed by another break and a sign-off is found', () => {
    const text = '# BIP-5: T\n\nBody.\n\n---\n\n**Status**: Draft\n**Created**: 2025-01-01\n\n---\n\n*Signed by the editors.*\n';
    const header = parse(text);
    expect(header.block?.placement).toBe('footer');
    expect(header.body).toContain('Signed by the editors.');
  });

  test('an HTML comment before the title does not hide a preamble under it', () => {
    const text = '<!-- markdownlint-disable -->\n# BIP-5: T\n\n```\nBIP: 5\nStatus: Draft\n```\n';
    expect(parse(text).block?.placement).toBe('fence');
  });

  test('a preamble may start with a key the template does not name', () => {
    expect(parse('```\nLayer: Applications\nBIP: 5\nStatus: Draft\n```\n').block?.fields.map((f) => f.key)).toEqual([
      'Layer',
      'BIP',
      'Status',
    ]);
  });

  test('long lines do not make the parser backtrack (a BIP is untrusted input)', () => {
    const hostile = `# BIP-5: T\n\n## Note${' '.repeat(200_000)}x\n${'#'.repeat(6)}${' \t'.repeat(100_000)}#\n**A**${' '.repeat(100_000)}\n---${' -'.repeat(100_000)}x\n`;
    expect(parse(hostile).h1?.text).toBe('BIP-5: T');
  });

  test('a heading keeps a "#" that belongs to its text', () => {
    expect(parse('# C# Bindings ##\n').h1?.text).toBe('C# Bindings');
  });
});

describe('line ends', () => {
  test('a file with CR line ends (old Mac) reads like one with LF', () => {
    const lf = check(bipText());
    const cr = check(bipText().replace(/\n/g, '\r'));
    expect(cr.messages).toEqual(lf.messages);
    expect(cr.data?.title).toBe('An Example');
    expect(cr.header.body.trim()).toBe(lf.header.body.trim());
  });

  test('U+2028 and U+2029 inside a value do not end the header', () => {
    const r = check(bipText({ Title: 'Line\u2028separated\u2029title' }));
    expect(r.messages).toEqual([]);
    expect(r.data?.title).toBe('Line\u2028separated\u2029title');
    expect(r.data?.license).toBe('MIT');
  });
});

describe('keys that carry a number, by the registry prefixes', () => {
  const lines = '# Proposal\n\n**EIP-07 Status**: Final\n**Title**: T\n**Author**: A (B)\n\n## Abstract\n\nText.\n';
  const fields = (keyPrefix?: string) =>
    parseHeader(lines, {
      isHeaderKey: (n) => ['status', 'title', 'author'].includes(n),
      ...(keyPrefix ? { keyPrefix } : {}),
    }).block?.fields.map((f) => [f.name, f.keyNumber]);

  test('an EIP registry reads **EIP-07 Status** as its status, numbered 07', () => {
    expect(fields('(?:eip)')).toEqual([
      ['status', '07'],
      ['title', undefined],
      ['author', undefined],
    ]);
  });

  test('a BIP registry does not take another registry’s prefix for its own', () => {
    expect(fields()?.[0]).toEqual(['eip-07 status', undefined]);
  });
});
