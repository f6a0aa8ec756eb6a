/** A registry folder's git history (files, versions, uncommitted paths, shallow clones), the
 * status events read from its versions, and links into the repository's web view. */
import { afterEach, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readBlobs, readGitHistory, type GitHistory } from '../../src/lib/history/git-log.ts';
import { proposalEvents, type ProposalEvent } from '../../src/lib/history/timeline.ts';
import { repositoryLinks } from '../../src/lib/history/links.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'bip-history-')));
  dirs.push(dir);
  return dir;
}

/** Git as the tests run it: no system or user settings, nor a hook's repository variables. */
const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull };
for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];

function git(cwd: string, args: string[], date = '2024-01-01T00:00:00+00:00'): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  }).trim();
}

/** A repository with the registry in `gov/bips`. */
function repository(): { root: string; bips: string } {
  const root = tempDir();
  git(root, ['-c', 'init.defaultBranch=main', 'init', '-q']);
  const bips = join(root, 'gov', 'bips');
  mkdirSync(bips, { recursive: true });
  return { root, bips };
}

function write(dir: string, relPath: string, text: string): void {
  mkdirSync(dirname(join(dir, relPath)), { recursive: true });
  writeFileSync(join(dir, relPath), text);
}

/** Commits everything, and gives the commit's sha. */
function commit(root: string, subject: string, date: string): string {
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', subject], date);
  return git(root, ['rev-parse', 'HEAD']);
}

const bip = (number: number, status: string, title = `Proposal ${number}`) =>
  `Number: ${number}\nTitle: ${title}\nStatus: ${status}\n\nText.\n`;

/** A trivial proposal reader: `Number:`, `Status:` and `Title:` lines. */
function read(text: string) {
  const number = /^Number: (\d+)$/m.exec(text)?.[1];
  const status = /^Status: (.+)$/m.exec(text)?.[1];
  if (number === undefined || status === undefined) return undefined;
  return { number: Number(number), status, title: /^Title: (.+)$/m.exec(text)?.[1] ?? '' };
}

function history(folder: string): Extract<GitHistory, { ok: true }> {
  const result = readGitHistory(folder);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** A short line per event, to compare whole lists. */
const summary = (event: ProposalEvent) =>
  event.kind === 'added'
    ? `${event.commit.subject}: added ${event.number} ${event.status} "${event.title}"`
    : `${event.commit.subject}: ${event.number} ${event.from} → ${event.to} "${event.title}"`;

/** Runs with an environment variable set (or removed), and puts it back. */
function withEnv<T>(name: string, value: string, body: () => T): T {
  const before = process.env[name];
  process.env[name] = value;
  try {
    return body();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

describe('readGitHistory', () => {
  test('commits, and when each file was created and last changed', () => {
    const { root, bips } = repository();
    write(bips, 'bip-0001.md', bip(1, 'Draft'));
    write(bips, 'bip-0002.md', bip(2, 'Draft'));
    write(root, 'README.md', 'outside\n');
    const first = commit(root, 'one', '2024-01-01T10:00:00+02:00');
    write(bips, 'bip-0001.md', bip(1, 'Proposed'));
    write(root, 'README.md', 'outside, changed\n');
    const second = commit(root, 'two', '2024-02-01T00:00:00+00:00');
    write(root, 'README.md', 'only outside\n');
    commit(root, 'outside only', '2024-03-01T00:00:00+00:00');
    rmSync(join(bips, 'bip-0002.md'));
    write(bips, 'bip-0003.md', bip(3, 'Draft'));
    const fourth = commit(root, 'four', '2024-04-01T12:30:00-05:00');

    const h = history(bips);
    expect(h.top).toBe(root);
    expect(h.shallow).toBe(false);
    expect(h.head).toBe(fourth);
    expect(h.commits.map((c) => c.subject)).toEqual(['one', 'two', 'four']);
    expect(h.commits[0]).toEqual({ sha: first, date: '2024-01-01T10:00:00+02:00', author: 'Test', subject: 'one' });
    expect(h.commits[2]!.date).toBe('2024-04-01T12:30:00-05:00');

    expect([...h.files.keys()].sort()).toEqual(['bip-0001.md', 'bip-0002.md', 'bip-0003.md']);
    const one = h.files.get('bip-0001.md')!;
    expect([one.created?.sha, one.modified.sha, one.commits]).toEqual([first, second, 2]);
    const two = h.files.get('bip-0002.md')!;
    expect([two.created?.sha, two.modified.sha, two.commits]).toEqual([first, fourth, 2]);
    const three = h.files.get('bip-0003.md')!;
    expect([three.created?.sha, three.modified.sha, three.commits]).toEqual([fourth, fourth, 1]);

    expect(h.touches.map((t) => `${t.commit.subject} ${t.status} ${t.relPath}`)).toEqual([
      'one added bip-0001.md',
      'one added bip-0002.md',
      'two modified bip-0001.md',
      'four removed bip-0002.md',
      'four added bip-0003.md',
    ]);
    expect(h.touches[3]!.blob).toBeUndefined();
    expect(h.touches[2]!.blob).toMatch(/^[0-9a-f]{40}$/);
    expect(readBlobs(h.top, [h.touches[2]!.blob!]).get(h.touches[2]!.blob!)).toBe(bip(1, 'Proposed'));
    expect(h.uncommitted.size).toBe(0);
  });

  test('a registry at the top of the repository, and one reached through a symbolic link', () => {
    const { root, bips } = repository();
    write(bips, 'bip-0001.md', bip(1, 'Draft'));
    write(root, 'README.md', 'top\n');
    commit(root, 'one', '2024-01-01T00:00:00+00:00');

    expect([...history(root).files.keys()].sort()).toEqual(['README.md', 'gov/bips/bip-0001.md']);
    const link = join(tempDir(), 'registry');
    symlinkSync(bips, link);
    const linked = history(link);
    expect(linked.top).toBe(root);
    expect([...linked.files.keys()]).toEqual(['bip-0001.md']);
  });

  test('paths with spaces and characters beyond ASCII', () => {
    const { root, bips } = repository();
    write(bips, 'sub dir/bïp ü €.md', bip(1, 'Draft'));
    write(bips, '"quoted"\ttab.md', bip(2, 'Draft'));
    commit(root, 'one', '2024-01-01T00:00:00+00:00');
    write(bips, 'naïve draft.md', 'new\n');

    const h = history(bips);
    expect([...h.files.keys()].sort()).toEqual(['"quoted"\ttab.md', 'sub dir/bïp ü €.md']);
    expect([...h.uncommitted]).toEqual(['naïve draft.md']);
    const blob = h.touches.find((t) => t.relPath === 'sub dir/bïp ü €.md')!.blob!;
    expect(readBlobs(h.top, [blob]).get(blob)).toBe(bip(1, 'Draft'));
  });

  test('uncommitted paths: modified, staged, untracked and removed, inside the folder only', () => {
    const { root, bips } = repository();
    write(bips, 'bip-0001.md', bip(1, 'Draft'));
    write(bips, 'bip-0002.md', bip(2, 'Draft'));
    write(root, 'README.md', 'outside\n');
    commit(root, 'one', '2024-01-01T00:00:00+00:00');
    write(bips, 'bip-0001.md', bip(1, 'Proposed'));
    rmSync(join(bips, 'bip-0002.md'));
    write(bips, 'staged.md', 'staged\n');
    git(root, ['add', 'gov/bips/staged.md']);
    write(bips, 'drafts/deep/new.md', 'untracked\n');
    write(root, 'README.md', 'outside, changed\n');
    write(root, 'untracked-outside.md', 'outside\n');

    expect([...history(bips).uncommitted].sort()).toEqual(['bip-0001.md', 'bip-0002.md', 'drafts/deep/new.md', 'staged.md']);
  });

  test('a shallow clone: files first seen at the boundary have no creation date', () => {
    const { root, bips } = repository();
    write(bips, 'a.md', 'a\n');
    commit(root, 'one', '2024-01-01T00:00:00+00:00');
    write(bips, 'b.md', 'b\n');
    const second = commit(root, 'two', '2024-02-01T00:00:00+00:00');
    write(bips, 'a.md', 'a, changed\n');
    write(bips, 'c.md', 'c\n');
    const third = commit(root, 'three', '2024-03-01T00:00:00+00:00');
    const clone = join(tempDir(), 'clone');
    git(root, ['clone', '-q', '--depth', '2', `file://${root}`, clone]);

    const h = history(join(clone, 'gov', 'bips'));
    expect(h.shallow).toBe(true);
    expect(h.commits.map((c) => c.sha)).toEqual([second, third]);
    const a = h.files.get('a.md')!;
    expect([a.created, a.modified.sha, a.commits]).toEqual([undefined, third, 2]);
    expect(h.files.get('b.md')!.created).toBeUndefined();
    expect(h.files.get('c.md')!.created?.sha).toBe(third);
    expect(history(bips).files.get('a.md')!.created?.subject).toBe('one');
  });

  test('a folder git cannot read gives a reason, never an exception', () => {
    const outside = tempDir();
    const notGit = withEnv('GIT_CEILING_DIRECTORIES', dirname(outside), () => readGitHistory(outside));
    expect(notGit).toEqual({ ok: false, reason: `${outside} is not in a git repository` });

    const empty = tempDir();
    git(empty, ['init', '-q']);
    expect(readGitHistory(empty)).toEqual({ ok: false, reason: 'the repository has no commits yet' });

    expect(readGitHistory(join(outside, 'missing'))).toMatchObject({ ok: false });
    const noGit = withEnv('PATH', tempDir(), () => readGitHistory(outside));
    expect(noGit).toEqual({ ok: false, reason: 'git is not installed' });
  });
});

describe('readBlobs', () => {
  test('texts by byte size, multi-byte UTF-8 included; missing ids left out', () => {
    const { root } = repository();
    const texts = ['héllo wörld — ₿ 🚀\nsecond line ünïcode\n', 'plain\n', ''];
    const ids = texts.map((text, i) => {
      write(root, `f${i}.txt`, text);
      return git(root, ['hash-object', '-w', `f${i}.txt`]);
    });
    const missing = '0123456789abcdef0123456789abcdef01234567';
    const found = readBlobs(root, [ids[0]!, missing, ids[1]!, ids[0]!, ids[2]!]);
    expect(found).toEqual(
      new Map([
        [ids[0]!, texts[0]!],
        [ids[1]!, texts[1]!],
        [ids[2]!, texts[2]!],
      ]),
    );
    expect(readBlobs(root, [])).toEqual(new Map());
  });
});

describe('proposalEvents', () => {
  test('followed by number through a move: added, status changes, unparsable versions skipped', () => {
    const { root, bips } = repository();
    write(bips, 'bip-0001.md', bip(1, 'Draft'));
    write(bips, 'bip-0002.md', bip(2, 'Draft'));
    commit(root, 'c1', '2024-01-01T00:00:00+00:00');
    write(bips, 'bip-0001.md', bip(1, 'Draft', 'Renamed title'));
    write(bips, 'bip-0002.md', 'not a proposal at all\n');
    commit(root, 'c2', '2024-02-01T00:00:00+00:00');
    write(bips, 'bip-0001.md', bip(1, 'Proposed', 'Renamed title'));
    write(bips, 'bip-0002.md', bip(2, 'Proposed'));
    commit(root, 'c3', '2024-03-01T00:00:00+00:00');
    mkdirSync(join(bips, 'final'));
    renameSync(join(bips, 'bip-0001.md'), join(bips, 'final', 'bip-0001.md'));
    commit(root, 'c4 move', '2024-04-01T00:00:00+00:00');
    write(bips, 'final/bip-0001.md', bip(1, 'Final', 'Renamed title'));
    write(bips, 'bip-0003.md', bip(3, 'Draft'));
    commit(root, 'c5', '2024-05-01T00:00:00+00:00');

    const h = history(bips);
    const texts = readBlobs(
      h.top,
      h.touches.flatMap((t) => (t.blob ? [t.blob] : [])),
    );
    expect(proposalEvents(h.touches, texts, read).map(summary)).toEqual([
      // Within a commit, in git's path order (bip-0003.md before final/…), reversed.
      'c5: 1 Proposed → Final "Renamed title"',
      'c5: added 3 Draft "Proposal 3"',
      'c3: 2 Draft → Proposed "Proposal 2"',
      'c3: 1 Draft → Proposed "Renamed title"',
      'c1: added 2 Draft "Proposal 2"',
      'c1: added 1 Draft "Proposal 1"',
    ]);
  });

  test('a version without its text, or that the reader rejects, is skipped', () => {
    const at = (subject: string) => ({ sha: subject, date: '2024-01-01T00:00:00+00:00', author: 'Test', subject });
    const touches = [
      { commit: at('a'), relPath: 'x.md', status: 'added' as const, blob: 'b1' },
      { commit: at('b'), relPath: 'x.md', status: 'modified' as const, blob: 'gone' },
      { commit: at('c'), relPath: 'x.md', status: 'modified' as const, blob: 'b3' },
      { commit: at('d'), relPath: 'x.md', status: 'removed' as const },
      { commit: at('e'), relPath: 'y.md', status: 'added' as const, blob: 'b5' },
    ];
    const texts = new Map([
      ['b1', bip(7, 'Draft')],
      ['b3', bip(7, 'Active')],
      ['b5', 'throws'],
    ]);
    const reader = (text: string) => {
      if (text === 'throws') throw new Error('unreadable');
      return read(text);
    };
    expect(proposalEvents(touches, texts, reader).map(summary)).toEqual([
      'c: 7 Draft → Active "Proposal 7"',
      'a: added 7 Draft "Proposal 7"',
    ]);
  });
});

describe('repositoryLinks', () => {
  test.each([
    [
      'https://github.com/owner/repo/blob/main/bips',
      'https://github.com/owner/repo/commit/abc123',
      'https://github.com/owner/repo/commits/main/bips/bip-0001.md',
    ],
    [
      'https://github.com/owner/repo/tree/main/gov/bips/',
      'https://github.com/owner/repo/commit/abc123',
      'https://github.com/owner/repo/commits/main/gov/bips/bip-0001.md',
    ],
    [
      'https://github.com/owner/repo/tree/main',
      'https://github.com/owner/repo/commit/abc123',
      'https://github.com/owner/repo/commits/main/bip-0001.md',
    ],
    [
      'https://gitlab.com/group/sub/repo/-/blob/main/bips',
      'https://gitlab.com/group/sub/repo/-/commit/abc123',
      'https://gitlab.com/group/sub/repo/-/commits/main/bips/bip-0001.md',
    ],
    [
      'https://codeberg.org/owner/repo/src/branch/main/bips',
      'https://codeberg.org/owner/repo/commit/abc123',
      'https://codeberg.org/owner/repo/commits/branch/main/bips/bip-0001.md',
    ],
  ])('%s', (source, commitUrl, historyUrl) => {
    const links = repositoryLinks(source)!;
    expect(links.commit('abc123')).toBe(commitUrl);
    expect(links.history('bip-0001.md')).toBe(historyUrl);
  });

  test('path segments are encoded, the slashes between them kept', () => {
    const links = repositoryLinks('https://github.com/o/r/blob/main/my%20bips')!;
    expect(links.history('sub dir/bïp #1.md')).toBe('https://github.com/o/r/commits/main/my%20bips/sub%20dir/b%C3%AFp%20%231.md');
  });

  test('patterns win, and unknown shapes give nothing', () => {
    const patterns = { commit: 'https://git.example/r/c/{sha}', history: 'https://git.example/r/log/{path}?x=$&' };
    const overridden = repositoryLinks('https://github.com/o/r/blob/main/bips', patterns)!;
    expect(overridden.commit('abc')).toBe('https://git.example/r/c/abc');
    expect(overridden.history('a b/c.md')).toBe('https://git.example/r/log/a%20b/c.md?x=$&');
    expect(repositoryLinks(undefined, patterns)!.commit('abc')).toBe('https://git.example/r/c/abc');
    const mixed = repositoryLinks('https://github.com/o/r/blob/main/bips', { commit: 'https://ci.example/{sha}' })!;
    expect([mixed.commit('abc'), mixed.history('x.md')]).toEqual([
      'https://ci.example/abc',
      'https://github.com/o/r/commits/main/bips/x.md',
    ]);

    expect(repositoryLinks('https://example.org/docs/bips')).toBeUndefined();
    expect(repositoryLinks('https://github.com/owner/repo')).toBeUndefined();
    expect(repositoryLinks('not a url')).toBeUndefined();
    expect(repositoryLinks('ftp://github.com/o/r/blob/main/bips')).toBeUndefined();
    expect(repositoryLinks(undefined)).toBeUndefined();
    expect(repositoryLinks('https://example.org/docs', { commit: 'https://x/{sha}' })).toBeUndefined();
  });
});
