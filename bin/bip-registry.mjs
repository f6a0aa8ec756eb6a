#!/usr/bin/env node
// The installed command. It only finds a Node that can run the generator (the one this package
// brings, else the caller's own if it is new enough) and hands the arguments to scripts/cli.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'scripts', 'cli.ts');

function pinnedNode() {
  try {
    const bin = join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
const node = pinnedNode() ?? (major > 22 || (major === 22 && minor >= 18) ? process.execPath : undefined);
if (!node) {
  console.error(
    `error: this command needs Node 22.18 or newer (found ${process.versions.node}), or the "node" package it depends on`,
  );
  process.exit(2);
}
// Under node_modules Node does not strip TypeScript's types itself: the hook does (see it), with
// the API Node still calls experimental.
const hooks = join(here, 'ts-hooks.mjs');
const run = spawnSync(
  node,
  ['--disable-warning=ExperimentalWarning', '--import', pathToFileURL(hooks).href, cli, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
if (run.error) {
  console.error(`error: could not start ${node}: ${run.error.message}`);
  process.exit(2);
}
process.exit(run.status ?? 1);
