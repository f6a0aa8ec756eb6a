/**
 * What a review report lacks for the timeline: a date (it is listed last and never taken for the
 * latest decision) or, for a peer or final review, a decision. Warnings, so an author sees why a
 * report shows as it does; the report is published either way.
 */
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';
import type { ReviewReport } from './report.ts';

export function reviewProblems(report: ReviewReport, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!report.date)
    out.push(
      diagnostic(
        file,
        undefined,
        'warning',
        'review/undated',
        'this review report has no date (a `Date: YYYY-MM-DD` line); the review timeline lists it last',
      ),
    );
  if (report.kind !== 'response' && !report.decision)
    out.push(
      diagnostic(
        file,
        undefined,
        'warning',
        'review/undecided',
        'this review report states no decision (a `Decision: Approve`, `Request Changes` or `Reject` line); it does not count towards the review state',
      ),
    );
  return out;
}
