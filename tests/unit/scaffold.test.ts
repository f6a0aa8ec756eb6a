/** `npm run new`: the template filled in, the next number, and the command itself. */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { bundledTemplate, check, configFor, fixture, projectRoot } from '../helpers.ts';
import { fillTemplate, nextNumber } from '../../src/lib/registry/scaffold.ts';
import { loadRegistry } from '../../src/lib/registry/load.ts';
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
    // Everything but those three lines and the H1 is the template as written.
    const changed = text.split('\n').filter((l, i) => l !== bundledTemplate.split('\n')[i]);
    expect(changed).toHaveLength(4);
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
