/**
 * What `npm run lint:bips [paths]` checks: whole registry folders (every check the build runs,
 * including duplicate numbers) or single files (header, normalization and schema).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { checkBip } from '../bip/check.ts';
import { buildBipSchema } from '../bip/schema.ts';
import { numberFromName } from '../bip/number.ts';
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';
import type { RegistryConfig } from '../config.ts';
import { loadRegistry, loadRules } from './load.ts';

export interface LintResult {
  diagnostics: Diagnostic[];
  /** BIP files checked. */
  files: number;
}

const display = (cwd: string, path: string) => relative(cwd, path).split(sep).join('/') || '.';

export function lintPaths(paths: readonly string[], config: RegistryConfig, cwd = process.cwd()): LintResult {
  const targets = paths.length ? paths.map((p) => resolve(cwd, p)) : [config.bipsDir];
  const diagnostics: Diagnostic[] = [];
  let files = 0;
  for (const target of targets) {
    const stat = statSync(target, { throwIfNoEntry: false });
    if (!stat) {
      diagnostics.push(diagnostic(display(cwd, target), undefined, 'error', 'registry/not-found', 'no such file or folder'));
    } else if (stat.isDirectory()) {
      const registry = loadRegistry({ ...config, bipsDir: target }, display(cwd, target));
      diagnostics.push(...registry.diagnostics);
      files += registry.bipFiles;
    } else {
      const rules = loadRules(config);
      const folder = basename(dirname(target));
      const src = {
        file: display(cwd, target),
        fileName: basename(target),
        ...(numberFromName(folder) !== undefined ? { folderName: folder } : {}),
      };
      diagnostics.push(...checkBip(readFileSync(target, 'utf8'), src, rules, buildBipSchema(rules.template)).diagnostics);
      files++;
    }
  }
  return { diagnostics, files };
}
