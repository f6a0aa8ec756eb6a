/** In a preview build: what the pull request changes, from git (see lib/changes/), against the
 * registry this build loaded. */
import { gitChanges } from '../lib/changes/git.ts';
import { changeSet, type ChangeSet } from '../lib/changes/changeset.ts';
import type { BipChange } from '../lib/changes/diff.ts';
import { preview, state } from './site.ts';

export type Changes = { ok: true; set: ChangeSet } | { ok: false; reason: string };

function compute(): Changes {
  const git = gitChanges(state.config.bipsDir, process.env.PREVIEW_BASE_REF || undefined);
  if (!git.ok) {
    state.log.warn(`changes: cannot list what this preview changes: ${git.reason}`);
    return git;
  }
  return { ok: true, set: changeSet(state.registry, state.setup, git) };
}

export const changes: Changes | undefined = preview ? state.derive('changes', compute) : undefined;

const byBip = new Map((changes?.ok ? changes.set.changes : []).map((c) => [c.bip, c]));

export function changeOf(bip: number): BipChange | undefined {
  return byBip.get(bip);
}
