/**
 * Two files that claim one number: which one keeps it, and the error for the other. The newcomer
 * is the one to renumber, so it is the one blamed, by a rule that reads the files alone (the same
 * answer in the lint command, the dev server and a CI checkout, whatever git knows):
 *
 * 1. the later `Created` date is the newcomer, when every claim has one;
 * 2. with equal dates, or one missing, the file not named as the scaffold names that number
 *    (`bip-0007.md`, see scaffold.ts) is the newcomer;
 * 3. otherwise the later path in sort order (by code unit, not by locale) is.
 *
 * Whether git has seen a file would often tell too, but it is not in the files: a CI checkout of
 * a pull request has both committed, and the registry is loaded without git.
 */
import { diagnostic, type Diagnostic, type Location } from '../bip/diagnostics.ts';
import type { Profile } from '../profile/profile.ts';
import { newFileName } from './scaffold.ts';

export interface Claim {
  /** Path inside the registry, with `/`. */
  relPath: string;
  /** Path as messages show it. */
  shown: string;
  /** ISO date from the header, when it has one. */
  created?: string | undefined;
  /** Where the file states its number: its number field, else its header block. */
  at: Location;
}

type Why = 'created' | 'name' | 'path';

const stem = (relPath: string) => {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
};

/**
 * Negative when `a` came first, and the rule that decided. Dates count only when every claim has
 * one (`dated`): one rule for the whole group keeps the order total with three claims or more.
 */
function compare(a: Claim, b: Claim, dated: boolean, canonical: string): [number, Why] {
  if (dated && a.created !== b.created) return [a.created! < b.created! ? -1 : 1, 'created'];
  const named = Number(stem(b.relPath) === canonical) - Number(stem(a.relPath) === canonical);
  if (named !== 0) return [named, 'name'];
  return [a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0, 'path'];
}

function reason(why: Why, original: Claim, newcomer: Claim, canonical: string): string {
  if (why === 'created') return `it was created later (${newcomer.created}, the other ${original.created})`;
  const sameDay = original.created !== undefined && original.created === newcomer.created;
  if (why === 'name')
    return `${sameDay ? `both were created ${original.created}` : 'their Created dates do not tell which came first'}, and only the other has the registry's own file name for it (${canonical})`;
  const alike = sameDay
    ? `both were created ${original.created} and their names are alike`
    : 'neither their Created dates nor their names tell which came first';
  return `${alike}, so the later path in sort order is taken as the newcomer`;
}

/** The claims of one number: the one that keeps it, and a located error for each other one. */
export function settleClaims(
  claims: readonly Claim[],
  n: number,
  profile: Pick<Profile, 'numbering' | 'term'>,
): { original: Claim; diagnostics: Diagnostic[] } {
  const name = newFileName(n, profile);
  const canonical = stem(name);
  const dated = claims.every((c) => c.created);
  const original = claims.reduce((first, c) => (compare(c, first, dated, canonical)[0] < 0 ? c : first));
  const diagnostics = claims
    .filter((c) => c !== original)
    .map((c) => {
      const why = compare(original, c, dated, canonical)[1];
      const message = `this file also claims ${profile.term} ${n}, first taken by ${original.shown} (line ${original.at.line}): ${reason(why, original, c, name)}; give this file a free number`;
      return diagnostic(c.shown, c.at, 'error', 'number/duplicate', message);
    });
  return { original, diagnostics };
}
