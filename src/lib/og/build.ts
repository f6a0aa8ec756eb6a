/**
 * Makes every card image of a site: cached ones are copied, the others rendered on all cores
 * (one worker thread per core, each loading the fonts once), with progress as it goes.
 */
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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

interface Options {
  siteDir: string;
  cacheDir: string;
  threads?: number;
  progress?: (done: number, total: number) => void;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** Renders specs on `threads` worker threads (in this thread when there is one job or thread). */
async function renderMany(
  specs: CardSpec[],
  threads: number,
  each: (i: number, png: Uint8Array) => Promise<void>,
): Promise<void> {
  if (threads <= 1 || specs.length <= 1 || !existsSync(WORKER)) {
    for (let i = 0; i < specs.length; i++) await each(i, await renderCard(specs[i]!));
    return;
  }
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= specs.length) return resolve();
        const id = next++;
        worker.postMessage({ id, spec: specs[id] });
      };
      worker.on('message', (m: { id: number; png?: Uint8Array; error?: string }) => {
        if (m.error) return reject(new Error(`OG image for ${specs[m.id]!.eyebrow}: ${m.error}`));
        each(m.id, m.png!).then(send, reject);
      });
      worker.on('error', reject);
      send();
    });
  const workers = Array.from({ length: Math.min(threads, specs.length) }, () => new Worker(WORKER));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function buildCards(jobs: CardJob[], options: Options): Promise<CardReport> {
  const started = performance.now();
  const threads = options.threads ?? availableParallelism();
  await mkdir(options.cacheDir, { recursive: true });
  const cachePath = (job: CardJob) => join(options.cacheDir, `${cardKey(job.spec)}.png`);
  const target = (job: CardJob) => join(options.siteDir, job.file);
  let done = 0;
  const tick = () => options.progress?.(++done, jobs.length);

  const missing: CardJob[] = [];
  for (const job of jobs) {
    if (existsSync(cachePath(job))) {
      await mkdir(dirname(target(job)), { recursive: true });
      await copyFile(cachePath(job), target(job));
      tick();
    } else missing.push(job);
  }
  await renderMany(
    missing.map((j) => j.spec),
    threads,
    async (i, png) => {
      const job = missing[i]!;
      await mkdir(dirname(target(job)), { recursive: true });
      await writeFile(target(job), png);
      // Written whole to a temporary name first, so a build stopped midway leaves no torn file.
      const tmp = `${cachePath(job)}.${process.pid}.tmp`;
      await writeFile(tmp, png);
      await rename(tmp, cachePath(job));
      tick();
    },
  );
  return {
    total: jobs.length,
    rendered: missing.length,
    cached: jobs.length - missing.length,
    seconds: (performance.now() - started) / 1000,
  };
}
