/**
 * The words a registry's review reports are written in, as data: the names of the review states,
 * the phrases that mean a decision, the words that mark a report's kind and the metadata keys that
 * name its reviewers, date and decision. A registry's settings file may rewrite any of them under
 * `reviews`; what it leaves out comes from the bundled template's Review Process.
 */
import { z } from 'astro/zod';

export const REVIEW_KINDS = ['peer', 'final', 'response'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_DECISIONS = ['approve', 'request-changes', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REVIEW_STATES = ['peer', 'changes', 'final', 'approved', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A list of words or phrases, matched case-insensitively as whole words. */
const words = (defaults: string[]) => z.array(z.string().trim().min(1)).default(defaults);
const label = (defaults: string) => z.string().trim().min(1).default(defaults);

const statesSchema = z
  .object({
    peer: label('In Review (Peer)'),
    changes: label('Changes Requested (Peer)'),
    final: label('In Review (Final)'),
    approved: label('Approved (Final)'),
    rejected: label('Rejected (Final)'),
  })
  .strict();

const decisionsSchema = z
  .object({
    approve: words(['approve', 'approved', 'accept', 'accepted', 'lgtm']),
    'request-changes': words([
      'request changes',
      'changes requested',
      'request-changes',
      'revisions required',
      'changes required',
      'needs changes',
      'needs work',
    ]),
    reject: words(['reject', 'rejected', 'declined']),
  })
  .strict();

const kindsSchema = z
  .object({
    /** Words that make a document a review report: a peer review, unless a final or response
     * word says more. Without one ("Peer Discovery", "Error Response Format") it is none. */
    peer: words(['review', 'reviews']),
    final: words(['final']),
    response: words(['response', 'reply', 'rebuttal']),
  })
  .strict();

/** What the pages call each kind of report and each decision. */
const labelsSchema = z
  .object({
    kinds: z
      .object({ peer: label('Peer review'), final: label('Final review'), response: label('Response') })
      .strict()
      .prefault({}),
    decisions: z
      .object({ approve: label('Approve'), 'request-changes': label('Request changes'), reject: label('Reject') })
      .strict()
      .prefault({}),
    /** `{n} of {m} peer approvals`. */
    approvals: label('{n} of {m} peer approvals'),
  })
  .strict();

/** Metadata keys (`- **Reviewer**: …`), compared case-insensitively with spaces collapsed. */
const fieldsSchema = z
  .object({
    /** Who wrote a peer or final report. */
    reviewer: words(['reviewer', 'reviewers', 'reviewer(s)', 'reviewed by', 'peer reviewer', 'final reviewer']),
    /** Who wrote a response; preferred over the reviewer keys in a response. */
    responder: words(['from', 'author', 'implementer', 'implementer response']),
    date: words(['date', 'review date', 'final review date', 'response date']),
    decision: words(['decision', 'final decision', 'recommendation', 'verdict', 'outcome', 'overall assessment']),
    /** Keys that give a decision only when their value holds a decision word. */
    status: words(['status']),
    /** Keys whose value, when it holds a `final` word, makes a report a final one. */
    reviewType: words(['review type']),
  })
  .strict();

export const reviewsSchema = z
  .object({
    /** Peer approvals, by distinct reviewers, after which a proposal waits for its final review. */
    minimumPeerReviews: z.number().int().min(0).default(2),
    /** Display names of the review states. */
    states: statesSchema.prefault({}),
    /** Words and phrases that mean each decision. */
    decisions: decisionsSchema.prefault({}),
    /** Words in a file name or title that mark a report, and its kind. */
    kinds: kindsSchema.prefault({}),
    /** Words in a file name or title that mark a document as not a report. */
    exclude: words(['summary', 'template']),
    /** A word right before a decision phrase that cancels it (`not approved`). */
    negations: words(['not', 'no', 'never']),
    /** Values that stand for nobody or nothing (`N/A`), beside bracketed placeholders (`[name]`). */
    placeholders: words(['n/a', 'na', 'tbd', 'tba', 'none', 'pending']),
    /** Headings of the section whose first line states the decision. */
    decisionSections: words(['decision', 'recommendation', 'final recommendation', 'verdict']),
    fields: fieldsSchema.prefault({}),
    labels: labelsSchema.prefault({}),
  })
  .strict();

export type ReviewsInput = z.input<typeof reviewsSchema>;
export type ReviewVocabulary = z.output<typeof reviewsSchema>;

/** The resolved vocabulary, `input` over the defaults (a list given replaces the default list). */
export function resolveReviews(input?: ReviewsInput): ReviewVocabulary {
  return reviewsSchema.parse(input ?? {});
}

export const DEFAULT_REVIEWS: ReviewVocabulary = resolveReviews();
