/** The content loader against a fake store: what it stores, what it skips, what it removes, and
 * how much it re-checks when a file changes in a long-lived (dev server) process. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { watchRegistry, syncStore, type StoreContext } from '../../src/loaders/bip-loader.ts';
import { BuildState } from '../../src/lib/registry/state.ts';
import { registrySetup } from '../../src/lib/registry/rules.ts';
import { bipText, configFor, projectRoot } from '../helpers.ts';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  rendered?: { html: string };
  deferredRender?: boolean;
}

function fakeContext(watching = false) {
  const entries = new Map<string, Stored>();
  const logs: { level: string; message: string }[] = [];
  let renders = 0;
  const log = (level: string) => (message: string) => void logs.push({ level, message });
  const ctx = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Stored) => (entries.set(entry.id, entry), true),
      delete: (id: string) => void entries.delete(id),
      keys: () => [...entries.keys()],
    },
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    generateDigest: (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex'),
    renderMarkdown: async (markdown: string) => {
      renders++;
      return { html: `<p>${markdown.length} characters</p><img src="diagram.png">`, metadata: { headings: [] } };
    },
    watcher: watching ? {} : undefined,
    config: { root: pathToFileURL(`${projectRoot}/`), base: '/', cacheDir: pathToFileURL(`${dir}/.cache/`) },
  };
  return { ctx: ctx as unknown as StoreContext, entries, logs, renders: () => renders };
}

let dir: string;
function write(name: string, fields: Record<string, string | null> = {}) {
  const n = Number(/\d+/.exec(name)![0]);
  const text = bipText(
    { BIP: String(n), Title: `Proposal ${name}`, ...fields },
    '## Abstract\n\nSee ![the diagram](diagram.png).\n',
  );
  writeFileSync(join(dir, name), text.replace('# BIP-5: An Example', `# BIP-${n}`));
}
const stateFor = () => new BuildState(registrySetup(configFor(dir)));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bip-loader-'));
  copyFileSync(join(projectRoot, 'bips', 'template.md'), join(dir, 'template.md'));
  writeFileSync(join(dir, 'diagram.png'), 'not really a png');
  for (const n of [1, 2, 3]) write(`bip-000${n}.md`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the content loader', () => {
  test('stores every BIP with its checked record and the files its body links to', async () => {
    const { ctx, entries, renders } = fakeContext();
    const state = stateFor();
    expect(await syncStore(ctx, state)).toBe(3);
    expect([...entries.keys()].sort()).toEqual(['1', '2', '3']);
    const one = entries.get('1')!;
    expect(one.data).toMatchObject({
      kind: 'bip',
      bip: 1,
      title: 'Proposal bip-0001.md',
      relPath: 'bip-0001.md',
      files: ['diagram.png'],
    });
    // The rendered body is in the body cache under the entry's digest, not in the store.
    expect(one.rendered).toBeUndefined();
    expect(state.bodies!.read(one.digest!).html).toContain('src="/files/diagram.png"');
    expect(renders()).toBe(3);
    expect(state.linkedFiles.get('1')).toEqual(['diagram.png']);
  });

  test('an unchanged registry is not rendered again, and its files are still known', async () => {
    const { ctx, renders } = fakeContext();
    await syncStore(ctx, stateFor());
    const again = stateFor();
    expect(await syncStore(ctx, again)).toBe(0);
    expect(renders()).toBe(3);
    expect(again.linkedFiles.get('2')).toEqual(['diagram.png']);
  });

  test('a changed file is rendered again, and only it; the old body leaves the cache', async () => {
    const { ctx, entries, renders } = fakeContext();
    const state = stateFor();
    await syncStore(ctx, state);
    const old = entries.get('2')!.digest!;
    write('bip-0002.md', { Status: 'Review' });
    expect(await syncStore(ctx, state)).toBe(1);
    expect(renders()).toBe(4);
    expect(entries.get('2')!.data.status).toBe('Review');
    expect(state.bodies!.has(old)).toBe(false);
    expect(state.bodies!.has(entries.get('2')!.digest!)).toBe(true);
  });

  test('a stored entry whose body is missing from the cache is rendered again', async () => {
    const { ctx, entries, renders } = fakeContext();
    const state = stateFor();
    await syncStore(ctx, state);
    rmSync(join(dir, '.cache'), { recursive: true, force: true });
    expect(await syncStore(ctx, stateFor())).toBe(3);
    expect(renders()).toBe(6);
    expect(state.bodies!.read(entries.get('3')!.digest!).html).toContain('characters');
  });

  test('the entries of deleted files leave the store', async () => {
    const { ctx, entries } = fakeContext();
    await syncStore(ctx, stateFor());
    unlinkSync(join(dir, 'bip-0003.md'));
    await syncStore(ctx, stateFor());
    expect([...entries.keys()].sort()).toEqual(['1', '2']);
  });

  test('in a long-lived process, a change re-checks one file, not the registry', async () => {
    const { ctx } = fakeContext(true);
    const state = stateFor();
    await syncStore(ctx, state);
    expect(state.registry.checked).toBe(3);
    write('bip-0001.md', { Title: 'Renamed' });
    await syncStore(ctx, state);
    expect(state.registry.checked).toBe(1);
    expect(state.registry.bips.map((b) => b.data.title)).toEqual(['Renamed', 'Proposal bip-0002.md', 'Proposal bip-0003.md']);
    expect(state.loads).toBe(2);
  });

  test('a broken BIP fails a build with the located problem, and only logs in the dev server', async () => {
    write('bip-0002.md', { Created: 'soon' });
    const build = fakeContext();
    await expect(syncStore(build.ctx, stateFor())).rejects.toThrow(
      /bip-0002\.md:10:14: error: "soon" is not an ISO date .*\[created\/invalid\]/,
    );
    const dev = fakeContext(true);
    await syncStore(dev.ctx, stateFor());
    expect(dev.logs.some((l) => l.level === 'error' && /created\/invalid/.test(l.message))).toBe(true);
    expect([...dev.entries.keys()].sort()).toEqual(['1', '3']);
  });

  test("a companion document's error is counted apart, not as one more failed BIP", async () => {
    mkdirSync(join(dir, 'BIP-04'));
    write('BIP-04/BIP-04.md');
    writeFileSync(join(dir, 'BIP-04', 'notes.mdx'), '# Notes\n\n<section>\n\nunclosed\n');
    const dev = fakeContext(true);
    await syncStore(dev.ctx, stateFor());
    const summary = dev.logs.find((l) => / BIP files: /.test(l.message))!.message;
    expect(summary).toMatch(/^4 BIP files: 4 published, 0 with errors; 0 companion documents; 1 other files with errors; /);
  });

  test('a registry folder moved away and back is watched again, and reloaded', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bip-watch-'));
    const listeners: ((event: string, path: string) => void)[] = [];
    const added: string[] = [];
    const watcher = {
      add: (p: string) => added.push(p),
      on: (_e: 'all', l: (event: string, path: string) => void) => listeners.push(l),
    };
    let reloads = 0;
    watchRegistry(watcher, folder, () => reloads++, 20);
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    rmSync(folder, { recursive: true });
    listeners.forEach((l) => l('unlinkDir', folder));
    await wait(400);
    expect(added).toEqual([folder]);
    expect(reloads).toBe(1);
    mkdirSync(folder);
    await wait(500);
    expect(added).toEqual([folder, folder]);
    expect(reloads).toBe(2);
    listeners.forEach((l) => l('change', join(folder, 'bip-0001.md')));
    await wait(400);
    expect(reloads).toBe(3);
    rmSync(folder, { recursive: true, force: true });
  });
});
