/**
 * Makes every card image of a site: cached ones are copied, the others rendered on all cores
 * (worker threads, each loading the fonts once), with progress as it goes. Cards with the same
 * key (two pages showing the same thing) are rendered once.
 */
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CardSpec } from './card.ts';
import { cardKey } from './cache.ts';
import { renderCard } from './render.ts';

export interface CardJob {
  /** Output file, relative to the site folder (`og/bip-5.png`). */
  file: string;
  spec: CardSpec;
}

export interface CardReport {
  total: number;
  rendered: number;
  cached: number;
  seconds: number;
}

export interface CardOptions {
  siteDir: string;
  cacheDir: string;
  /** Render threads; default: the machine's cores, at most 8 (each thread holds ~100 MB). */
  threads?: number;
  progress?: (done: number, total: number) => void;
  /** The worker script (tests swap it); default worker.ts beside this file. */
  worker?: string;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.OG_THREADS);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.min(availableParallelism(), 8);
}

type Done = (i: number, png: Uint8Array) => Promise<void>;

/** Runs specs through one worker until none are left; fails on any error or early exit. */
function drain(worker: Worker, specs: CardSpec[], take: () => number | undefined, done: Done): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let current: number | undefined;
    let finished = false;
    const fail = (error: Error) => {
      if (!finished) ((finished = true), reject(error));
    };
    const send = () => {
      current = take();
      if (current === undefined) return ((finished = true), resolve());
      worker.postMessage({ id: current, spec: specs[current] });
    };
    worker.on('message', (m: { id: number; png?: Uint8Array; error?: string }) => {
      if (m.error) return fail(new Error(`OG image "${specs[m.id]!.eyebrow}: ${specs[m.id]!.title}": ${m.error}`));
      done(m.id, m.png!).then(send, fail);
    });
    worker.on('error', fail);
    worker.on('messageerror', fail);
    worker.on('exit', (code) => fail(new Error(`an OG render thread exited (code ${code}) with work left`)));
    send();
  });
}

async function renderMany(specs: CardSpec[], threads: number, workerFile: string, done: Done): Promise<void> {
  if (threads <= 1 || specs.length <= 1 || !existsSync(workerFile)) {
    for (let i = 0; i < specs.length; i++) await done(i, await renderCard(specs[i]!));
    return;
  }
  let next = 0;
  const take = () => (next < specs.length ? next++ : undefined);
  const workers = Array.from({ length: Math.min(threads, specs.length) }, () => new Worker(workerFile));
  try {
    await Promise.all(workers.map((w) => drain(w, specs, take, done)));
  } finally {
    for (const w of workers) w.removeAllListeners('exit');
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function buildCards(jobs: CardJob[], options: CardOptions): Promise<CardReport> {
  const started = performance.now();
  await mkdir(options.cacheDir, { recursive: true });
  const cached = (key: string) => join(options.cacheDir, `${key}.png`);
  const place = async (job: CardJob, from: string) => {
    const target = join(options.siteDir, job.file);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(from, target);
  };
  let done = 0;
  const tick = () => options.progress?.(++done, jobs.length);

  const byKey = new Map<string, CardJob[]>();
  for (const job of jobs) {
    const key = cardKey(job.spec);
    byKey.set(key, [...(byKey.get(key) ?? []), job]);
  }
  const missing: [string, CardJob[]][] = [];
  for (const [key, group] of byKey) {
    if (!existsSync(cached(key))) {
      missing.push([key, group]);
      continue;
    }
    for (const job of group) {
      await place(job, cached(key));
      tick();
    }
  }
  await renderMany(
    missing.map(([, group]) => group[0]!.spec),
    options.threads ?? defaultThreads(),
    options.worker ?? WORKER,
    async (i, png) => {
      const [key, group] = missing[i]!;
      // Written whole under a unique name, then renamed: no reader sees a torn file.
      const tmp = `${cached(key)}.${randomUUID()}.tmp`;
      try {
        await writeFile(tmp, png);
        await rename(tmp, cached(key));
      } finally {
        await rm(tmp, { force: true });
      }
      for (const job of group) {
        await place(job, cached(key));
        tick();
      }
    },
  );
  const rendered = missing.length;
  return {
    total: jobs.length,
    rendered,
    cached: jobs.length - missing.reduce((n, [, g]) => n + g.length, 0),
    seconds: (performance.now() - started) / 1000,
  };
}

/** The build-state key under which the pages' data module leaves the list of cards to render. */
export const CARDS_KEY = 'og-cards';
