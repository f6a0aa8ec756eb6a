/**
 * Rendered markdown bodies, kept as one file each under the digest of what they were rendered
 * from, instead of inside Astro's content store. The store then holds only each entry's data, so
 * the bundle Astro builds from it stays small whatever the size of the registry, and pages read
 * their body from disk one at a time rather than the build holding every page's HTML. An
 * unchanged file keeps its rendered body between builds.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  headings: Heading[];
}

const SAFE_KEY = /^[\w-]+$/;

export class BodyCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  #file(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`not a body cache key: ${key}`);
    return join(this.dir, `${key}.json`);
  }

  has(key: string): boolean {
    return existsSync(this.#file(key));
  }

  read(key: string): RenderedBody {
    return JSON.parse(readFileSync(this.#file(key), 'utf8')) as RenderedBody;
  }

  /** Written whole under a unique name, then renamed: no reader sees a torn file. */
  write(key: string, body: RenderedBody): void {
    const tmp = `${this.#file(key)}.${randomUUID()}.tmp`;
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, this.#file(key));
  }

  /** Removes the bodies of entries that are gone or changed. */
  prune(keep: ReadonlySet<string>): number {
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const key = name.replace(/\.json$/, '');
      if (name.endsWith('.json') && keep.has(key)) continue;
      rmSync(join(this.dir, name), { force: true });
      removed++;
    }
    return removed;
  }
}
