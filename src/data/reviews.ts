/**
 * Each proposal's review: its companion documents that are review reports (read where the
 * registry is loaded, lib/reviews/), the state they add up to and their timeline, derived once
 * per build.
 */
import type { ReviewReport } from '../lib/reviews/report.ts';
import { reviewSummary, type ReviewSummary } from '../lib/reviews/state.ts';
import { profile, state } from './site.ts';

export interface Review extends ReviewSummary {
  /** Report path → the companion's slug, for its link. */
  slugs: ReadonlyMap<string, string>;
}

const reviews = state.derive('reviews', () => {
  const out = new Map<number, { reports: ReviewReport[]; review?: Review }>();
  for (const b of state.registry.bips) {
    const slugs = new Map<string, string>();
    const reports: ReviewReport[] = [];
    for (const c of b.companions) {
      const report = c.review;
      if (!report) continue;
      reports.push(report);
      slugs.set(c.relPath, c.slug);
    }
    const summary = reviewSummary(reports, profile.reviews);
    out.set(b.data.bip, { reports, ...(summary ? { review: { ...summary, slugs } } : {}) });
  }
  return out;
});

/** The review of a proposal with peer or final reports. */
export function reviewOf(n: number): Review | undefined {
  return reviews.get(n)?.review;
}

/** The report a companion document is, if it is one. */
export function reportOf(n: number, relPath: string): ReviewReport | undefined {
  return reviews.get(n)?.reports.find((r) => r.relPath === relPath);
}
