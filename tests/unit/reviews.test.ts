import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadRegistry } from '../../src/lib/registry/load.ts';
import { configFor, fixture } from '../helpers.ts';
import { decisionOf, isoDate, readReviewReport, splitReviewers, type ReviewReport } from '../../src/lib/reviews/report.ts';
import { reviewSummary, sortTimeline } from '../../src/lib/reviews/state.ts';
import { DEFAULT_REVIEWS, resolveReviews, type ReviewDecision, type ReviewState } from '../../src/lib/reviews/vocabulary.ts';

const vocab = DEFAULT_REVIEWS;

/** A peer report (by name and title) with the given body. */
function read(body: string, relPath = 'REVIEW_REPORT.md', title = 'Review Report') {
  return readReviewReport({ relPath, title, body }, vocab);
}

describe('review vocabulary', () => {
  test('defaults come from the template', () => {
    expect(DEFAULT_REVIEWS.minimumPeerReviews).toBe(2);
    expect(DEFAULT_REVIEWS.states).toEqual({
      peer: 'In Review (Peer)',
      changes: 'Changes Requested (Peer)',
      final: 'In Review (Final)',
      approved: 'Approved (Final)',
      rejected: 'Rejected (Final)',
    });
    expect(DEFAULT_REVIEWS.kinds.response).toEqual(['response', 'reply', 'rebuttal']);
    expect(DEFAULT_REVIEWS.exclude).toEqual(['summary', 'template']);
  });

  test('a partial input is merged over the defaults', () => {
    const v = resolveReviews({ minimumPeerReviews: 1, states: { final: 'Awaiting Final' }, decisions: { approve: ['ship it'] } });
    expect(v.minimumPeerReviews).toBe(1);
    expect(v.states.final).toBe('Awaiting Final');
    expect(v.states.peer).toBe('In Review (Peer)');
    expect(v.decisions.approve).toEqual(['ship it']);
    expect(v.decisions.reject).toEqual(DEFAULT_REVIEWS.decisions.reject);
    expect(decisionOf('Ship it!', v)).toBe('approve');
    expect(decisionOf('Approved', v)).toBeUndefined();
  });

  test.each([[{ minimumPeerReviews: -1 }], [{ minimumPeerReviews: 1.5 }], [{ states: { peer: '' } }], [{ unknown: 1 }]])(
    'rejects %j',
    (input) => {
      expect(() => resolveReviews(input as never)).toThrow();
    },
  );
});

describe('recognizing review reports', () => {
  test.each<[string, string, string, ReviewReport['kind'] | undefined]>([
    ['REVIEW_REPORT.md', 'BIP-02 Review Report', '', 'peer'],
    ['REVIEW_REPORT_2.md', 'Final Review Report - Sandboxing', '', 'final'],
    ['FINAL_REVIEW_REPORT.md', 'BIP-02 Final Review Report', '', 'final'],
    ['FINAL_REVIEW_REPORT.md', 'Review Report', '', 'final'],
    ['FINAL_REVIEW_REPORT_ALICE.md', '', '', 'final'],
    ['REVIEW_RESPONSE.md', 'BIP-04 Review Response', '', 'response'],
    ['notes.md', 'Response to Peer Review (Alice)', '', 'response'],
    ['reply-to-review.md', 'Notes', '', 'response'],
    // A kind word alone is not a report: it needs a review word.
    ['peer-discovery.md', 'Peer Discovery', '', undefined],
    ['errors.md', 'Error Response Format', '', undefined],
    ['FINAL.md', 'Final Numbers', '', undefined],
    ['peerReview.md', 'Notes', '', 'peer'],
    ['sub/dir/review.md', '', '', 'peer'],
    ['REVIEW_REPORT_4.md', 'Review Report', '- Review Type: Final Implementation Review', 'final'],
    ['REVIEW_REPORT.md', 'Review Report', '- Review Type: Peer | Final', 'peer'],
    ['REVIEW_REPORT.md', 'Review Report', '- Review Type: Peer', 'peer'],
    ['REVIEW_SUMMARY.md', 'BIP-04 Final Review Summary', '', undefined],
    ['REVIEW_EXECUTIVE_SUMMARY.md', 'Executive Summary', '', undefined],
    ['review-notes.md', 'Review Summary', '', undefined],
    ['peer-review-template.md', 'Peer Review Report', '', undefined],
    ['BIP-07-implementation-plan.md', 'BIP-07 Implementation Plan', '', undefined],
    ['CHANGELOG.md', 'Changelog', '', undefined],
    ['IMPLEMENTATION_SUMMARY.md', 'Implementation Summary', '', undefined],
    ['FINAL_COMPLETION_REPORT.md', 'Final Completion Report', '', undefined],
    ['README.md', 'Previewing the reviewer tooling', '', undefined],
    ['review/NOTES.md', 'Notes', '', undefined],
  ])('%s titled %j', (relPath, title, body, kind) => {
    expect(readReviewReport({ relPath, title, body }, vocab)?.kind).toBe(kind);
  });
});

describe('metadata lines', () => {
  test.each([
    '- **Reviewer**: Alice',
    '- Reviewer: Alice',
    '* Reviewer: Alice',
    '**Reviewer**: Alice',
    '**Reviewer:** Alice',
    '**Reviewer: Alice**',
    'Reviewer: Alice',
    '   -   reviewer:    Alice   ',
    'REVIEWED BY: Alice',
    '- Reviewer(s): Alice',
    '- Peer Reviewer: **Alice**',
  ])('%j', (line) => {
    expect(read(`# Review Report\n\n${line}\n`)?.reviewers).toEqual(['Alice']);
  });

  test.each(['> Reviewer: Alice', 'The reviewer: Alice', '## Reviewer: Alice', '`Reviewer`: Alice'])(
    'not metadata: %j',
    (line) => {
      expect(read(`${line}\n`)?.reviewers).toEqual([]);
    },
  );

  test('CRLF line endings', () => {
    const r = read('- Reviewer: Alice\r\n- Date: 2025-03-04\r\n- Decision: Approve\r\n');
    expect(r).toMatchObject({ reviewers: ['Alice'], date: '2025-03-04', decision: 'approve', decisionLine: 3 });
  });

  test('fenced code is ignored', () => {
    const body = [
      '```markdown',
      '- Reviewer: Mallory',
      '- Decision: Reject',
      '## Decision',
      'Rejected',
      '```',
      '~~~~',
      '```',
      '- Date: 2020-01-01',
      '~~~~',
      '- Reviewer: Alice',
      '- Decision: Approve',
    ].join('\n');
    expect(read(body)).toMatchObject({ reviewers: ['Alice'], decision: 'approve', decisionLine: 12 });
    expect(read(body)?.date).toBeUndefined();
    expect(read('```\n## Decision\nRejected\n```\n')?.decision).toBeUndefined();
  });
});

describe('decisions', () => {
  test.each<[string, ReviewDecision | undefined]>([
    ['Approve', 'approve'],
    ['APPROVED FOR PRODUCTION', 'approve'],
    ['✅ **APPROVED**', 'approve'],
    ['Approve (conditional on CI green)', 'approve'],
    ['LGTM', 'approve'],
    ['Accepted', 'approve'],
    ['Request Changes', 'request-changes'],
    ['Changes Requested', 'request-changes'],
    ['request-changes', 'request-changes'],
    ['❌ CHANGES REQUIRED', 'request-changes'],
    ['Needs work before merging', 'request-changes'],
    ['Reject', 'reject'],
    ['Declined', 'reject'],
    ['Not approved', undefined],
    ['not approved; changes requested', 'request-changes'],
    ['No changes requested', undefined],
    ['Disapproved', undefined],
    ['Approvals pending', undefined],
    ['Approve | Request Changes', undefined],
    ['Approve | Changes Requested | Reject', undefined],
    ['Approve/Reject', undefined],
    ['[Approve or Reject]', undefined],
    ['Approve [notes]', 'approve'],
    ['Pending', undefined],
    ['', undefined],
  ])('%j', (value, decision) => {
    expect(decisionOf(value, vocab)).toBe(decision);
  });

  test.each<[string, string, ReviewDecision | undefined, string | undefined, number | undefined]>([
    ['decision key', '- Decision: Request Changes', 'request-changes', 'Request Changes', 1],
    ['final decision key', '- **Final Decision**: APPROVED', 'approve', 'APPROVED', 1],
    ['recommendation key', '**Recommendation:** Reject', 'reject', 'Reject', 1],
    ['verdict key', 'Verdict: LGTM', 'approve', 'LGTM', 1],
    ['outcome key', '- Outcome: needs changes', 'request-changes', 'needs changes', 1],
    [
      'bold overall assessment line',
      'Intro.\n\n**Overall Assessment: APPROVED FOR PRODUCTION** ✅',
      'approve',
      'APPROVED FOR PRODUCTION',
      3,
    ],
    ['status with a decision word', '- **Status**: APPROVED (with minor notes)', 'approve', 'APPROVED (with minor notes)', 1],
    ['status without one', '- Status: Draft', undefined, undefined, undefined],
    ['section', '## Decision\n\n**APPROVED** for merge. Details follow.', 'approve', 'APPROVED for merge', 3],
    ['section, any level', '#### Verdict\n- ❌ Rejected', 'reject', 'Rejected', 2],
    ['section whose first line is a heading', '## Final Recommendation\n### ✅ **APPROVED**', 'approve', 'APPROVED', 2],
    ['section without a decision word', '## Recommendation\nMerge after the docs pass.', undefined, undefined, undefined],
    [
      'template placeholders',
      '## Decision\n- Decision: Approve | Request Changes\n- Status: [status]',
      undefined,
      undefined,
      undefined,
    ],
    ['decision key before status', '- Status: Approved\n- Decision: Request Changes', 'request-changes', 'Request Changes', 2],
    ['status before section', '- Status: Approved\n## Decision\nRejected', 'approve', 'Approved', 1],
    ['undecided key falls through', '- Decision: Pending\n## Verdict\nApproved', 'approve', 'Approved', 3],
  ])('%s', (_name, body, decision, text, line) => {
    const r = read(body);
    expect(r?.decision).toBe(decision);
    expect(r?.decisionText).toBe(text);
    expect(r?.decisionLine).toBe(line);
  });

  test('long decision text is shortened', () => {
    const text = read(`- Decision: Approve ${'with a very long rationale '.repeat(10)}`)?.decisionText ?? '';
    expect(text.length).toBeLessThanOrEqual(80);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('reviewers', () => {
  test.each<[string, string[]]>([
    ['Alice', ['Alice']],
    ['Alice, Bob; Carol and Dave & Eve', ['Alice', 'Bob', 'Carol', 'Dave', 'Eve']],
    ['Grok-Code-Fast-1 (xAI), GPT-5 (OpenAI, lead)', ['Grok-Code-Fast-1 (xAI)', 'GPT-5 (OpenAI, lead)']],
    ['Sandy Anderson', ['Sandy Anderson']],
    ['Alice, alice, , Bob,', ['Alice', 'Bob']],
    ['[names]', []],
    ['N/A', []],
    ['**Alice**, **Bob**', ['Alice', 'Bob']],
  ])('%j', (value, names) => {
    expect(splitReviewers(value, vocab)).toEqual(names);
  });

  test.each<[string, string, string, string[]]>([
    ['final reviewer over reviewers', 'FINAL_REVIEW_REPORT.md', '- Reviewers: P1, P2\n- Final Reviewer: F', ['F']],
    ['peer keeps the reviewer keys', 'REVIEW_REPORT.md', '- Final Reviewer: F\n- Reviewers: P1, P2', ['P1', 'P2']],
    ['placeholder falls through', 'REVIEW_REPORT.md', '- Reviewer(s): [names]\n- Reviewer: Alice', ['Alice']],
    ['response author', 'REVIEW_RESPONSE.md', '**To**: R (Final Reviewer)\n**From**: Imp (Lead)\n', ['Imp (Lead)']],
    ['response implementer', 'REVIEW_RESPONSE.md', '- **Implementer Response**: Carol', ['Carol']],
  ])('%s', (_name, relPath, body, names) => {
    expect(read(body, relPath, '')?.reviewers).toEqual(names);
  });
});

describe('tables', () => {
  const roster =
    '| Reviewer | Role | Decision |\n| --- | --- | --- |\n| GPT-5 (OpenAI) | lead | Approve |\n| **Ada Moreno** | second | Approve |';
  test.each<[string, string, string[], ReviewDecision | undefined]>([
    [
      'a Reviewer column names the reviewers, a Decision column the decision',
      roster,
      ['GPT-5 (OpenAI)', 'Ada Moreno'],
      'approve',
    ],
    [
      'key and value rows',
      '| Field | Value |\n|:--|--:|\n| Reviewer | Grok-4 (xAI) |\n| Decision | Request changes |',
      ['Grok-4 (xAI)'],
      'request-changes',
    ],
    ['a table without a header row', '| Reviewers | A, B |\n| Decision | Reject |', ['A', 'B'], 'reject'],
    [
      'reviewers who disagree state no one decision',
      '| Reviewer | Decision |\n|-|-|\n| A | Approve |\n| B | Reject |',
      ['A', 'B'],
      undefined,
    ],
    ['a metadata line wins over a table', `- **Reviewer**: Lead\n- **Decision**: Reject\n\n${roster}`, ['Lead'], 'reject'],
    ['a table in fenced code is an example', '```\n| Reviewer | Decision |\n|-|-|\n| A | Approve |\n```', [], undefined],
  ])('%s', (_name, body, reviewers, decision) => {
    const report = read(body);
    expect(report?.reviewers).toEqual(reviewers);
    expect(report?.decision).toBe(decision);
  });

  test('the decision is located at the row it was read from', () => {
    expect(read(`# Report\n\nText.\n\n${roster}`)?.decisionLine).toBe(7);
  });
});

describe('dates', () => {
  test.each<[string, string | undefined]>([
    ['2025-09-10', '2025-09-10'],
    ['2025-09-09 10:00:00 UTC', '2025-09-09'],
    ['2025-09-09T00:00:00Z', '2025-09-09'],
    ['2025-09-08 (first pass)', '2025-09-08'],
    ['[YYYY-MM-DD]', undefined],
    ['2025-13-01', undefined],
    ['2025-02-32', undefined],
    ['2025-00-10, then 2025-01-10', '2025-01-10'],
    ['12025-01-01', undefined],
    ['September 9, 2025', undefined],
  ])('%j', (value, date) => {
    expect(isoDate(value)).toBe(date);
  });

  const body = '- Date: 2025-01-01\n- Final Review Date: 2025-02-02\n- Response Date: 2025-03-03';
  test.each<[string, string]>([
    ['FINAL_REVIEW_REPORT.md', '2025-02-02'],
    ['REVIEW_REPORT.md', '2025-01-01'],
    ['REVIEW_RESPONSE.md', '2025-03-03'],
  ])('the most specific key for %s', (relPath, date) => {
    expect(read(body, relPath, '')?.date).toBe(date);
  });

  test('review date, and a placeholder falls through', () => {
    expect(read('- Date: [YYYY-MM-DD]\n- **Review Date**: 2025-04-05')?.date).toBe('2025-04-05');
  });
});

/** A report for the state machine. */
function rep(
  relPath: string,
  kind: ReviewReport['kind'],
  date?: string,
  decision?: ReviewDecision,
  reviewers: string[] = [],
): ReviewReport {
  return { relPath, kind, reviewers, ...(date ? { date } : {}), ...(decision ? { decision } : {}) };
}

describe('review state', () => {
  test.each<[string, ReviewReport[], ReviewState | undefined, number]>([
    ['no reports', [], undefined, 0],
    ['only a response', [rep('r.md', 'response', '2025-01-01')], undefined, 0],
    ['one peer approval', [rep('a.md', 'peer', '2025-01-01', 'approve', ['A'])], 'peer', 1],
    ['a peer report without a decision', [rep('a.md', 'peer', '2025-01-01', undefined, ['A'])], 'peer', 0],
    [
      'two peer approvals',
      [rep('a.md', 'peer', '2025-01-01', 'approve', ['A']), rep('b.md', 'peer', '2025-01-02', 'approve', ['B'])],
      'final',
      2,
    ],
    [
      'two approvals by one reviewer',
      [rep('a.md', 'peer', '2025-01-01', 'approve', ['A']), rep('b.md', 'peer', '2025-01-02', 'approve', ['a'])],
      'peer',
      1,
    ],
    [
      'one reviewer however written',
      [
        rep('a.md', 'peer', '2025-01-01', 'approve', ['GPT-5 (Third Peer Reviewer)']),
        rep('b.md', 'peer', '2025-01-02', 'approve', ['gpt-5']),
      ],
      'peer',
      1,
    ],
    [
      'approvals without reviewer names count apart',
      [rep('a.md', 'peer', '2025-01-01', 'approve'), rep('b.md', 'peer', '2025-01-02', 'approve')],
      'final',
      2,
    ],
    ['one report by two reviewers', [rep('a.md', 'peer', '2025-01-01', 'approve', ['A', 'B'])], 'final', 2],
    [
      'an undated request for changes is not taken for the latest',
      [
        rep('a.md', 'peer', undefined, 'request-changes', ['A']),
        rep('b.md', 'peer', '2025-01-02', 'approve', ['A']),
        rep('c.md', 'peer', '2025-01-03', 'approve', ['B']),
      ],
      'final',
      2,
    ],
    [
      'changes requested last',
      [rep('a.md', 'peer', '2025-01-01', 'approve', ['A']), rep('b.md', 'peer', '2025-01-02', 'request-changes', ['B'])],
      'changes',
      1,
    ],
    [
      'changes requested, then approved by the same reviewer',
      [rep('a.md', 'peer', '2025-01-01', 'request-changes', ['A']), rep('b.md', 'peer', '2025-01-02', 'approve', ['A'])],
      'peer',
      1,
    ],
    [
      'changes requested, then two approvals',
      [
        rep('a.md', 'peer', '2025-01-01', 'request-changes', ['A']),
        rep('r.md', 'response', '2025-01-02', undefined, ['Imp']),
        rep('b.md', 'peer', '2025-01-03', 'approve', ['A']),
        rep('c.md', 'peer', '2025-01-04', 'approve', ['B']),
      ],
      'final',
      2,
    ],
    [
      'a later undecided report does not clear a change request',
      [rep('a.md', 'peer', '2025-01-01', 'request-changes', ['A']), rep('b.md', 'peer', '2025-01-02', undefined, ['B'])],
      'changes',
      0,
    ],
    [
      'final approval',
      [rep('a.md', 'peer', '2025-01-01', 'approve', ['A']), rep('f.md', 'final', '2025-01-05', 'approve', ['F'])],
      'approved',
      1,
    ],
    ['final rejection', [rep('f.md', 'final', '2025-01-05', 'reject', ['F'])], 'rejected', 0],
    ['final change request', [rep('f.md', 'final', '2025-01-05', 'request-changes', ['F'])], 'changes', 0],
    ['final report without a decision', [rep('f.md', 'final', '2025-01-05', undefined, ['F'])], 'final', 0],
    [
      'the latest final decision wins',
      [rep('f1.md', 'final', '2025-01-05', 'reject', ['F']), rep('f2.md', 'final', '2025-01-06', 'approve', ['F'])],
      'approved',
      0,
    ],
    [
      'a later undecided final report keeps the decision',
      [rep('f1.md', 'final', '2025-01-05', 'request-changes', ['F']), rep('f2.md', 'final', '2025-01-06', undefined, ['F'])],
      'changes',
      0,
    ],
    [
      'same-day finals in path order',
      [
        rep('REVIEW_REPORT_2.md', 'final', '2025-01-05', 'approve'),
        rep('REVIEW_REPORT.md', 'final', '2025-01-05', 'request-changes'),
      ],
      'approved',
      0,
    ],
  ])('%s', (_name, reports, state, approvals) => {
    const summary = reviewSummary(reports, vocab);
    expect(summary?.state).toBe(state);
    if (state) {
      expect(summary?.label).toBe(vocab.states[state]);
      expect(summary?.peerApprovals).toBe(approvals);
    }
  });

  test('the vocabulary sets the threshold and the labels', () => {
    const v = resolveReviews({ minimumPeerReviews: 1, states: { final: 'Awaiting Final' } });
    const summary = reviewSummary([rep('a.md', 'peer', '2025-01-01', 'approve', ['A'])], v);
    expect(summary).toMatchObject({ state: 'final', label: 'Awaiting Final', peerApprovals: 1 });
  });

  test('timeline: by date, undated last; on one day peer, response, final; then by path', () => {
    const reports = [
      rep('z.md', 'peer'),
      rep('b.md', 'peer', '2025-01-02'),
      rep('c.md', 'response', '2025-01-01'),
      rep('a.md', 'peer'),
      rep('a.md', 'final', '2025-01-02'),
      rep('d.md', 'response', '2025-01-02'),
    ];
    const order = (list: ReviewReport[]) => list.map((r) => `${r.relPath}:${r.date ?? '-'}`);
    expect(order(sortTimeline(reports))).toEqual([
      'c.md:2025-01-01',
      'b.md:2025-01-02',
      'd.md:2025-01-02',
      'a.md:2025-01-02',
      'a.md:-',
      'z.md:-',
    ]);
    expect(order(reviewSummary(reports, vocab)?.timeline ?? [])).toEqual(order(sortTimeline(reports)));
    expect(reports[0]?.relPath).toBe('z.md');
  });
});

describe('a whole report', () => {
  test('peer report in the template layout', () => {
    const body = [
      '# Peer Review Report',
      '',
      '## Metadata',
      '- BIP: BIP-09',
      '- Title: Something',
      '- Reviewers: Alice (Acme), Bob',
      '- Date: 2025-06-01',
      '',
      '## Requested Changes',
      '- [ ] Tighten the tests',
      '',
      '## Decision',
      '- Decision: Request Changes',
      '- Rationale: the tests approve too much.',
      '',
      '## Sign-off',
      '- Reviewer(s): Alice',
      '- Date: 2025-06-02T10:00:00Z',
      '- Status: ⚠️ Changes Requested',
    ].join('\n');
    expect(read(body, 'BIP-09/REVIEW_REPORT.md', 'Peer Review Report')).toEqual({
      relPath: 'BIP-09/REVIEW_REPORT.md',
      kind: 'peer',
      reviewers: ['Alice (Acme)', 'Bob'],
      date: '2025-06-01',
      decision: 'request-changes',
      decisionText: 'Request Changes',
      decisionLine: 13,
    });
  });
});

describe('what a report lacks, reported where the registry is loaded', () => {
  test('an undated report and a review without a decision are warned about; a response needs no decision', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bip-reviews-'));
    cpSync(fixture('history-registry'), dir, { recursive: true });
    writeFileSync(join(dir, 'BIP-03', 'PEER_REVIEW_4.md'), '# Peer Review Report\n\n- Reviewer: Model-Q\n\nLooks fine to me.\n');
    writeFileSync(
      join(dir, 'BIP-03', 'REVIEW_RESPONSE.md'),
      '# Review Response\n\n- From: Model-M\n- Date: 2025-01-22\n\nThe version field is added.\n',
    );
    try {
      const found = loadRegistry(configFor(dir))
        .diagnostics.filter((d) => d.rule.startsWith('review/'))
        .map((d) => `${d.file} ${d.rule}`);
      expect(found).toEqual(['BIP-03/PEER_REVIEW_4.md review/undated', 'BIP-03/PEER_REVIEW_4.md review/undecided']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the reports of the example fixture are complete', () => {
    expect(loadRegistry(configFor(fixture('history-registry'))).diagnostics.filter((d) => d.rule.startsWith('review/'))).toEqual(
      [],
    );
  });
});
