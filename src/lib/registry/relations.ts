/**
 * How proposals name each other, read both ways: the header's relation fields (Requires,
 * Replaces, Superseded-By and the profile's own) and mentions in the prose (`BIP-2`, not in code
 * or link targets). "BIP-8 requires BIP-2" is also "BIP-2 is required by BIP-8". Derived once from
 * the loaded registry; the pages, the API and the feeds read the same graph.
 */
import { headerFields } from '../bip/fields.ts';
import type { BipData } from '../bip/schema.ts';
import type { TemplateSpec } from '../bip/template.ts';
import type { Profile } from '../profile/profile.ts';
import type { RelationKind } from '../profile/schema.ts';
import { proseMentions } from './content-checks.ts';

/** Each direction a relation is read in; the second of each pair is the first seen from the other end. */
export const DIRECTIONS = ['requires', 'required-by', 'replaces', 'replaced-by', 'related', 'mentions', 'mentioned-by'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The other end's view of a relation. */
const INVERSE: Readonly<Record<Direction, Direction>> = {
  requires: 'required-by',
  'required-by': 'requires',
  replaces: 'replaced-by',
  'replaced-by': 'replaces',
  related: 'related',
  mentions: 'mentioned-by',
  'mentioned-by': 'mentions',
};

/** What a reader sees before the list: "Required by". */
export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  requires: 'Requires',
  'required-by': 'Required by',
  replaces: 'Replaces',
  'replaced-by': 'Replaced by',
  related: 'Related',
  mentions: 'Mentions',
  'mentioned-by': 'Mentioned by',
};

export type Relations = Record<Direction, number[]>;

export interface RelationSource {
  data: BipData;
  body: string;
}

const patterns = new WeakMap<object, { list: RegExp; any: RegExp; prefixed: RegExp }>();
function valuePatterns(profile: Pick<Profile, 'numbering'>) {
  let p = patterns.get(profile);
  if (!p) {
    const prefix = profile.numbering.prefixSource;
    const one = `(?:${prefix}[-\\s]?)?\\d{1,6}`;
    p = {
      // A value that is only a list of proposals (`1, 2`, `BIP-3 and 4`): its bare numbers count.
      list: new RegExp(`^\\s*${one}(?:\\s*(?:,|;|&|\\+|and)\\s*${one})*\\s*$`, 'i'),
      any: new RegExp(`\\b(?:${prefix}[-\\s]?)?0*(\\d{1,6})\\b`, 'gi'),
      prefixed: new RegExp(`\\b${prefix}[-\\s]?0*(\\d{1,6})\\b`, 'gi'),
    };
    patterns.set(profile, p);
  }
  return p;
}

/** Whether a value is only a list of proposals (`1, 2`, `BIP-3 and 4`): its bare numbers are
 * references too. */
export function isReferenceList(value: string, profile: Pick<Profile, 'numbering'>): boolean {
  return valuePatterns(profile).list.test(value);
}

/** The proposals a relation field's value names: every number of a plain list (`1, 2`), else
 * only the prefixed ones (`see BIP-3 for 2 reasons` → 3). In the order written, once each. */
export function referencedNumbers(value: string, profile: Pick<Profile, 'numbering'>): number[] {
  const p = valuePatterns(profile);
  const pattern = isReferenceList(value, profile) ? p.any : p.prefixed;
  return [...new Set([...value.matchAll(pattern)].map((m) => Number(m[1])))];
}

/** The relation a header key states, by the profile: `Superseded-By` → replaced-by. */
export function relationOf(key: string, profile: Pick<Profile, 'relations'>): RelationKind | undefined {
  return profile.relations[key.trim().toLowerCase().replace(/\s+/g, ' ')];
}

/** Every proposal's relations, both ways. Numbers the registry does not have stay in the forward
 * lists (the header says so; views show them unlinked) and get no inverse. */
export function relationGraph(
  bips: readonly RelationSource[],
  profile: Pick<Profile, 'numbering' | 'relations'>,
  template?: Pick<TemplateSpec, 'fields'>,
): Map<number, Relations> {
  // Sets while collecting (a proposal mentioned by thousands stays linear), sorted lists at the end.
  const sets = new Map<number, Record<Direction, Set<number>>>(
    bips.map((b) => [
      b.data.bip,
      Object.fromEntries(DIRECTIONS.map((d) => [d, new Set<number>()])) as Record<Direction, Set<number>>,
    ]),
  );
  const add = (from: number, direction: Direction, to: number) => {
    if (from === to) return;
    sets.get(from)?.[direction].add(to);
    sets.get(to)?.[INVERSE[direction]].add(from);
  };
  for (const b of bips) {
    const n = b.data.bip;
    for (const field of headerFields(b.data, template)) {
      const kind = relationOf(field.label, profile) ?? relationOf(field.name, profile);
      if (kind) for (const to of referencedNumbers(field.value, profile)) add(n, kind, to);
    }
  }
  // Mentions last, and only where no header relation already says more.
  for (const b of bips) {
    const n = b.data.bip;
    const own = sets.get(n)!;
    const stated = (m: number) => DIRECTIONS.some((d) => d !== 'mentions' && d !== 'mentioned-by' && own[d].has(m));
    for (const m of proseMentions(b.body, profile)) if (sets.has(m.number) && !stated(m.number)) add(n, 'mentions', m.number);
  }
  const graph = new Map<number, Relations>();
  for (const [n, r] of sets)
    graph.set(n, Object.fromEntries(DIRECTIONS.map((d) => [d, [...r[d]].sort((a, b) => a - b)])) as unknown as Relations);
  return graph;
}
