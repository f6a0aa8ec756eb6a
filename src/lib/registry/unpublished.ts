/**
 * What the dev server shows at the address of a proposal that is not published: the files that
 * claim its number and their problems, so an author sees on the page why it is missing instead
 * of a bare 404. Never part of a build, which fails on those problems as before: the page route
 * asks for these in `astro dev` only.
 */
import { compareDiagnostics, type Diagnostic } from '../bip/diagnostics.ts';
import type { Registry } from './load.ts';

export interface UnpublishedProposal {
  number: number;
  /** The files that claim the number and failed, as messages show them. */
  files: string[];
  /** Their problems, in file and line order (errors and warnings). */
  problems: Diagnostic[];
}

/** Every number a failed file claims that no published proposal has, in number order. */
export function unpublishedProposals(registry: Pick<Registry, 'bips' | 'failed' | 'diagnostics'>): UnpublishedProposal[] {
  const published = new Set(registry.bips.map((b) => b.data.bip));
  const byNumber = new Map<number, string[]>();
  for (const f of registry.failed) {
    if (f.number === undefined || published.has(f.number)) continue;
    const files = byNumber.get(f.number) ?? [];
    if (!files.includes(f.file)) files.push(f.file);
    byNumber.set(f.number, files);
  }
  const problemsOf = new Map<string, Diagnostic[]>();
  for (const d of registry.diagnostics) {
    const list = problemsOf.get(d.file);
    if (list) list.push(d);
    else problemsOf.set(d.file, [d]);
  }
  return [...byNumber]
    .sort(([a], [b]) => a - b)
    .map(([number, files]) => ({
      number,
      files: files.sort(),
      problems: files.flatMap((f) => problemsOf.get(f) ?? []).sort(compareDiagnostics),
    }));
}
