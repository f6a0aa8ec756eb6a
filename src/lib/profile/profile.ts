/**
 * The registry profile, resolved: the settings file over its preset over the default profile,
 * turned into what each step reads (a numbering, field roles, URL patterns, layout rules).
 */
import { makeNumbering, type Numbering } from './numbering.ts';
import type { ProfileInput, RelationKind } from './schema.ts';
import { resolveReviews, type ReviewVocabulary } from '../reviews/vocabulary.ts';

export interface Profile {
  /** What one proposal is called, before its number: `BIP`, `EIP`. */
  term: string;
  /** Several of them: `BIPs`. */
  plural: string;
  /** The long name, for descriptions: `Bitcoin Improvement Proposal`. */
  long: string;
  numbering: Numbering;
  /** URL patterns with `{n}`, without the base path or slashes at the ends. */
  urls: { proposal: string; aliases: readonly string[] };
  /** Lower-case header key → the canonical name of the field whose role it plays. */
  fieldAliases: Readonly<Record<string, string>>;
  /** Lower-case header key → the relation it states. */
  relations: Readonly<Record<string, RelationKind>>;
  /** Lower-case key of the discussion link's field. */
  discussion?: string;
  /** Lower-case keys of extra fields with listing pages. */
  facets: readonly string[];
  layout: { assetFolders: boolean; assetsDir?: string; exclude: readonly string[]; mainDocuments: readonly string[] };
  /** Review reports among the companion documents, and the review states (lib/reviews/). */
  reviews: ReviewVocabulary;
}

/** Spellings of the known fields that every registry may use; a profile adds its own. */
const COMMON_FIELD_ALIASES: Readonly<Record<string, string>> = {
  'bip number': 'bip',
  'bip #': 'bip',
  number: 'bip',
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

const COMMON_RELATIONS: Readonly<Record<string, RelationKind>> = {
  requires: 'requires',
  replaces: 'replaces',
  supersedes: 'replaces',
  'superseded-by': 'replaced-by',
  'replaced-by': 'replaced-by',
  'proposed-replacement': 'replaced-by',
  related: 'related',
  'see also': 'related',
};

const lower = <T>(record: Readonly<Record<string, T>> | undefined): Record<string, T> =>
  Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k.trim().toLowerCase().replace(/\s+/g, ' '), v]));

/** The profile of the bundled template's registry. */
export const DEFAULT_TERM = 'BIP';

export function resolveProfile(input: ProfileInput, assetsDir?: string): Profile {
  const term = input.proposal?.name ?? DEFAULT_TERM;
  const prefix = term.toLowerCase();
  const numbers = input.numbers ?? { prefixes: [prefix], files: [`${prefix}-{n}`] };
  const numbering = makeNumbering(numbers);
  const proposal = (input.urls?.proposal ?? `${prefix}-{n}`).replace(/^\/+|\/+$/g, '');
  const fields = {
    ...COMMON_FIELD_ALIASES,
    [prefix]: 'bip',
    [`${prefix} number`]: 'bip',
    [`${prefix} status`]: 'status',
    ...lower(input.fields),
  };
  return {
    term,
    plural: input.proposal?.plural ?? `${term}s`,
    long: input.proposal?.long ?? term,
    numbering,
    urls: { proposal, aliases: (input.urls?.aliases ?? []).map((a) => a.replace(/^\/+/, '')) },
    fieldAliases: fields,
    relations: { ...COMMON_RELATIONS, ...lower(input.relations) },
    ...(input.discussion ? { discussion: input.discussion.trim().toLowerCase() } : {}),
    facets: (input.facets ?? []).map((f) => f.trim().toLowerCase()),
    layout: {
      assetFolders: input.layout?.assetFolders ?? true,
      ...(assetsDir ? { assetsDir } : {}),
      exclude: input.layout?.exclude ?? [],
      mainDocuments: input.layout?.mainDocuments ?? [],
    },
    reviews: resolveReviews(input.reviews),
  };
}

/** `BIP-5`, `EIP-1559`: how the site names one proposal. */
export function label(profile: Pick<Profile, 'term'>, n: number): string {
  return `${profile.term}-${n}`;
}

/** The profile of a registry that sets nothing: the bundled template's. */
export const DEFAULT_PROFILE: Profile = resolveProfile({});
