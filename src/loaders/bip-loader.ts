/**
 * The content-layer loader of the `bips` collection: the build state's registry → store. Each
 * entry's data is the record the registry already checked against the schema (it is not
 * validated a second time). Each markdown body is rendered once, sanitized and its links
 * resolved, into the body cache (lib/render/body-cache.ts) rather than the store, so the store
 * stays small; an entry whose inputs did not change keeps its store entry and its cached body.
 * MDX bodies are compiled by @astrojs/mdx when a page renders them. Problems fail the build, all
 * at once.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { LoadedBip, LoadedCompanion, Registry } from '../lib/registry/load.ts';
import type { BuildState } from '../lib/registry/state.ts';
import type { LinkTargets } from '../lib/render/links.ts';
import { countBySeverity, formatReport } from '../lib/bip/diagnostics.ts';
import { renderBody } from '../lib/render/body.ts';
import { renderWiki as renderMediaWiki } from '../lib/render/wiki.ts';
import { BodyCache } from '../lib/render/body-cache.ts';

/** The body cache's folder under Astro's cache folder. */
const BODY_CACHE = 'bip-registry/bodies';
import { summarize } from '../lib/bip/summary.ts';
import { bipEntryId, companionEntryId, entrySchema, type EntryData } from './entries.ts';

/** Bump when rendering changes, so cached entries are rendered again. */
const RENDER_VERSION = '6';

type Source = LoadedBip | LoadedCompanion;

/** The parts of Astro's loader context this loader uses (a test can hand it a fake). */
export type StoreContext = Pick<LoaderContext, 'store' | 'logger' | 'generateDigest' | 'renderMarkdown' | 'watcher'> & {
  config: Pick<LoaderContext['config'], 'root' | 'base' | 'cacheDir'>;
};

async function put(
  ctx: StoreContext,
  bodies: BodyCache,
  root: string,
  id: string,
  data: EntryData,
  src: Source,
  links: LinkTargets & { key: string },
  compileMdx: boolean,
): Promise<{ stored: boolean; digest: string }> {
  // The digest covers everything the stored entry depends on: the file, its data, where the
  // files it may link to are published (this moves with the base path), and the rendering code.
  const digest = ctx.generateDigest({
    raw: src.digest,
    path: src.path,
    data: JSON.stringify(data),
    base: ctx.config.base,
    source: links.sourceUrl ?? '',
    links: links.key,
    mdx: compileMdx,
    v: RENDER_VERSION,
  });
  const mdx = src.format === 'mdx' && compileMdx;
  if (ctx.store.get(id)?.digest === digest && (mdx || bodies.has(digest))) return { stored: false, digest };
  const filePath = relative(root, src.path).split(sep).join('/');
  if (mdx) {
    ctx.store.set({ id, data: { ...data }, filePath, digest, deferredRender: true });
    return { stored: true, digest };
  }
  const rendered = src.format === 'mediawiki' ? renderMediaWiki(src.body) : await ctx.renderMarkdown(src.body);
  const headings = (rendered.metadata?.headings ?? []).filter((h) => h.slug !== 'footnote-label');
  const body = renderBody(rendered.html, src.relPath, links);
  bodies.write(digest, { html: body.html, headings });
  ctx.store.set({ id, data: { ...data, files: body.files }, filePath, digest });
  return { stored: true, digest };
}

/** A registry problem is the author's to fix, not a crash: no stack trace under the list. */
function userError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}

function report(ctx: StoreContext, registry: Registry, rendered: number, term: string): void {
  for (const s of registry.skipped) ctx.logger.info(`left out ${s.relPath}: ${s.reason}`);
  const { errors, warnings } = countBySeverity(registry.diagnostics);
  // A proposal file that failed is one that did not publish; a companion document's (or another
  // file's) error is counted apart, not as one more failed proposal.
  const failed = registry.bipFiles - registry.bips.length;
  const errorFiles = new Set(registry.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  const others = Math.max(0, errorFiles - failed);
  const companions = registry.bips.reduce((n, b) => n + b.companions.length, 0);
  ctx.logger.info(
    `${registry.bipFiles} ${term} files: ${registry.bips.length} published, ${failed} with errors; ` +
      `${companions} companion documents; ${others ? `${others} other files with errors; ` : ''}` +
      `${registry.skipped.length} files left out; ${rendered} entries (re)stored`,
  );
  if (errors > 0) {
    const message = `${term} registry has ${errors} error${errors === 1 ? '' : 's'}:\n${formatReport(registry.diagnostics)}`;
    // The dev server keeps serving the BIPs that are fine; a build must not publish a broken registry.
    if (ctx.watcher) ctx.logger.error(message);
    else throw userError(message);
  } else if (warnings > 0) {
    ctx.logger.warn(formatReport(registry.diagnostics));
  }
}

/** The entries of the registry, in store form. */
export function registryEntries(registry: Registry): { id: string; data: EntryData; src: Source }[] {
  return registry.bips.flatMap((bip) => {
    const n = bip.data.bip;
    const summary = summarize(bip.body, bip.format);
    const main = {
      id: bipEntryId(n),
      src: bip,
      data: {
        ...bip.data,
        kind: 'bip' as const,
        relPath: bip.relPath,
        format: bip.format,
        companions: bip.companions.map((c) => ({ slug: c.slug, title: c.title })),
        attachments: bip.files,
        ...(summary ? { summary } : {}),
      },
    };
    const companions = bip.companions.map((c) => {
      const about = summarize(c.body, c.format);
      return {
        id: companionEntryId(n, c.slug),
        src: c,
        data: {
          kind: 'companion' as const,
          bip: n,
          slug: c.slug,
          title: c.title,
          relPath: c.relPath,
          format: c.format,
          ...(about ? { summary: about } : {}),
        },
      };
    });
    return [main, ...companions];
  });
}

/** Loads the registry into the store: new and changed entries are rendered, entries of files
 * that are gone are removed. Returns how many entries were (re)stored. */
export async function syncStore(ctx: StoreContext, state: BuildState): Promise<number> {
  const root = fileURLToPath(ctx.config.root);
  const registry = state.load(root, ctx.config.base, Boolean(ctx.watcher));
  const compileMdx = state.config.mdx === 'compile';
  const bodies = (state.bodies = new BodyCache(join(fileURLToPath(ctx.config.cacheDir), BODY_CACHE)));
  const seen = new Set<string>();
  const digests = new Set<string>();
  let stored = 0;
  for (const entry of registryEntries(registry)) {
    seen.add(entry.id);
    const result = await put(ctx, bodies, root, entry.id, entry.data, entry.src, registry.links, compileMdx);
    digests.add(result.digest);
    if (result.stored) stored++;
    // Rendered now or earlier: the stored entry says which registry files its body links to.
    const files = (ctx.store.get(entry.id)?.data as { files?: string[] } | undefined)?.files;
    if (files?.length) state.linkedFiles.set(entry.id, files);
  }
  for (const id of ctx.store.keys()) if (!seen.has(id)) ctx.store.delete(id);
  bodies.prune(digests);
  report(ctx, registry, stored, state.config.profile.term);
  return stored;
}

/** Dev-server watchers this loader already listens to (the loader may run several times). */
const watching = new WeakSet<object>();

/** The parts of the dev server's file watcher the loader uses. */
export interface Watcher {
  add: (path: string) => unknown;
  on: (event: 'all', listener: (event: string, path: string) => void) => unknown;
}

/** How often a registry folder that went away is looked for again. */
const RETURN_POLL_MS = 500;

/**
 * Keeps a dev server's registry current: one reload for a burst of changes (a branch switch
 * touches many files at once). When the folder itself goes away (moved, or checked out anew) the
 * watcher forgets it; it is looked for until it is back, then watched again and reloaded.
 */
export function watchRegistry(watcher: Watcher, dir: string, reload: () => void, poll = RETURN_POLL_MS): void {
  watcher.add(dir);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let away: ReturnType<typeof setInterval> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, 100);
  };
  watcher.on('all', (event, path) => {
    if (!path.startsWith(dir)) return;
    soon();
    if (event === 'unlinkDir' && path === dir && !away) {
      away = setInterval(() => {
        if (!existsSync(dir)) return;
        clearInterval(away);
        away = undefined;
        watcher.add(dir);
        soon();
      }, poll);
      away.unref?.();
    }
  });
}

export function bipLoader(state: BuildState): Loader & { schema: ReturnType<typeof entrySchema> } {
  return {
    name: 'bip-loader',
    schema: entrySchema(state.setup.schema),
    load: async (ctx) => {
      await syncStore(ctx, state);
      if (!ctx.watcher || watching.has(ctx.watcher)) return;
      watching.add(ctx.watcher);
      watchRegistry(
        ctx.watcher,
        state.config.bipsDir,
        () => void syncStore(ctx, state).catch((e: unknown) => ctx.logger.error(String(e))),
      );
    },
  };
}
