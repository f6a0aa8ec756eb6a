/**
 * A proposal's review reports → where its review stands (in peer review, changes requested, waiting
 * for or decided by the final review) and the reports in the order they were written.
 */
import type { ReviewReport } from './report.ts';
import type { ReviewState, ReviewVocabulary } from './vocabulary.ts';

export interface ReviewSummary {
  state: ReviewState;
  /** The state's display name in the vocabulary. */
  label: string;
  /** Every report, responses included, oldest first; undated ones last. */
  timeline: ReviewReport[];
  /** Distinct peer reviewers whose latest decision approves. */
  peerApprovals: number;
}

/** The review state of a proposal; undefined when it has no peer or final report. */
export function reviewSummary(reports: ReviewReport[], vocab: ReviewVocabulary): ReviewSummary | undefined {
  if (!reports.some((r) => r.kind === 'peer' || r.kind === 'final')) return undefined;
  const timeline = sortTimeline(reports);
  const peers = timeline.filter((r) => r.kind === 'peer');
  const peerApprovals = countApprovals(peers);
  const state = finalState(timeline) ?? peerState(peers, peerApprovals, vocab.minimumPeerReviews);
  return { state, label: vocab.states[state], timeline, peerApprovals };
}

/** A day's reports in the order a review goes: peer reviews, responses to them, the final review. */
const KIND_ORDER: Readonly<Record<ReviewReport['kind'], number>> = { peer: 0, response: 1, final: 2 };

/** By date, undated after dated; on one day (or undated) peer before response before final, then by path. */
export function sortTimeline(reports: ReviewReport[]): ReviewReport[] {
  return [...reports].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === undefined) return 1;
      if (b.date === undefined) return -1;
      return a.date < b.date ? -1 : 1;
    }
    const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    if (kind !== 0) return kind;
    return a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0;
  });
}

/** The state the latest final report with a decision gives; `final` when no final report decides. */
function finalState(timeline: ReviewReport[]): ReviewState | undefined {
  const finals = timeline.filter((r) => r.kind === 'final');
  if (finals.length === 0) return undefined;
  const decided = latest(finals);
  if (decided?.decision === 'approve') return 'approved';
  if (decided?.decision === 'reject') return 'rejected';
  if (decided?.decision === 'request-changes') return 'changes';
  return 'final';
}

function peerState(peers: ReviewReport[], approvals: number, minimum: number): ReviewState {
  if (latest(peers)?.decision === 'request-changes') return 'changes';
  return approvals >= minimum ? 'final' : 'peer';
}

/** Undated reports first, then the dated ones in order: when a report was written is only known
 * for the dated ones, so an undated report is never taken for the latest. */
const byKnownTime = (reports: ReviewReport[]) => [...reports.filter((r) => !r.date), ...reports.filter((r) => r.date)];

/** The latest report with a decision (see byKnownTime). */
function latest(reports: ReviewReport[]): ReviewReport | undefined {
  return byKnownTime(reports)
    .filter((r) => r.decision !== undefined)
    .at(-1);
}

/** Reviewers (by name, a report without one by its path) whose latest peer decision approves. */
function countApprovals(peers: ReviewReport[]): number {
  const latest = new Map<string, ReviewReport>();
  for (const report of byKnownTime(peers)) {
    if (report.decision === undefined) continue;
    const ids = report.reviewers.length > 0 ? report.reviewers.map(reviewerId) : [`path:${report.relPath}`];
    for (const id of ids) latest.set(id, report);
  }
  let count = 0;
  for (const report of latest.values()) if (report.decision === 'approve') count++;
  return count;
}

/** `GPT-5 (Third Peer Reviewer)` and `gpt-5` are one reviewer: lower case, parentheses dropped. */
export function reviewerId(name: string): string {
  let out = '';
  let depth = 0;
  for (const ch of name) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  const id = out.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  return id || name.toLowerCase();
}
