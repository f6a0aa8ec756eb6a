/**
 * What a pull request changes, BIP by BIP: added, removed, or modified with the header fields
 * that changed (Status Draft → Review, a new author) and whether the text changed.
 */
import type { BipData } from '../bip/schema.ts';
import { authorLine } from '../bip/authors.ts';

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

export interface BipChange {
  bip: number;
  kind: 'added' | 'modified' | 'removed';
  title: string;
  fields: FieldChange[];
  bodyChanged: boolean;
  /** Companion documents added, changed or removed (their paths). */
  companions: string[];
}

const status = (d: BipData) => (d.statusNote ? `${d.status} (${d.statusNote})` : d.status);

/** The header fields that differ, in header order. Authors are compared as one list. */
export function fieldChanges(before: BipData, after: BipData): FieldChange[] {
  const pairs: [string, string | undefined, string | undefined][] = [
    ['Title', before.title, after.title],
    ['Author', authorLine(before.author), authorLine(after.author)],
    ['Status', status(before), status(after)],
    ['Type', before.type, after.type],
    ['Category', before.category, after.category],
    ['Created', before.created, after.created],
    ['License', before.license, after.license],
  ];
  const keys = [...new Set([...before.extra, ...after.extra].map((e) => e.key))];
  for (const key of keys) {
    pairs.push([key, before.extra.find((e) => e.key === key)?.value, after.extra.find((e) => e.key === key)?.value]);
  }
  return pairs
    .filter(([, b, a]) => b !== a)
    .map(([field, b, a]) => ({ field, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) }));
}

/** Body text compared without trailing spaces and line-ending differences. */
export function bodyDiffers(before: string, after: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .trim();
  return norm(before) !== norm(after);
}
