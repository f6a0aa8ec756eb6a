/**
 * What `npm run lint:bips [paths]` checks. A folder is checked as a registry, exactly as the
 * build would (its own template, duplicate numbers, what is left out). A file is checked as part
 * of the registry it belongs to, so a companion document or a README is not taken for a broken
 * BIP; a file outside any registry folder is checked on its own.
 */
import { statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';
import { templateFor, type RegistryConfig } from '../config.ts';
import { loadRegistry, TemplateError, type Registry } from './load.ts';

export interface LintResult {
  diagnostics: Diagnostic[];
  /** BIP files checked. */
  files: number;
  /** What is not a BIP among what was asked for, and why: `README.md: left out (…)`. */
  notes: string[];
}

const display = (cwd: string, path: string) => relative(cwd, path).split(sep).join('/') || '.';
const isInside = (dir: string, path: string) => path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** The registry folder a file belongs to: the configured one if it is inside it, else the
 * nearest folder above it that holds a template, else its folder (or a BIP folder's parent). */
function registryRootOf(file: string, config: RegistryConfig): string {
  if (isInside(config.bipsDir, file)) return config.bipsDir;
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    if (templateFor(dir)) return dir;
  }
  const dir = dirname(file);
  return config.profile.numbering.fromName(basename(dir)) !== undefined ? dirname(dir) : dir;
}

export function lintPaths(paths: readonly string[], config: RegistryConfig, cwd = process.cwd()): LintResult {
  const targets = paths.length ? paths.map((p) => resolve(cwd, p)) : [config.bipsDir];
  const result: LintResult = { diagnostics: [], files: 0, notes: [] };
  const registries = new Map<string, Registry | TemplateError>();
  const registryAt = (root: string) => {
    if (!registries.has(root)) {
      const templatePath = root === config.bipsDir ? config.templatePath : (templateFor(root) ?? config.templatePath);
      try {
        registries.set(root, loadRegistry({ ...config, bipsDir: root, templatePath }, display(cwd, root)));
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        registries.set(root, e);
        result.diagnostics.push(diagnostic(display(cwd, e.file), undefined, 'error', 'template/invalid', e.reason));
      }
    }
    const r = registries.get(root)!;
    return r instanceof TemplateError ? undefined : r;
  };

  for (const target of targets) {
    const stat = statSync(target, { throwIfNoEntry: false });
    if (!stat) {
      result.diagnostics.push(
        diagnostic(display(cwd, target), undefined, 'error', 'registry/not-found', 'no such file or folder'),
      );
    } else if (stat.isDirectory()) {
      const registry = registryAt(target);
      if (!registry) continue;
      result.diagnostics.push(...registry.diagnostics);
      result.files += registry.bipFiles;
      for (const s of registry.skipped) result.notes.push(`${display(cwd, resolve(target, s.relPath))}: left out (${s.reason})`);
    } else {
      const root = registryRootOf(target, config);
      const registry = registryAt(root);
      if (!registry) continue;
      const file = display(cwd, target);
      // A problem of the BIP folder the file sits in (no or several main documents) is its problem too.
      const folder = display(cwd, dirname(target));
      const own = registry.diagnostics.filter((d) => d.file === file || (d.file === folder && d.rule.startsWith('registry/')));
      result.diagnostics.push(...own);
      const rel = relative(root, target).split(sep).join('/');
      const owner = registry.bips.find((b) => b.companions.some((c) => c.relPath === rel));
      const skipped = registry.skipped.find((s) => s.relPath === rel || (s.relPath.endsWith('/') && rel.startsWith(s.relPath)));
      if (owner) result.notes.push(`${file}: a companion document of BIP-${owner.data.bip}`);
      else if (skipped) result.notes.push(`${file}: left out (${skipped.reason})`);
      else if (registry.assets.includes(rel)) result.notes.push(`${file}: not a BIP (a file pages may link to)`);
      else result.files++;
    }
  }
  return result;
}
