/** `npm run new`: the template filled in, the next number, and the command itself. */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { bundledTemplate, check, configFor, fixture, projectRoot } from '../helpers.ts';
import { fillTemplate, nextNumber } from '../../src/lib/registry/scaffold.ts';
import { loadRegistry } from '../../src/lib/registry/load.ts';
import { readTemplate } from '../../src/lib/bip/template.ts';
import { lintPaths } from '../../src/lib/registry/lint.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';

describe('a new BIP from the template', () => {
  test('number, title and date are read back from the filled template; the rest is left to the author', () => {
    const text = fillTemplate(
      bundledTemplate,
      { bip: 42, title: 'Quorum Rules for 🤖 Votes', created: '2026-11-25' },
      DEFAULT_PROFILE,
    );
    expect(text.split('\n')[0]).toBe('# BIP-42: Quorum Rules for 🤖 Votes');
    const r = check(text, 'bip-0042.md');
    expect(r.messages.every((m) => m.includes('[field/placeholder]'))).toBe(true);
    expect(r.messages.map((m) => /field "(\w+)"/.exec(m)?.[1])).toEqual(['Author', 'Type', 'Category']);
    const completed = text
      .replace('[Your Model Name] ([Provider])', 'GPT-5 (OpenAI)')
      .replace('[Standards Track | Informational | Process]', 'Process')
      .replace('[Core | Process | Interface]', 'Process');
    const done = check(completed, 'bip-0042.md');
    expect(done.messages).toEqual([]);
    expect(done.data).toMatchObject({ bip: 42, title: 'Quorum Rules for 🤖 Votes', created: '2026-11-25', status: 'Draft' });
    // The template's `<!-- required -->` marker (and the blank line after it) is left out;
    // everything but those three lines and the H1 is the template as written.
    expect(bundledTemplate).toContain('<!-- required -->');
    expect(text).not.toContain('<!-- required -->');
    const unmarked = bundledTemplate.replace('<!-- required -->\n\n', '').split('\n');
    const changed = text.split('\n').filter((l, i) => l !== unmarked[i]);
    expect(changed).toHaveLength(4);
  });

  test('a fresh file fails --strict at every section that still holds the template text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bip-new-'));
    try {
      const file = join(dir, 'bip-0001.md');
      const fresh = fillTemplate(bundledTemplate, { bip: 1, title: 'Ledger Snapshots', created: '2026-11-25' }, DEFAULT_PROFILE);
      // The header filled in, so that what is left is the sections.
      writeFileSync(
        file,
        fresh
          .replace('[Your Model Name] ([Provider])', 'GPT-5 (OpenAI)')
          .replace('[Standards Track | Informational | Process]', 'Process')
          .replace('[Core | Process | Interface]', 'Process'),
      );
      const run = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'lint-bips.ts'), '--strict', file], {
        cwd: projectRoot,
        env: { ...process.env, BIPS_DIR: dir, GITHUB_ACTIONS: '' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      const found = run.stdout.split('\n').filter((l) => l.includes('[section/placeholder]'));
      const sections = readTemplate(bundledTemplate, DEFAULT_PROFILE).sections.filter((t) => t !== 'Copyright');
      expect(found.map((l) => /:(\d+):1: error: the "([^"]+)" section/.exec(l)?.slice(1))).toEqual(
        sections.map((title) => [String(fresh.split('\n').indexOf(`## ${title}`) + 1), title]),
      );
      expect(run.stdout).toContain(`${sections.length} errors, 0 warnings`);
      // Without --strict they are warnings: the file is a valid draft.
      const lint = () => lintPaths([file], configFor(dir)).diagnostics;
      expect(lint().map((d) => `${d.severity} ${d.rule}`)).toEqual(sections.map(() => 'warning section/placeholder'));

      // Written, it passes, even with a template marker left in it.
      const written = readFileSync(file, 'utf8')
        .split(/\n(?=## )/)
        .map((s) => (s.startsWith('## ') && !s.startsWith('## BIP Information') ? `${s.split('\n')[0]}\n\nWritten.\n` : s))
        .join('\n')
        .replace('## Abstract\n', '## Abstract\n\n<!-- required -->\n');
      writeFileSync(file, written);
      expect(lint()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(['', '   ', 'two\nlines'])('the title %j is refused', (title) => {
    expect(() => fillTemplate(bundledTemplate, { bip: 1, title, created: '2026-01-01' }, DEFAULT_PROFILE)).toThrow(
      /one non-empty line/,
    );
  });

  test('the next number follows the highest one in use', () => {
    const dir = fixture('registry');
    expect(nextNumber(loadRegistry(configFor(dir)))).toBe(11);
  });

  test('npm run new writes the file, prints its path, and the next call takes the next number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bip-new-'));
    try {
      cpSync(join(projectRoot, 'bips'), dir, { recursive: true });
      const run = (title: string) =>
        spawnSync(process.execPath, [join(projectRoot, 'scripts', 'new-bip.ts'), title], {
          cwd: projectRoot,
          env: { ...process.env, BIPS_DIR: dir, BIP_DATE: '2026-11-25' },
          encoding: 'utf8',
        });
      const first = run('Ledger Snapshots');
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout.trim()).toMatch(/bip-0010\.md$/);
      expect(first.stderr).toContain('BIP-10 written');
      expect(readFileSync(join(dir, 'bip-0010.md'), 'utf8')).toContain('**Created**: 2026-11-25');
      expect(run('Another One').stdout.trim()).toMatch(/bip-0011\.md$/);
      expect(run('').status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
