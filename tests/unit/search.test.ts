import { describe, expect, test } from 'vitest';
import { NUMBER_FILTER, SEARCH_FACETS, facetValues, searchRecord } from '../../src/lib/search/record.ts';
import { emptyState, readState, selectedValues, writeState } from '../../src/lib/search/state.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';

const bip = {
  bip: 12,
  title: 'Quorum Rules',
  status: 'Draft',
  type: 'Standards Track',
  category: 'Core',
  created: '2025-03-04',
  author: [
    { name: 'Claude-Opus-4', provider: 'Anthropic' },
    { name: 'Claude-Sonnet-4', provider: 'Anthropic' },
    { name: 'Ada Moreno', role: 'Editor' },
  ],
};

const bipNumberQuery = DEFAULT_PROFILE.numbering.parse;

describe('a number in the query', () => {
  test.each([
    ['5', 5],
    ['05', 5],
    ['0', 0],
    ['bip5', 5],
    ['bip-5', 5],
    ['BIP-05', 5],
    ['BIP 0005', 5],
    ['Bip_12', 12],
    ['#7', 7],
    ['  bip-5  ', 5],
  ])('%j names BIP %i', (query, n) => {
    expect(bipNumberQuery(query)).toBe(n);
  });

  test.each(['', 'bip', 'bip-5 rollout', '5.1', 'BIP-5a', 'eip-5', '-5', '12345678'])('%j is text', (query) => {
    expect(bipNumberQuery(query)).toBeUndefined();
  });
});

describe('search state in the URL', () => {
  test.each([
    ['', emptyState()],
    ['?q=consensus', { q: 'consensus', filters: {}, sort: 'relevance' }],
    ['?q=a+b&status=draft&status=review&sort=newest', { q: 'a b', filters: { status: ['draft', 'review'] }, sort: 'newest' }],
    [
      '?author=Claude-Opus-4&provider=Anthropic',
      { q: '', filters: { author: ['claude-opus-4'], provider: ['anthropic'] }, sort: 'relevance' },
    ],
  ])('%s reads as a state', (query, state) => {
    expect(readState(new URLSearchParams(query))).toEqual(state);
  });

  test('unknown parameters, unknown sorts, empty and repeated values are dropped', () => {
    expect(readState(new URLSearchParams('?q=%20x%20&colour=red&sort=random&status=&status=Draft&status=draft'))).toEqual({
      q: 'x',
      filters: { status: ['draft'] },
      sort: 'relevance',
    });
  });

  test.each([
    '?q=consensus',
    '?q=a+b&status=draft&status=review&sort=newest',
    '?category=core&type=standards-track&author=ada-moreno&provider=anthropic&sort=number',
  ])('%s round-trips', (query) => {
    expect(writeState(readState(new URLSearchParams(query)))).toBe(query);
  });

  test('an empty search has no query string; facets are written in one fixed order', () => {
    expect(writeState(emptyState())).toBe('');
    expect(writeState({ q: '', filters: { provider: ['openai'], status: ['draft'] }, sort: 'relevance' })).toBe(
      '?status=draft&provider=openai',
    );
  });

  test('slugs select the index values they name; unknown slugs select nothing', () => {
    const state = readState(new URLSearchParams('?status=draft&type=standards-track&author=nobody'));
    const known = { status: ['Draft', 'Review'], type: ['Standards Track', 'Informational'], author: ['Ada Moreno'] };
    expect(selectedValues(state, known)).toEqual({ status: ['Draft'], type: ['Standards Track'] });
  });
});

describe('search records', () => {
  const kinds = { proposal: 'XIPs', document: 'Documents' };

  test('a proposal page: one filter per facet value, its number filter, meta and sort keys', () => {
    const record = searchRecord(bip, 'draft', kinds);
    expect(record.filters).toEqual([
      ['kind', 'XIPs'],
      ['status', 'Draft'],
      ['category', 'Core'],
      ['type', 'Standards Track'],
      ['author', 'Claude-Opus-4'],
      ['author', 'Claude-Sonnet-4'],
      ['author', 'Ada Moreno'],
      ['provider', 'Anthropic'],
      [NUMBER_FILTER, '12'],
    ]);
    expect(record.meta).toEqual({ bip: '12', title: 'Quorum Rules', status: 'Draft', tone: 'draft', kind: 'bip' });
    expect(record.sort).toEqual({ number: '12', created: '2025-03-04' });
    expect(record.text).toBe('Authors: Claude-Opus-4 (Anthropic), Claude-Sonnet-4 (Anthropic), Ada Moreno.');
  });

  // Facet counts then count proposals, as the index and the listing pages do.
  test('a companion document: the document kind only, its own title, sorted with its proposal, not found by number', () => {
    const record = searchRecord(bip, 'draft', kinds, { title: 'Review Report' });
    expect(record.filters).toEqual([['kind', 'Documents']]);
    expect(record.meta).toEqual({
      bip: '12',
      title: 'Review Report',
      status: 'Draft',
      tone: 'draft',
      kind: 'companion',
      parent: 'Quorum Rules',
    });
    expect(record.sort.number).toBe('12');
    expect(record.text).toBe('');
  });

  test('missing fields give no filter; an undated BIP sorts as the oldest', () => {
    const bare = { bip: 3, title: 'T', status: 'Review', author: [{ name: 'GPT-5' }] };
    expect(facetValues(bare, kinds)).toEqual({
      kind: ['XIPs'],
      status: ['Review'],
      category: [],
      type: [],
      author: ['GPT-5'],
      provider: [],
    });
    expect(searchRecord(bare, 'review', kinds).sort.created < '1000-01-01').toBe(true);
  });

  test('every facet has a label and appears in the URL under its own key', () => {
    for (const f of SEARCH_FACETS) {
      expect(f.label).toBeTruthy();
      expect(writeState({ q: '', filters: { [f.key]: ['x'] }, sort: 'relevance' })).toBe(`?${f.key}=x`);
    }
  });
});
