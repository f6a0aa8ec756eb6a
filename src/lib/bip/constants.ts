/**
 * The vocabulary of the registry, defined once. The schema, the normalizer, the lint command and
 * the routes all read these lists; the registry config may extend the status aliases.
 */

/** Header fields the normalizer understands, by canonical (lower-case) name. */
export const KNOWN_FIELDS = ['bip', 'title', 'author', 'status', 'type', 'category', 'created', 'license'] as const;
export type KnownField = (typeof KNOWN_FIELDS)[number];

/** Fields whose absence is an error; the other template fields only warn when missing. The number
 * and title may also come from the H1 or the file name, so they are checked after that fallback. */
export const REQUIRED_FIELDS: readonly KnownField[] = ['bip', 'title', 'author', 'status'];

/** Template choice lists that only warn on other values: real registries grow categories. */
export const OPEN_CHOICE_FIELDS: readonly string[] = ['category'];

/** The canonical name of a header key: the field whose role it plays in the profile
 * (`Assigned` → `created` in Bitcoin's), else the key itself. */
export function canonicalFieldName(name: string, aliases: Readonly<Record<string, string>>): string {
  return aliases[name] ?? name;
}

export function isKnownField(name: string): name is KnownField {
  return (KNOWN_FIELDS as readonly string[]).includes(name);
}

export type { StatusDefinition } from '../profile/lifecycle.ts';
import type { StatusDefinition } from '../profile/lifecycle.ts';

/** The lifecycle, in order. */
export const DEFAULT_STATUSES: readonly StatusDefinition[] = [
  {
    name: 'Draft',
    meaning: 'draft',
    aliases: ['draft', 'wip', 'work in progress'],
    description: 'Being written; open for early feedback.',
  },
  {
    name: 'Proposed',
    meaning: 'proposed',
    aliases: ['proposed', 'proposal', 'submitted'],
    description: 'Complete and submitted for a decision.',
  },
  {
    name: 'Review',
    meaning: 'review',
    aliases: [
      'review',
      'in review',
      'under review',
      'peer review',
      'in peer review',
      'final review',
      'in final review',
      'changes requested',
      'revisions required',
    ],
    description: 'Under peer or final review.',
  },
  {
    name: 'Approved',
    meaning: 'accepted',
    aliases: ['approved', 'accepted'],
    description: 'Accepted; implementation may start.',
  },
  {
    name: 'Implementation',
    meaning: 'implementing',
    aliases: ['implementation', 'in implementation', 'in progress', 'in development', 'implementing'],
    description: 'Being implemented.',
  },
  {
    name: 'Implemented',
    meaning: 'final',
    aliases: ['implemented', 'final', 'complete', 'completed', 'done', 'active'],
    description: 'Implemented and in force.',
  },
  { name: 'Rejected', meaning: 'rejected', aliases: ['rejected', 'declined'], description: 'Considered and not accepted.' },
  {
    name: 'Withdrawn',
    meaning: 'withdrawn',
    aliases: ['withdrawn', 'abandoned', 'superseded', 'obsolete'],
    description: 'Withdrawn by its authors or replaced.',
  },
];

/** Whole values that mean a template field was never filled in. */
export const PLACEHOLDER_VALUES: readonly RegExp[] = [
  /^x{2,}$/i,
  /^(?:bip[-\s]?)?x{2,}$/i,
  /^yyyy-mm-dd$/i,
  /^(?:tbd|tba|todo|n\/a|\?+)$/i,
  /^\[[^\]]*\](?:\s*\(\[[^\]]*\]\))?$/,
];

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_VALUES.some((re) => re.test(value.trim()));
}

/** Words that make a parenthesised author note a role, not a provider. */
export const ROLE_WORDS =
  /\b(lead|author|authority|editor|reviewer|maintainer|implement\w*|coordinator|owner|champion|contributor|master|based on|co-?author|sponsor|chair)\b/i;
