import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { lostUrls, readBaseline, retiredPages, sitePath } from '../../src/lib/build/url-guard.ts';
import { loadRegistry } from '../../src/lib/registry/load.ts';
import { manifestOf } from '../../src/lib/manifest.ts';
import { makeUrls } from '../../src/lib/urls.ts';
import { formatDiagnostic } from '../../src/lib/bip/diagnostics.ts';
import { configFor, fixture } from '../helpers.ts';

describe('the URL baseline', () => {
  test.each([
    ['/preview/bip-7/', '/preview/', 'bip-7/'],
    ['https://r.example.org/bip-7/', '/', 'bip-7/'],
    ['/EIPS/eip-1.html', '/', 'EIPS/eip-1.html'],
  ])('%s under %s is %s', (url, base, path) => {
    expect(sitePath(url, base)).toBe(path);
  });

  test('reads a published bips.json, under its own base path', () => {
    const manifest = {
      base: '/regs/',
      bips: [{ number: 7, url: '/regs/bip-7/', aliases: ['/regs/bip-07/'], companions: [{ url: '/regs/bip-7/notes/' }] }],
    };
    expect(readBaseline(JSON.stringify(manifest))).toEqual({
      ok: true,
      entries: [
        { path: 'bip-7/', aliases: ['bip-07/'], line: 1 },
        { path: 'bip-7/notes/', aliases: [], line: 1 },
      ],
    });
  });

  test('reads a list of paths, with comments and line numbers', () => {
    expect(readBaseline('# published\n/bip-1/\n\n/bip-2/notes/  # a companion\n')).toEqual({
      ok: true,
      entries: [
        { path: 'bip-1/', aliases: [], line: 2 },
        { path: 'bip-2/notes/', aliases: [], line: 4 },
      ],
    });
  });

  test.each([['{ "bips": 3 }'], ['{ not json']])('refuses %s with a reason', (text) => {
    expect(readBaseline(text).ok).toBe(false);
  });
});

describe('lost addresses', () => {
  const baseline = [
    { path: 'bip-7/', aliases: ['bip-07/', 'bip-0007/'], line: 1 },
    { path: 'bip-8/', aliases: ['bip-08/'], line: 1 },
    { path: 'bip-8/plan/', aliases: [], line: 1 },
  ];
  test.each<[string, string[], Record<string, string>, string[]]>([
    ['nothing changed', ['bip-7/', 'bip-07/', 'bip-0007/', 'bip-8/', 'bip-08/', 'bip-8/plan/'], {}, []],
    ['a proposal deleted', ['bip-8/', 'bip-08/', 'bip-8/plan/'], {}, ['bip-7/']],
    [
      'a companion moved into a sub-folder',
      ['bip-7/', 'bip-07/', 'bip-0007/', 'bip-8/', 'bip-08/', 'bip-8/docs-plan/'],
      {},
      ['bip-8/plan/'],
    ],
    ['deleted, and retired with a sentence', ['bip-8/', 'bip-08/', 'bip-8/plan/'], { '/bip-7/': 'Withdrawn and removed.' }, []],
    [
      'moved, and retired to its new address',
      ['bip-7/', 'bip-07/', 'bip-0007/', 'bip-8/', 'bip-08/', 'bip-8/docs-plan/'],
      { '/bip-8/plan/': '/bip-8/docs-plan/' },
      [],
    ],
  ])('%s', (_name, published, retired, lost) => {
    expect(lostUrls(baseline, new Set(published), retired).map((l) => l.path)).toEqual(lost);
  });

  test('a lost page names its lost aliases; retiring it writes a page there and leads its aliases to it', () => {
    const [lost] = lostUrls(baseline, new Set(['bip-8/', 'bip-08/', 'bip-8/plan/']), {});
    expect(lost!.lostAliases).toEqual(['bip-07/', 'bip-0007/']);
    expect(retiredPages({ '/bip-7/': 'Withdrawn and removed.' }, new Set(['bip-8/']), '/', baseline)).toEqual([
      { file: 'bip-7/index.html', note: 'Withdrawn and removed.' },
      { file: 'bip-07/index.html', to: '/bip-7/' },
      { file: 'bip-0007/index.html', to: '/bip-7/' },
    ]);
    expect(retiredPages({ '/bip-8/plan/': '/bip-8/docs-plan/', '/bip-8/': 'still here' }, new Set(['bip-8/']), '/pr-3/')).toEqual(
      [{ file: 'bip-8/plan/index.html', to: '/pr-3/bip-8/docs-plan/' }],
    );
  });
});

describe('the guard in a registry check', () => {
  const temps: string[] = [];
  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bip-urls-'));
    temps.push(dir);
    const bips = join(dir, 'bips');
    cpSync(fixture('registry'), bips, { recursive: true });
    const config = configFor(bips);
    const manifest = manifestOf(makeUrls('/'), loadRegistry(config).bips, config.profile);
    writeFileSync(join(dir, 'bips.json'), JSON.stringify(manifest));
    return { bips, config: { ...config, urlBaseline: join(dir, 'bips.json') } };
  };
  const lost = (config: ReturnType<typeof setup>['config']) =>
    loadRegistry(config)
      .diagnostics.filter((d) => d.rule.startsWith('url/'))
      .map(formatDiagnostic);

  test('deleting a proposal fails with its address, until it is retired', () => {
    const { bips, config } = setup();
    expect(lost(config)).toEqual([]);
    rmSync(join(bips, 'bip-0010.md'));
    const found = lost(config);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^\.\.\/.*bips\.json:1:1: error: \/bip-10\/ \(and \d+ other addresses of it\) was published and would be no longer; .* \[url\/lost\]$/,
    );
    expect(lost({ ...config, retired: { '/bip-10/': 'Withdrawn in 2025 and removed; see BIP-1.' } })).toEqual([]);
  });

  test('moving a companion changes its address: lost until it redirects', () => {
    const { bips, config } = setup();
    mkdirSync(join(bips, 'BIP-02', 'docs'));
    renameSync(join(bips, 'BIP-02', 'NOTES.md'), join(bips, 'BIP-02', 'docs', 'NOTES.md'));
    expect(lost(config).map((l) => /error: (\S+)/.exec(l)![1])).toEqual(['/bip-2/notes/']);
    expect(lost({ ...config, retired: { '/bip-2/notes/': '/bip-2/docs-notes/' } })).toEqual([]);
  });

  test('renaming a file that keeps its number loses nothing', () => {
    const { bips, config } = setup();
    renameSync(join(bips, 'bip-0010.md'), join(bips, 'bip-10.md'));
    expect(lost(config)).toEqual([]);
  });

  test('a baseline that cannot be read is an error, not a pass', () => {
    const { config } = setup();
    expect(lost({ ...config, urlBaseline: join(tmpdir(), 'no-such-baseline.json') })).toEqual([
      expect.stringMatching(/error: the URL baseline cannot be read \(ENOENT\) \[url\/baseline\]$/),
    ]);
  });

  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
});
