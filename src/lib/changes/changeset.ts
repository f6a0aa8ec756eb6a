/**
 * A registry's changes since a base, per BIP: the files git names are read at the base and now,
 * and compared as BIPs (normalized headers and bodies), not as text.
 */
import { basename, dirname } from 'node:path';
import { checkBip, sourceName } from '../bip/check.ts';
import type { BipData } from '../bip/schema.ts';
import type { Registry } from '../registry/load.ts';
import type { RegistrySetup } from '../registry/rules.ts';
import { bodyDiffers, fieldChanges, type BipChange } from './diff.ts';
import type { ChangedFile } from './git.ts';

export interface ChangeSet {
  baseLabel: string;
  base: string;
  changes: BipChange[];
}

const MARKDOWN = /\.(?:md|mdx|markdown)$/i;

/** The head side is the registry this build loaded; only the files git names are read at the
 * base, and checked with the same rules and schema. */
export function changeSet(
  registry: Pick<Registry, 'bips'>,
  setup: Pick<RegistrySetup, 'rules' | 'schema'>,
  git: { base: string; baseLabel: string; files: ChangedFile[]; oldText: (relPath: string) => string | undefined },
): ChangeSet {
  const { rules, schema } = setup;
  const parse = (relPath: string): { data: BipData; body: string } | undefined => {
    const text = git.oldText(relPath);
    if (text === undefined) return undefined;
    const r = checkBip(text, sourceName(relPath), rules, schema);
    return r.data ? { data: r.data, body: r.header.body } : undefined;
  };
  const current = new Map(registry.bips.map((b) => [b.relPath, b]));
  const byNumber = new Map(registry.bips.map((b) => [b.data.bip, b]));
  const owner = new Map(registry.bips.flatMap((b) => b.companions.map((c) => [c.relPath, b.data.bip] as const)));
  const out = new Map<number, BipChange>();
  const touch = (bip: number, kind: BipChange['kind'], title: string) =>
    out.get(bip) ?? out.set(bip, { bip, kind, title, fields: [], bodyChanged: false, companions: [] }).get(bip)!;
  const compare = (bip: number, before: { data: BipData; body: string } | undefined) => {
    const now = byNumber.get(bip)!;
    const change = touch(bip, 'modified', now.data.title);
    change.kind = 'modified';
    if (!before) {
      change.bodyChanged = true;
      return;
    }
    change.fields = fieldChanges(before.data, now.data, rules.template);
    change.bodyChanged ||= bodyDiffers(before.body, now.body);
  };
  const moved = new Map<number, { data: BipData; body: string }>();

  for (const file of git.files.filter((f) => MARKDOWN.test(f.relPath))) {
    const now = current.get(file.relPath);
    if (now) {
      if (file.status === 'added') touch(now.data.bip, 'added', now.data.title);
      else compare(now.data.bip, parse(file.relPath));
      continue;
    }
    const bip = owner.get(file.relPath);
    if (bip !== undefined) {
      touch(bip, 'modified', byNumber.get(bip)!.data.title).companions.push(file.relPath);
      continue;
    }
    if (file.status !== 'removed') continue;
    const before = parse(file.relPath);
    if (before && byNumber.has(before.data.bip)) moved.set(before.data.bip, before);
    else if (before) touch(before.data.bip, 'removed', before.data.title);
    else {
      // A companion document that is gone: it belonged to the BIP its folder is named after.
      const folderBip = rules.profile.numbering.fromName(basename(dirname(file.relPath)));
      if (folderBip !== undefined && byNumber.has(folderBip))
        touch(folderBip, 'modified', byNumber.get(folderBip)!.data.title).companions.push(file.relPath);
    }
  }
  // A BIP whose file moved shows as added at its new path and removed at the old: one change.
  for (const [bip, before] of moved) compare(bip, before);
  const changes = [...out.values()].filter(
    (c) => c.kind !== 'modified' || c.fields.length > 0 || c.bodyChanged || c.companions.length > 0,
  );
  return { base: git.base, baseLabel: git.baseLabel, changes: changes.sort((a, b) => a.bip - b.bip) };
}
