import { describe, expect, test } from 'vitest';
import { normalizeStatus } from '../../src/lib/bip/status.ts';
import { parseAuthors } from '../../src/lib/bip/authors.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';
import { DEFAULT_STATUSES, isPlaceholder } from '../../src/lib/bip/constants.ts';
import { bipText, check } from '../helpers.ts';

const { parse: parseNumber, fromName: numberFromName, fromH1: numberFromH1, titleFromH1 } = DEFAULT_PROFILE.numbering;

describe('numbers', () => {
  test.each([
    ['5', 5],
    ['05', 5],
    ['005', 5],
    ['0005', 5],
    ['BIP-05', 5],
    ['bip-5', 5],
    ['BIP 5', 5],
    ['BIP5', 5],
    ['0', 0],
    ['BIP-00', 0],
    ['123', 123],
  ])('field %s → %i', (text, n) => expect(parseNumber(text)).toBe(n));

  test.each(['five', '5a', '-5', 'BIP-', '', '5.1'])('field %j is not a number', (text) =>
    expect(parseNumber(text)).toBeUndefined(),
  );

  test.each([
    ['bip-0005.md', 5],
    ['BIP-05.md', 5],
    ['BIP-05-054-some-title.md', 5],
    ['bip_7.mdx', 7],
    ['BIP-03', 3],
    ['README.md', undefined],
    ['bipartite.md', undefined],
    ['bip-12abc.md', undefined],
  ])('name %s → %s', (name, n) => expect(numberFromName(name)).toBe(n));

  test.each([
    ['BIP-05: Title', 5, 'Title'],
    ['🤖 BIP-05: Title', 5, 'Title'],
    ['BIP 7 — Dashes', 7, 'Dashes'],
    ['BIP-XXX: [Descriptive Title]', undefined, '[Descriptive Title]'],
    ['Just a title 🚀', undefined, 'Just a title'],
  ])('H1 %s → %s, %s', (h1, n, title) => {
    expect(numberFromH1(h1)).toBe(n);
    expect(titleFromH1(h1)).toBe(title);
  });

  test.each([
    ['field only', bipText({ BIP: '5' }).replace('# BIP-5: An Example', '# An Example'), 'x.md', undefined, 5],
    ['file name only', bipText({ BIP: null }).replace('# BIP-5: An Example', '# An Example'), 'bip-0005.md', undefined, 5],
    ['H1 only', bipText({ BIP: null }), 'x.md', undefined, 5],
    ['folder only', bipText({ BIP: null }).replace('# BIP-5: An Example', '# An Example'), 'proposal.md', 'BIP-05', 5],
    ['all agree', bipText({ BIP: 'BIP-05' }), 'BIP-05.md', 'BIP-05', 5],
  ])('number from %s', (_name, text, file, folder, n) => {
    const r = check(text, file, folder);
    expect(r.messages).toEqual([]);
    expect(r.data?.bip).toBe(n);
  });
});

describe('statuses', () => {
  test.each([
    ['Draft', 'Draft', undefined],
    ['draft', 'Draft', undefined],
    ['Proposed', 'Proposed', undefined],
    ['In Review', 'Review', undefined],
    ['Peer Review', 'Review', undefined],
    ['In Peer Review - Changes Requested', 'Review', 'Changes Requested'],
    ['Accepted', 'Approved', 'Accepted'],
    ['Approved (Final)', 'Approved', 'Final'],
    ['Implementation', 'Implementation', undefined],
    ['In Progress', 'Implementation', 'In Progress'],
    ['Implemented (Phase 1-2 Complete)', 'Implemented', 'Phase 1-2 Complete'],
    ['Implemented: phase 3 pending', 'Implemented', 'phase 3 pending'],
    ['Final', 'Implemented', 'Final'],
    ['Rejected — superseded by BIP-9', 'Rejected', 'superseded by BIP-9'],
    ['Withdrawn', 'Withdrawn', undefined],
    ['Final (since 2024)', 'Implemented', 'Final; since 2024'],
    ['draft', 'Draft', undefined],
    ['Abandoned', 'Withdrawn', 'Abandoned'],
  ])('%s → %s (note %s)', (raw, status, note) => {
    expect(normalizeStatus(raw, DEFAULT_STATUSES)).toEqual({ status, known: true, ...(note ? { note } : {}) });
  });

  test('unknown text is kept as written and flagged', () => {
    expect(normalizeStatus('Pending Vote', DEFAULT_STATUSES)).toEqual({ status: 'Pending Vote', known: false });
    const r = check(bipText({ Status: 'Pending Vote' }));
    expect(r.data?.status).toBe('Pending Vote');
    expect(r.data?.statusKnown).toBe(false);
    expect(r.messages).toEqual([
      'bip-0005.md:7:13: warning: status "Pending Vote" is not in the lifecycle (Draft, Proposed, Review, Approved, Implementation, Implemented, Rejected, Withdrawn); it is kept as written (add it to "statusAliases" or "statuses" in the registry config) [status/unknown]',
    ]);
  });

  test('configured aliases are honoured', () => {
    const statuses = DEFAULT_STATUSES.map((s) => (s.name === 'Review' ? { ...s, aliases: [...s.aliases, 'in audit'] } : s));
    expect(normalizeStatus('In Audit', statuses).status).toBe('Review');
  });
});

describe('authors', () => {
  test.each([
    ['Claude-4-Sonnet (Anthropic)', [{ name: 'Claude-4-Sonnet', provider: 'Anthropic' }]],
    ['Grok-Code-Fast-1 (Implementation Lead)', [{ name: 'Grok-Code-Fast-1', role: 'Implementation Lead' }]],
    ['GPT-5 (OpenAI) (Reviewer)', [{ name: 'GPT-5', provider: 'OpenAI', role: 'Reviewer' }]],
    [
      'A (X), B (Y)',
      [
        { name: 'A', provider: 'X' },
        { name: 'B', provider: 'Y' },
      ],
    ],
    [
      'A (X) + B (Y)',
      [
        { name: 'A', provider: 'X' },
        { name: 'B', provider: 'Y' },
      ],
    ],
    ['Ada Moreno <ada@example.org>', [{ name: 'Ada Moreno', email: 'ada@example.org' }]],
    ['Model (Lab, Inc.)', [{ name: 'Model', provider: 'Lab, Inc.' }]],
    ['C++ Fan (Self)', [{ name: 'C++ Fan', provider: 'Self' }]],
    ['Solo', [{ name: 'Solo' }]],
  ])('%s', (text, authors) => expect(parseAuthors(text)).toEqual(authors));
});

describe('placeholders', () => {
  test.each([
    'XXX',
    'BIP-XXX',
    'YYYY-MM-DD',
    'TBD',
    '[Core | Process | Interface]',
    '[Your Model Name] ([Provider])',
    '[Descriptive Title]',
  ])('%s is a placeholder', (v) => expect(isPlaceholder(v)).toBe(true));
  test.each(['TBD (Selected by lottery)', 'Core', 'MIT', '2025-01-01', 'GPT-5 (OpenAI)'])('%s is a value', (v) =>
    expect(isPlaceholder(v)).toBe(false),
  );
});

describe('a complete record', () => {
  test('every field is normalized, unknown fields are kept in order', () => {
    const r = check(
      bipText({
        Status: 'Implemented (Phase 1 done)',
        Author: 'A (X) + B (Implementation Lead)',
        Discussion: 'https://example.org/d/1',
        Requires: 'BIP-1',
      }),
    );
    expect(r.messages).toEqual([]);
    const { lines, ...data } = r.data!;
    expect(data).toEqual({
      bip: 5,
      title: 'An Example',
      author: [
        { name: 'A', provider: 'X' },
        { name: 'B', role: 'Implementation Lead' },
      ],
      status: 'Implemented',
      statusNote: 'Phase 1 done',
      statusKnown: true,
      type: 'Standards Track',
      category: 'Core',
      created: '2025-01-02',
      license: 'MIT',
      extra: [
        { key: 'Discussion', value: 'https://example.org/d/1' },
        { key: 'Requires', value: 'BIP-1' },
      ],
      placement: 'section',
    });
    expect(lines).toMatchObject({ bip: 4, title: 5, status: 7 });
  });

  test('choice values are matched without regard to case and stored as the template writes them', () => {
    expect(check(bipText({ Type: 'standards track', Category: 'core' })).data).toMatchObject({
      type: 'Standards Track',
      category: 'Core',
    });
  });

  test('the title falls back to the H1 without emoji or number', () => {
    const r = check(bipText({ Title: null }).replace('# BIP-5: An Example', '# 🤖 BIP-05: From The Heading'));
    expect(r.data?.title).toBe('From The Heading');
  });
});

describe('values as real registries write them', () => {
  test.each([['[Jane Doe](https://example.org/jane) (Lab)', [{ name: 'Jane Doe', provider: 'Lab' }]]])(
    'author %s',
    (text, authors) => expect(parseAuthors(text)).toEqual(authors),
  );

  test.each([
    ['✅ Approved', 'Approved'],
    ['🚧 Draft (early)', 'Draft'],
  ])('status %s → %s', (raw, status) => expect(normalizeStatus(raw, DEFAULT_STATUSES).status).toBe(status));

  test.each(['2024-01-01T10:00:00+02:00', '2024-01-01T10:00Z', '2024-01-01 10:00:00'])('created %s is a date', (created) => {
    expect(check(bipText({ Created: created })).data?.created).toBe('2024-01-01');
  });

  test.each(['2024-01-01T99', '2024-1-1', 'January 2024'])('created %s is not', (created) => {
    expect(check(bipText({ Created: created })).messages[0]).toContain('[created/invalid]');
  });

  test('two numbered keys that disagree are reported at the number', () => {
    const text = '# Title\n\nBody.\n\n---\n\n**BIP-53 Status**: Draft\n**BIP-54 Author**: A (X)\n';
    expect(check(text, 'notes.md').messages).toContain(
      'notes.md:8:7: error: BIP number 54 from the key "BIP-54 Author" disagrees with 53 from the key "BIP-53 Status" [number/mismatch]',
    );
  });
});

test('hostile author values are read in linear time', () => {
  const value = `Jane ${'<@'.repeat(50_000)} ${'[a]('.repeat(20_000)}`;
  expect(parseAuthors(value)[0]?.name.startsWith('Jane')).toBe(true);
});

test('an EIP-style frontmatter header reads as a BIP header', () => {
  const text =
    '---\neip: 7\ntitle: A Proposal\ndescription: One line.\nauthor: Ada (@ada), Bo (Lab)\ndiscussions-to: https://example.org/t/7\nstatus: Draft\ntype: Standards Track\ncategory: Core\ncreated: 2025-01-02\nlicense: MIT\n---\n\n## Abstract\n\nText.\n';
  const r = check(text, 'eip-7.md');
  expect(r.messages).toEqual([]);
  expect(r.data?.bip).toBe(7);
  expect(r.data?.extra.map((e) => e.key)).toEqual(['description', 'discussions-to']);
});

test('a field one or two letters from a template field is pointed out', () => {
  const r = check(bipText({ Category: null, Catagory: 'Core' }));
  expect(r.messages).toEqual([
    'bip-0005.md:11:1: warning: unknown field "Catagory" (did you mean "Category"?); it is shown as an extra field [field/unknown]',
    'bip-0005.md:3:1: warning: the header has no "Category" field [field/missing]',
  ]);
});

test('an empty optional field is a warning, an empty required one an error', () => {
  expect(check(bipText({ License: '' })).messages).toEqual([
    'bip-0005.md:11:14: warning: field "License" is empty [field/empty]',
  ]);
  expect(check(bipText({ Status: '' })).messages[0]).toContain('error: field "Status" is empty [field/empty]');
});

test.each(['Related', 'Requires', 'State', 'Title Note'])('"%s" is an extra field, not a misspelling', (key) => {
  expect(check(bipText({ [key]: 'BIP-3' })).messages).toEqual([]);
});

describe('frontmatter that does not parse', () => {
  test('gives its YAML error alone, not a "missing field" for every field after it', () => {
    const text =
      '---\nbip: 5\ntitle: "unclosed\nauthor: A (B)\nstatus: Draft\ntype: Process\ncategory: Core\ncreated: 2025-01-01\nlicense: MIT\n---\n\n## Abstract\n\nText.\n';
    const r = check(text);
    expect(r.data).toBeUndefined();
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['header/yaml']);
  });

  // One quote left open, on any line and of either kind: one error, where the quote opens, and no
  // "missing field" for the fields it swallowed.
  const fields = [
    'bip: 5',
    'title: T',
    'author: A (B)',
    'status: Draft',
    'type: Process',
    'category: Core',
    'created: 2025-01-01',
  ];
  test.each(['"', "'"].flatMap((quote) => [1, 3, 6].map((at) => [fields[at]!.split(':')[0]!, quote, at] as const)))(
    'an unclosed quote in %s (%s)',
    (_key, quote, at) => {
      const lines = fields.map((f, i) => (i === at ? f.replace(': ', `: ${quote}`) : f));
      const r = check(`---\n${lines.join('\n')}\nlicense: MIT\n---\n\n## Abstract\n\nText.\n`);
      expect(r.data).toBeUndefined();
      const column = fields[at]!.indexOf(':') + 3;
      expect(r.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[at + 2, column, 'header/yaml']]);
      expect(r.diagnostics[0]!.message).toBe(
        `the YAML frontmatter does not parse: Missing closing ${quote}quote (the quote opened here is never closed)`,
      );
    },
  );
});

test('one broken YAML line repeated is one problem, with the count of the rest', () => {
  const text = `---\nbip: 5\ntitle: T\nauthor: A (B)\nstatus: Draft\n${': ]\n'.repeat(150)}---\n\n## Abstract\n\nText.\n`;
  const found = check(text).diagnostics;
  expect(found).toHaveLength(1);
  expect(found[0]!.message).toMatch(/^the YAML frontmatter does not parse: .* \(and \d+ more YAML errors after it\)$/);
});

test('frontmatter past 8 KB is refused unread, with a located error', () => {
  const text = `---\nbip: 5\ntitle: T\nauthor: A (B)\nstatus: Draft\nnotes: "${'x'.repeat(20_000)}"\n---\n\n## Abstract\n\nText.\n`;
  const found = check(text).diagnostics;
  expect(found.map((d) => [d.line, d.rule, d.message])).toEqual([
    [2, 'header/yaml', 'the YAML frontmatter is 20 KB, more than the 8 KB a header may have; it is not read'],
  ]);
});

test.each([
  ['a list 3,000 levels deep', `extra:\n${'- '.repeat(3000)}x`],
  ['brackets 3,000 deep', `extra: ${'['.repeat(3000)}`],
  // Found by the long fuzz run: the parser's stack overflowed.
  ['complex keys 2,000 deep', `${'? '.repeat(2000)}x`],
])('YAML that nests deeper than a header needs is refused unread: %s', (_name, yaml) => {
  const found = check(`---\nbip: 5\ntitle: T\n${yaml}\n---\n\n## Abstract\n\nText.\n`).diagnostics;
  expect(found.map((d) => d.rule)).toEqual(['header/yaml']);
  expect(found[0]!.message).toMatch(
    /^the YAML frontmatter nests \d+ levels deep, more than the 32 a header may have; it is not read$/,
  );
});

test('frontmatter of more lines than a header has is refused unread', () => {
  const text = `---\nbip: 5\ntitle: T\n${'"\n'.repeat(1000)}---\n\n## Abstract\n\nText.\n`;
  const found = check(text).diagnostics;
  expect(found.map((d) => d.message)).toEqual([
    'the YAML frontmatter has 1002 lines, more than the 200 a header may have; it is not read',
  ]);
});
