/**
 * The content-layer loader of the `bips` collection: registry → checked BIPs → store. It renders
 * each markdown body once (sanitized) and skips files whose text and data did not change; MDX
 * bodies are compiled by @astrojs/mdx when a page renders them. Problems fail the build, all at once.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  existsIn,
  hashText,
  loadRegistry,
  publishedDocuments,
  type LoadedBip,
  type LoadedCompanion,
  type Registry,
} from '../lib/registry/load.ts';
import { loadRules } from '../lib/registry/load.ts';
import type { RegistryConfig } from '../lib/config.ts';
import { countBySeverity, formatReport } from '../lib/bip/diagnostics.ts';
import { sanitizeBody } from '../lib/render/sanitize.ts';
import { addHeadingAnchors } from '../lib/render/anchors.ts';
import { makeLinkTargets, rewriteLinks, unmarkImages, type LinkTargets } from '../lib/render/links.ts';
import { makeUrls } from '../lib/urls.ts';
import { summarize } from '../lib/bip/summary.ts';
import { bipEntryId, companionEntryId, entrySchema } from './entries.ts';

/** Bump when rendering changes, so cached entries are rendered again. */
const RENDER_VERSION = '3';

type Source = LoadedBip | LoadedCompanion;

async function render(ctx: LoaderContext, src: Source, links: LinkTargets, mdx: RegistryConfig['mdx']) {
  if (src.format === 'mdx' && mdx === 'compile') return undefined;
  const rendered = await ctx.renderMarkdown(src.body);
  const headings = (rendered.metadata?.headings ?? []).filter((h) => h.slug !== 'footnote-label');
  const html = addHeadingAnchors(rewriteLinks(sanitizeBody(unmarkImages(rendered.html)), src.relPath, links));
  return { html, metadata: { ...rendered.metadata, headings } };
}

/** Where each registry file is published, for rewriting links between them. */
function linkTargets(
  registry: Registry,
  base: string,
  sourceUrl: string | undefined,
  bipsDir: string,
): LinkTargets & { key: string } {
  const urls = makeUrls(base);
  const targets = makeLinkTargets(publishedDocuments(registry.bips, urls), registry.assets, urls, sourceUrl, existsIn(bipsDir));
  return { ...targets, key: hashText([...targets.pages, ...targets.files].sort().join('\n')) };
}

async function put(
  ctx: LoaderContext,
  root: string,
  id: string,
  data: Record<string, unknown>,
  src: Source,
  links: LinkTargets & { key: string },
  mdx: RegistryConfig['mdx'],
) {
  // The digest covers everything the stored entry depends on: the file, its data, where the
  // files it may link to are published (this moves with the base path), and the rendering code.
  const digest = ctx.generateDigest({
    raw: src.digest,
    path: src.path,
    data: JSON.stringify(data),
    base: ctx.config.base,
    source: links.sourceUrl ?? '',
    links: links.key,
    mdx,
    v: RENDER_VERSION,
  });
  if (ctx.store.get(id)?.digest === digest) return;
  const parsed = await ctx.parseData({ id, data });
  const filePath = relative(root, src.path).split(sep).join('/');
  const rendered = await render(ctx, src, links, mdx);
  ctx.store.set({
    id,
    data: parsed,
    body: src.body,
    filePath,
    digest,
    ...(rendered ? { rendered } : { deferredRender: true }),
  });
}

/** A registry problem is the author's to fix, not a crash: no stack trace under the list. */
function userError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}

function report(ctx: LoaderContext, registry: Registry, companions: number): void {
  for (const s of registry.skipped) ctx.logger.info(`left out ${s.relPath}: ${s.reason}`);
  const { errors, warnings } = countBySeverity(registry.diagnostics);
  const failed = new Set(registry.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  ctx.logger.info(
    `${registry.bipFiles} BIP files: ${registry.bips.length} published, ${failed} with errors; ` +
      `${companions} companion documents; ${registry.skipped.length} files left out`,
  );
  if (errors > 0) {
    const message = `BIP registry has ${errors} error${errors === 1 ? '' : 's'}:\n${formatReport(registry.diagnostics)}`;
    // The dev server keeps serving the BIPs that are fine; a build must not publish a broken registry.
    if (ctx.watcher) ctx.logger.error(message);
    else throw userError(message);
  } else if (warnings > 0) {
    ctx.logger.warn(formatReport(registry.diagnostics));
  }
}

/** Dev-server watchers this loader already listens to (the loader may run several times). */
const watching = new WeakSet<object>();

export function bipLoader(config: RegistryConfig): Loader & { schema: ReturnType<typeof entrySchema> } {
  const rules = loadRules(config);
  const load = async (ctx: LoaderContext) => {
    const root = fileURLToPath(ctx.config.root);
    const registry = loadRegistry(config, relative(root, config.bipsDir).split(sep).join('/') || '.');
    const links = linkTargets(registry, ctx.config.base, config.sourceUrl, config.bipsDir);
    const seen = new Set<string>();
    let companions = 0;
    for (const bip of registry.bips) {
      const n = bip.data.bip;
      const refs = bip.companions.map((c) => ({ slug: c.slug, title: c.title }));
      const summary = summarize(bip.body, bip.format);
      const data = {
        ...bip.data,
        kind: 'bip',
        relPath: bip.relPath,
        format: bip.format,
        companions: refs,
        ...(summary ? { summary } : {}),
      };
      seen.add(bipEntryId(n));
      await put(ctx, root, bipEntryId(n), data, bip, links, config.mdx);
      for (const c of bip.companions) {
        const id = companionEntryId(n, c.slug);
        seen.add(id);
        companions++;
        const about = summarize(c.body, c.format);
        const companion = {
          kind: 'companion',
          bip: n,
          slug: c.slug,
          title: c.title,
          relPath: c.relPath,
          format: c.format,
          ...(about ? { summary: about } : {}),
        };
        await put(ctx, root, id, companion, c, links, config.mdx);
      }
    }
    for (const id of ctx.store.keys()) if (!seen.has(id)) ctx.store.delete(id);
    report(ctx, registry, companions);
  };
  return {
    name: 'bip-loader',
    schema: entrySchema(rules),
    load: async (ctx) => {
      await load(ctx);
      if (!ctx.watcher || watching.has(ctx.watcher)) return;
      watching.add(ctx.watcher);
      ctx.watcher.add(config.bipsDir);
      // One reload for a burst of changes (a branch switch touches many files at once).
      let timer: ReturnType<typeof setTimeout> | undefined;
      ctx.watcher.on('all', (_event, path) => {
        if (!path.startsWith(config.bipsDir)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void load(ctx).catch((e: unknown) => ctx.logger.error(String(e))), 100);
      });
    },
  };
}
