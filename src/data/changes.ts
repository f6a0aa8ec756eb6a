/** In a preview build: what the pull request changes, from git (see lib/changes/). */
import { loadRegistry, loadRules } from '../lib/registry/load.ts';
import { gitChanges } from '../lib/changes/git.ts';
import { changeSet, type ChangeSet } from '../lib/changes/changeset.ts';
import type { BipChange } from '../lib/changes/diff.ts';
import { config, preview } from './site.ts';

export type Changes = { ok: true; set: ChangeSet } | { ok: false; reason: string };

function compute(): Changes {
  const git = gitChanges(config.bipsDir, process.env.PREVIEW_BASE_REF || undefined);
  if (!git.ok) {
    console.warn(`changes: cannot list what this preview changes: ${git.reason}`);
    return git;
  }
  return { ok: true, set: changeSet(loadRegistry(config), loadRules(config), git) };
}

export const changes: Changes | undefined = preview ? compute() : undefined;

export function changeOf(bip: number): BipChange | undefined {
  return changes?.ok ? changes.set.changes.find((c) => c.bip === bip) : undefined;
}
