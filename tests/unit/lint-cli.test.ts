/** `npm run lint:bips`: the text and GitHub formats, --strict, and bad options. */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../helpers.ts';
import { diagnostic, formatDiagnostic, formatGithub, strict } from '../../src/lib/bip/diagnostics.ts';

const FAULTS = ['field-missing-author', 'created-invalid-month', 'category-unlisted'].map((f) => `tests/fixtures/faults/${f}`);

function lint(args: string[], env: Record<string, string> = {}) {
  const { GITHUB_ACTIONS: _, ...rest } = process.env;
  const r = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'lint-bips.ts'), ...args], {
    cwd: projectRoot,
    env: { ...rest, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('lint:bips', () => {
  test('--format github prints one annotation per problem (two errors and a warning)', () => {
    const r = lint(['--format', 'github', ...FAULTS]);
    expect(r.status).toBe(1);
    expect(r.out).toBe(
      [
        `::warning file=tests/fixtures/faults/category-unlisted/bip-0005.md,line=10,col=15,title=category/unlisted::category "Security" is not one of the template's choices (Core, Process, Interface); it is kept as written`,
        `::error file=tests/fixtures/faults/created-invalid-month/bip-0005.md,line=11,col=14,title=created/invalid::"2025-13-01" is not an ISO date (YYYY-MM-DD)`,
        `::error file=tests/fixtures/faults/field-missing-author/bip-0005.md,line=3,col=1,title=field/missing::the header has no "Author" field`,
        '2 errors, 1 warning',
        '3 BIP files checked',
        '',
      ].join('\n'),
    );
  });

  test('under GitHub Actions the annotations are the default', () => {
    expect(lint(FAULTS, { GITHUB_ACTIONS: 'true' }).out).toMatch(/^::warning file=/);
    expect(lint(FAULTS).out).toMatch(/^tests\/fixtures\/faults\/category-unlisted\/bip-0005\.md:10:15: warning: /);
    expect(lint(['--format=text', ...FAULTS], { GITHUB_ACTIONS: 'true' }).out).not.toContain('::');
  });

  test('--strict turns warnings into errors and the exit code with them', () => {
    const warningOnly = [FAULTS[2]!];
    expect(lint(warningOnly).status).toBe(0);
    const r = lint(['--strict', ...warningOnly]);
    expect(r.status).toBe(1);
    expect(r.out).toContain(': error: category "Security"');
    expect(r.out).toContain('1 error, 0 warnings');
  });

  test.each([['--format', 'xml'], ['--format'], ['--fix']])('%j is refused with the usage', (...args) => {
    const r = lint(args);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/^error: .*\nusage: npm run lint:bips/);
  });

  test('messages reach the terminal cut and with control characters shown, not sent', () => {
    const d = diagnostic('bip-5.md', undefined, 'warning', 'x/y', `status "${'X'.repeat(1 << 20)}\u001b[31m\u0000" is unknown`);
    expect(d.message.length).toBeLessThanOrEqual(500);
    expect(d.message).toMatch(/^status "X+… \(\d+ characters not shown\) …X+\\u001b\[31m\\u0000" is unknown$/);
    expect(formatDiagnostic(d)).not.toMatch(/[\u0000-\u001f]/);
  });

  test('annotation text is escaped the way GitHub reads it', () => {
    // Built by hand: diagnostic() would already show the line break as \u000a.
    const d = { ...diagnostic('a,b:c.md', { line: 2, column: 3 }, 'error', 'x/y', ''), message: '100% sure\nnext line' };
    expect(formatGithub(d)).toBe('::error file=a%2Cb%3Ac.md,line=2,col=3,title=x/y::100%25 sure%0Anext line');
    expect(strict([d, { ...d, severity: 'warning' }]).map((x) => x.severity)).toEqual(['error', 'error']);
  });
});
