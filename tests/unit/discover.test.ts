import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { discoverRegistry } from '../../src/lib/registry/discover.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadRegistry } from '../../src/lib/registry/load.ts';
import { lintPaths } from '../../src/lib/registry/lint.ts';
import { formatDiagnostic } from '../../src/lib/bip/diagnostics.ts';
import { configFor, fixture, projectRoot } from '../helpers.ts';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const copyOf = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'bip-layout-'));
  temps.push(dir);
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
};

describe('what the registry folder holds', () => {
  const registry = loadRegistry(configFor(fixture('layouts')));

  test('BIPs are found in plain sub-folders, by H1 number, and by aliased header keys', () => {
    expect(registry.bips.map((b) => [b.data.bip, b.relPath])).toEqual([
      [5, 'BIP-05/BIP-05.md'],
      [7, 'proposal-lightning.md'],
      [9, 'accepted/bip-0009.md'],
      [11, 'other.md'],
    ]);
  });

  test('the registry template is found whatever its letter case, and drives validation', () => {
    expect(configFor(fixture('layouts')).templatePath).toBe(join(fixture('layouts'), 'TEMPLATE.md'));
    expect(registry.bips.every((b) => b.data.type === 'Meta')).toBe(true);
    expect(registry.skipped).toContainEqual({ relPath: 'TEMPLATE.md', reason: 'the BIP template' });
  });

  test('a file named after another BIP inside a BIP folder is a companion, with a warning', () => {
    expect(registry.bips[0]!.companions.map((c) => c.relPath)).toEqual(['BIP-05/BIP-06.md']);
    expect(registry.diagnostics.map(formatDiagnostic)).toEqual([
      'BIP-05/BIP-06.md:1:1: warning: this file is named after BIP 6 but sits in the folder of BIP 5; it is published as a companion document of BIP 5 [registry/foreign-number]',
    ]);
  });

  test('symbolic links are not followed: nothing outside the registry is read or published', () => {
    const dir = copyOf('layouts');
    const outside = copyOf('registry');
    symlinkSync(join(dir, 'missing-target.md'), join(dir, 'bip-0042.md'));
    symlinkSync(join(outside, 'BIP-02', 'timeline.svg'), join(dir, 'BIP-05', 'diagram.svg'));
    const linked = loadRegistry(configFor(dir));
    expect(linked.skipped).toContainEqual({ relPath: 'bip-0042.md', reason: 'a symbolic link (not followed)' });
    expect(linked.skipped).toContainEqual({ relPath: 'BIP-05/diagram.svg', reason: 'a symbolic link (not followed)' });
    expect(linked.assets).toEqual([]);
    expect(linked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('only inert files are published: images, PDFs, text, SVGs without scripts', () => {
    const dir = copyOf('layouts');
    writeFileSync(join(dir, 'BIP-05', 'chart.png'), 'png');
    writeFileSync(join(dir, 'BIP-05', 'demo.html'), '<script>alert(1)</script>');
    writeFileSync(join(dir, 'BIP-05', 'clean.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
    writeFileSync(join(dir, 'BIP-05', 'active.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const r = loadRegistry(configFor(dir));
    expect(r.assets.sort()).toEqual(['BIP-05/chart.png', 'BIP-05/clean.svg']);
    expect(r.skipped.map((s) => s.relPath)).toEqual(expect.arrayContaining(['BIP-05/demo.html', 'BIP-05/active.svg']));
  });
});

describe('entries that are not regular files, or cannot be read', () => {
  test('a FIFO named like a proposal is left out, not read (reading it would wait for ever)', () => {
    const dir = copyOf('layouts');
    execFileSync('mkfifo', [join(dir, 'bip-0042.md')]);
    const r = loadRegistry(configFor(dir));
    expect(r.skipped).toContainEqual({
      relPath: 'bip-0042.md',
      reason: 'not a regular file (a FIFO, socket or device): not read',
    });
    expect(r.bips.length).toBeGreaterThan(0);
  });

  test('hidden files and folders get a line saying they were left out', () => {
    const dir = copyOf('layouts');
    writeFileSync(join(dir, '.notes.md'), '# BIP-77: Hidden\n');
    const r = discoverRegistry(dir, DEFAULT_PROFILE);
    expect(r.skipped).toContainEqual({ relPath: '.notes.md', reason: 'a hidden file or folder (its name starts with a dot)' });
    expect(r.bips.map((b) => b.relPath)).not.toContain('.notes.md');
  });

  test('a folder that cannot be read is a located error, and the rest is still found', () => {
    const dir = copyOf('layouts');
    const denied = join(dir, 'accepted');
    const readdir = (d: string) => {
      if (d === denied) throw Object.assign(new Error(`EACCES: permission denied, scandir '${d}'`), { code: 'EACCES' });
      return readdirSync(d, { withFileTypes: true });
    };
    const r = discoverRegistry(dir, DEFAULT_PROFILE, readdir);
    expect(r.diagnostics.map(formatDiagnostic)).toContain(
      'accepted/:1:1: error: the folder cannot be read (EACCES); nothing in it is published [registry/unreadable]',
    );
    expect(r.bips.length).toBeGreaterThan(0);
    expect(r.bips.every((b) => !b.relPath.startsWith('accepted/'))).toBe(true);
  });
});

describe('lint:bips', () => {
  test('a folder is linted with its own template, as the build would', () => {
    const result = lintPaths([fixture('layouts')], configFor(join(projectRoot, 'bips')), fixture('layouts'));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files).toBe(4);
  });

  test('single files are judged in their registry: a companion or README is not a broken BIP', () => {
    const config = configFor(join(projectRoot, 'bips'));
    const result = lintPaths(['bips/BIP-03/REVIEW_REPORT.md', 'bips/README.md', 'bips/bip-0004.md'], config, projectRoot);
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toBe(1);
    expect(result.notes).toEqual([
      'bips/BIP-03/REVIEW_REPORT.md: a companion document of BIP-3',
      'bips/README.md: left out (no BIP number in its name and no BIP header (a registry document))',
    ]);
  });

  test('a template that cannot be a schema is a located error', () => {
    const dir = copyOf('layouts');
    writeFileSync(join(dir, 'TEMPLATE.md'), '---\nlayout: proposal\ntitle: Template\n---\n\n# Template\n');
    const result = lintPaths([dir], configFor(dir), dir);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'TEMPLATE.md:1:1: error: the template\'s header has no "BIP", "Author", "Status" field; a template names at least BIP, Title, Author, Status [template/invalid]',
    ]);
  });
});
