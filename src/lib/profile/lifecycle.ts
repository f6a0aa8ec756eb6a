/**
 * What a status means, whatever a registry calls it. Each status of a lifecycle declares one of
 * these meanings; badge tones, the "no longer in force" notice, sort order and card colours are
 * read from the meaning, never from the status's name or its place in the list.
 */

/** Meanings in the order a proposal usually passes through them: the sort order of statuses. */
export const MEANINGS = [
  'draft',
  'proposed',
  'review',
  'last-call',
  'accepted',
  'implementing',
  'final',
  'living',
  'deferred',
  'rejected',
  'withdrawn',
  'replaced',
  'moved',
] as const;
export type Meaning = (typeof MEANINGS)[number];

/** The colours a badge comes in (styles/global.css and the cards draw each one). */
export const TONES = [
  'neutral',
  'info',
  'attention',
  'accepted',
  'progress',
  'success',
  'paused',
  'danger',
  'retired',
  'moved',
] as const;
export type Tone = (typeof TONES)[number];

const TONE_OF: Readonly<Record<Meaning, Tone>> = {
  draft: 'neutral',
  proposed: 'info',
  review: 'info',
  'last-call': 'attention',
  accepted: 'accepted',
  implementing: 'progress',
  final: 'success',
  living: 'success',
  deferred: 'paused',
  rejected: 'danger',
  withdrawn: 'retired',
  replaced: 'retired',
  moved: 'moved',
};

/** How the site says that a proposal is no longer in force, by meaning; `{term}` is the
 * registry's name for a proposal. Meanings not listed are in force. */
export const ENDED_NOTICE: Readonly<Partial<Record<Meaning, string>>> = {
  deferred: 'Work on this {term} is deferred.',
  rejected: 'This {term} was rejected.',
  withdrawn: 'This {term} was withdrawn.',
  replaced: 'This {term} has been replaced.',
  moved: 'This {term} has moved.',
};

export interface StatusDefinition {
  /** Display name, also the URL slug source (`/status/draft/`). */
  name: string;
  /** Other spellings that mean this status (compared case- and space-insensitively). */
  aliases: readonly string[];
  /** One line shown on the status page. */
  description: string;
  meaning: Meaning;
  /** Overrides the meaning's tone. */
  tone?: Tone;
}

export function toneOf(status: Pick<StatusDefinition, 'meaning' | 'tone'>): Tone {
  return status.tone ?? TONE_OF[status.meaning];
}

/** The lifecycle as the views read it: tone, rank and meaning by status name. */
export interface Lifecycle {
  statuses: readonly StatusDefinition[];
  /** The badge tone; `other` for a status outside the lifecycle. */
  tone: (status: string) => Tone | 'other';
  /** Sort position: by meaning, then by the list's order among equal meanings; unknown last. */
  rank: (status: string) => number;
  meaning: (status: string) => Meaning | undefined;
}

export function lifecycle(statuses: readonly StatusDefinition[]): Lifecycle {
  const byName = new Map(statuses.map((s, i) => [s.name, { s, rank: MEANINGS.indexOf(s.meaning) * statuses.length + i }]));
  return {
    statuses,
    tone: (name) => {
      const found = byName.get(name);
      return found ? toneOf(found.s) : 'other';
    },
    rank: (name) => byName.get(name)?.rank ?? MEANINGS.length * statuses.length,
    meaning: (name) => byName.get(name)?.s.meaning,
  };
}
