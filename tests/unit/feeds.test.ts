import { describe, expect, test } from 'vitest';
import { changeItems, headerDate, proposalItems, type FeedProposal } from '../../src/lib/feeds/items.ts';
import type { ProposalEvent } from '../../src/lib/history/timeline.ts';

const p = (number: number, date?: string): FeedProposal => ({
  number,
  label: `BIP-${number}`,
  title: `Proposal ${number}`,
  status: 'Draft',
  categories: ['Draft'],
  authors: ['Model-A <x>'],
  url: `https://r.example.org/bip-${number}/`,
  date: headerDate(date),
});

describe('feed items', () => {
  test('newest proposals first, undated last, at most the feed size', () => {
    const items = proposalItems([p(1, '2025-01-01'), p(2), p(3, '2025-03-01'), p(4, '2025-03-01')], 3);
    expect(items.map((i) => i.title)).toEqual(['BIP-4: Proposal 4', 'BIP-3: Proposal 3', 'BIP-1: Proposal 1']);
    expect(items[0]!.customData).toBe('<dc:creator>Model-A &lt;x&gt;</dc:creator>');
  });

  test.each([
    ['2025-02-30', undefined],
    ['2025-1-2', undefined],
    [undefined, undefined],
    ['2025-02-03', '2025-02-03T00:00:00.000Z'],
  ])('header date %j → %j', (value, iso) => {
    expect(headerDate(value)?.toISOString()).toBe(iso);
  });

  test('each event is its own item, with a guid naming its commit', () => {
    const commit = (sha: string, date: string) => ({ sha, date, author: 'Editor', subject: 'Update' });
    const events: ProposalEvent[] = [
      { kind: 'status', number: 5, title: 'Five', from: 'Draft', to: 'Review', commit: commit('b2', '2025-02-01T00:00:00Z') },
      { kind: 'added', number: 5, title: 'Five', status: 'Draft', commit: commit('a1', '2025-01-01T00:00:00Z') },
    ];
    const items = changeItems(
      events,
      (n) => `BIP-${n}`,
      (n) => `https://r/bip-${n}/`,
    );
    expect(items.map((i) => i.title)).toEqual(['BIP-5 moved from Draft to Review', 'BIP-5 added: Five (Draft)']);
    expect(items[0]!.customData).toContain('<guid isPermaLink="false">b2:5:Draft&gt;Review</guid>');
    expect(items[0]!.pubDate!.toISOString()).toBe('2025-02-01T00:00:00.000Z');
  });

  test('characters XML does not allow are left out, others escaped', () => {
    const commit = { sha: 'c3', date: '2025-02-01T00:00:00Z', author: 'Ed\u001b[31m <ed>', subject: 'Fix\u000c & tidy' };
    const [item] = changeItems(
      [{ kind: 'added', number: 5, title: 'T\u0000', status: 'Draft', commit }],
      (n) => `BIP-${n}`,
      (n) => `https://r/${n}/`,
    );
    expect(item!.description).toBe('Fix & tidy');
    expect(item!.title).toBe('BIP-5 added: T (Draft)');
    expect(item!.customData).toContain('<dc:creator>Ed[31m &lt;ed&gt;</dc:creator>');
  });
});
