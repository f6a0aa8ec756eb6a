/**
 * The registry of one build, derived once and read by every step that needs it: the settings,
 * the rules and schema from the template, and, once the content loader has loaded it, every
 * checked document with what the site publishes. Astro evaluates astro.config.mjs, the content
 * config and the pages each in a module graph of its own, but all in one process; the state is
 * found through a process-wide symbol, so they share one object instead of each reading the
 * registry again. The integration opens a fresh state whenever Astro (re)loads its config.
 */
import { relative, sep } from 'node:path';
import { callerDir, loadRegistryConfig } from '../config.ts';
import { loadRegistry, type Registry } from './load.ts';
import { registrySetup, type RegistrySetup } from './rules.ts';
import type { CheckCache } from './documents.ts';
import type { BodyCache } from '../render/body-cache.ts';

const KEY = Symbol.for('bip-registry.build-state');

export class BuildState {
  readonly setup: RegistrySetup;
  #registry: Registry | undefined;
  #derived = new Map<string, unknown>();
  #loads = 0;
  /** The site's absolute address, when set (Astro's `site`). */
  siteUrl: string | undefined;
  /** Where the steps of a build report (the integration's logger, `[bip-registry] …`); the
   * console when nothing set one. */
  log: { info: (message: string) => void; warn: (message: string) => void } = console;
  /** Per-file check results, so a reload in the dev server re-checks only changed files. */
  #checks: CheckCache = new Map();

  constructor(setup: RegistrySetup) {
    this.setup = setup;
  }

  get config() {
    return this.setup.config;
  }

  /** Loads (or, in the dev server, reloads) the registry from disk; what was derived from the
   * previous load is dropped. `root` is the project root; paths in messages are relative to it, or to REGISTRY_CWD. A
   * long-lived process (`watching`) keeps each file's check, to re-check only what changes; a
   * build, which loads once, does not hold on to them. */
  load(root: string, base: string, watching = false): Registry {
    const displayRoot = relative(callerDir(process.env, root), this.config.bipsDir).split(sep).join('/') || '.';
    const cache = watching ? this.#checks : undefined;
    this.#registry = loadRegistry(this.config, { displayRoot, base, setup: this.setup, ...(cache ? { cache } : {}) });
    this.#derived.clear();
    this.linkedFiles.clear();
    this.#loads++;
    return this.#registry;
  }

  /** How many times the registry was loaded (once per build; once per change in dev). */
  get loads(): number {
    return this.#loads;
  }

  /** The loaded registry. Pages and post-build jobs run after the content loader, which loads it. */
  get registry(): Registry {
    if (!this.#registry) throw new Error('the registry has not been loaded yet (the content loader loads it)');
    return this.#registry;
  }

  get loaded(): boolean {
    return this.#registry !== undefined;
  }

  /** Where the loader keeps rendered markdown bodies (set by the loader; pages read it). */
  bodies: BodyCache | undefined;

  /** Registry files each stored entry's rendered body links to, by entry id (see the loader). */
  readonly linkedFiles = new Map<string, readonly string[]>();

  /** A value derived from the loaded registry, computed once per load (the changes of a preview,
   * the list of social cards). */
  derive<T>(key: string, compute: () => T): T {
    if (!this.#derived.has(key)) this.#derived.set(key, compute());
    return this.#derived.get(key) as T;
  }

  /** A derived value if something computed it already. */
  peek<T>(key: string): T | undefined {
    return this.#derived.get(key) as T | undefined;
  }
}

type Holder = { [KEY]?: BuildState };

/** A fresh state for this process (the integration calls it as Astro loads its config). */
export function openBuildState(root = process.cwd(), env: Record<string, string | undefined> = process.env): BuildState {
  const state = new BuildState(registrySetup(loadRegistryConfig(root, env)));
  (globalThis as Holder)[KEY] = state;
  return state;
}

/** The state of this process, opened on first use. */
export function buildState(): BuildState {
  return (globalThis as Holder)[KEY] ?? openBuildState();
}
