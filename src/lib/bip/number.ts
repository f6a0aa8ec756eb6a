/**
 * A BIP's number can be written in five places. Each one found is a claim; claims must agree.
 */
import type { Location } from './diagnostics.ts';
export type { Numbering } from '../profile/numbering.ts';

export interface NumberClaim {
  number: number;
  /** Where it was read, for messages: `BIP field`, `file name "bip-5.md"`. */
  source: string;
  at?: Location;
}

export interface Disagreement {
  /** The claim to fix: it disagrees with the number most sources give. */
  odd: NumberClaim;
  /** The number most sources give, and those sources. */
  number: number;
  agreeing: NumberClaim[];
}

/** The claim that disagrees with the others, if any. With a tie, the file or folder name wins:
 * the header is where the author can fix a typo, and that is where the message points. */
export function findDisagreement(claims: readonly NumberClaim[]): Disagreement | undefined {
  const numbers = [...new Set(claims.map((c) => c.number))];
  if (numbers.length < 2) return undefined;
  const weight = (n: number) =>
    claims.filter((c) => c.number === n).length + (claims.some((c) => c.number === n && !c.at) ? 0.5 : 0);
  const number = numbers.reduce((best, n) => (weight(n) > weight(best) ? n : best));
  return { odd: claims.find((c) => c.number !== number)!, number, agreeing: claims.filter((c) => c.number === number) };
}
