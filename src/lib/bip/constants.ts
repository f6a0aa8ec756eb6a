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

/** Other spellings of field names seen in real registries. */
export const FIELD_ALIASES: Readonly<Record<string, KnownField>> = {
  'bip number': 'bip',
  'bip #': 'bip',
  number: 'bip',
  // Registries built on other proposal formats name the number after themselves.
  eip: 'bip',
  pep: 'bip',
  proposal: 'bip',
  'proposal number': 'bip',
  authors: 'author',
  'author(s)': 'author',
  date: 'created',
  'created date': 'created',
  'creation date': 'created',
  'created on': 'created',
  licence: 'license',
  'bip status': 'status',
  'current status': 'status',
};

export function canonicalFieldName(name: string): string {
  return FIELD_ALIASES[name] ?? name;
}

export function isKnownField(name: string): name is KnownField {
  return (KNOWN_FIELDS as readonly string[]).includes(name);
}

export interface StatusDefinition {
  /** Display name, also the URL slug source (`/status/draft/`). */
  name: string;
  /** Lower-case spellings that mean this status. */
  aliases: readonly string[];
  /** One line shown on the status page. */
  description: string;
}

/** The lifecycle, in order. */
export const DEFAULT_STATUSES: readonly StatusDefinition[] = [
  { name: 'Draft', aliases: ['draft', 'wip', 'work in progress'], description: 'Being written; open for early feedback.' },
  { name: 'Proposed', aliases: ['proposed', 'proposal', 'submitted'], description: 'Complete and submitted for a decision.' },
  {
    name: 'Review',
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
  { name: 'Approved', aliases: ['approved', 'accepted'], description: 'Accepted; implementation may start.' },
  {
    name: 'Implementation',
    aliases: ['implementation', 'in implementation', 'in progress', 'in development', 'implementing'],
    description: 'Being implemented.',
  },
  {
    name: 'Implemented',
    aliases: ['implemented', 'final', 'complete', 'completed', 'done', 'active'],
    description: 'Implemented and in force.',
  },
  { name: 'Rejected', aliases: ['rejected', 'declined'], description: 'Considered and not accepted.' },
  {
    name: 'Withdrawn',
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

/** `5`, `05`, `005`, `BIP-05`, `BIP 5`, `bip5`. */
export const NUMBER_PATTERN = /^(?:bip[-\s_]?)?0*(\d{1,6})$/i;
/** A number at the start of a file or folder name: `bip-0005.md`, `BIP-05-title.md`. */
export const NAME_NUMBER_PATTERN = /^bip[-_\s]?0*(\d{1,6})(?=$|[-_.\s])/i;
/** A number in an H1: `# 🤖 BIP-05: Title`. */
export const H1_NUMBER_PATTERN = /^(?:[^\p{L}\p{N}]*)bip[-\s]?(\d{1,6}|x+)\s*[:—–-]\s*/iu;
