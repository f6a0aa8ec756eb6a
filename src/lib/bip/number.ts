/**
 * A BIP's number can be written in five places. Each one found is a claim; claims must agree.
 */
import { H1_NUMBER_PATTERN, NAME_NUMBER_PATTERN, NUMBER_PATTERN } from './constants.ts';
import type { Location } from './diagnostics.ts';

export interface NumberClaim {
  number: number;
  /** Where it was read, for messages: `BIP field`, `file name "bip-5.md"`. */
  source: string;
  at?: Location;
}

export function parseNumber(text: string): number | undefined {
  const m = NUMBER_PATTERN.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

export function numberFromName(name: string): number | undefined {
  const m = NAME_NUMBER_PATTERN.exec(name);
  return m ? Number(m[1]) : undefined;
}

export function numberFromH1(text: string): number | undefined {
  const m = H1_NUMBER_PATTERN.exec(text);
  return m && /^\d+$/.test(m[1]!) ? Number(m[1]) : undefined;
}

/** The H1 without emoji and the `BIP-NN:` prefix: `# 🤖 BIP-05: Title` → `Title`. */
export function titleFromH1(text: string): string {
  return text
    .replace(H1_NUMBER_PATTERN, '')
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u200d\uFE0F]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
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
