import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { clashes, readTheme } from '../../src/lib/theme.ts';
import { publishTheme } from '../../src/lib/build/theme.ts';
import { ConfigError, loadRegistryConfig } from '../../src/lib/config.ts';
import { projectRoot } from '../helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'theme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: string[]): string {
  const dir = join(work, name);
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), f);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('a theme folder', () => {
  test.each<[string, string[], { css: boolean; logo?: string; files: string[] }]>([
    ['empty', [], { css: false, files: [] }],
    ['a stylesheet', ['theme.css'], { css: true, files: ['theme.css'] }],
    ['an SVG logo before a PNG one', ['logo.png', 'logo.svg'], { css: false, logo: 'logo.svg', files: ['logo.png', 'logo.svg'] }],
    ['a PNG logo', ['logo.png'], { css: false, logo: 'logo.png', files: ['logo.png'] }],
    [
      'fonts in a sub-folder, hidden files left out',
      ['fonts/a.woff2', '.DS_Store', '.git/x'],
      { css: false, files: ['fonts/a.woff2'] },
    ],
  ])('%s', (name, files, expected) => {
    const dir = folder(name.replace(/\W+/g, '-'), files);
    expect(readTheme(dir)).toEqual({ dir, ...expected });
  });

  test('none without a folder', () => expect(readTheme(undefined)).toBeUndefined());

  test.each<[string, string[], string[]]>([
    ['replaces a bundled file', ['favicon.svg'], []],
    ['adds files', ['theme.css', 'logo.svg'], []],
    ['would replace a page', ['index.html', 'theme.css'], ['index.html']],
    ['would replace a generated file', ['bips.json'], ['bips.json']],
  ])('%s', (_name, files, expected) => {
    const built = new Set(['index.html', 'bips.json', 'favicon.svg']);
    const theme = { dir: '/t', files, css: false };
    expect(clashes(theme, (f) => built.has(f), new Set(['favicon.svg']))).toEqual(expected);
  });

  test('publishing copies every file, and refuses one that replaces a page, naming it', () => {
    const site = folder('site', ['index.html', 'favicon.svg']);
    const theme = readTheme(folder('ok', ['favicon.svg', 'fonts/a.woff2']))!;
    expect(publishTheme(site, theme, join(projectRoot, 'public'))).toBe(2);
    const bad = readTheme(folder('bad', ['index.html']))!;
    expect(() => publishTheme(site, bad, join(projectRoot, 'public'))).toThrow(/would replace what the build wrote: index\.html/);
    // A file the build writes after the theme (a social card) counts too.
    const card = readTheme(folder('card', ['og/index.png']))!;
    expect(() => publishTheme(site, card, join(projectRoot, 'public'), (f) => f === 'og/index.png')).toThrow(/og\/index\.png/);
  });

  test('the setting names a folder beside the settings file; a missing one is refused', () => {
    const repo = folder('repo', ['bips/template.md', 'look/theme.css']);
    writeFileSync(join(repo, 'registry.config.json'), JSON.stringify({ theme: 'look' }));
    expect(loadRegistryConfig(repo, {}).themeDir).toBe(join(repo, 'look'));
    writeFileSync(join(repo, 'registry.config.json'), JSON.stringify({ theme: 'gone' }));
    expect(() => loadRegistryConfig(repo, {})).toThrow(ConfigError);
    expect(() => loadRegistryConfig(repo, {})).toThrow(/theme: no such folder/);
  });
});
