/**
 * The whole registry folder → every BIP checked, its companion documents, what was left out, and
 * every problem. Pure Node: the content loader, the lint command and the tests all start here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { referenceProblems, sectionProblems } from './content-checks.ts';
import { checkBip } from '../bip/check.ts';
import { checkMdx } from '../bip/mdx.ts';
import { makeUrls, type Urls } from '../urls.ts';
import { makeLinkTargets, type PublishedDocument } from '../render/links.ts';
import { checkLinks } from './check-links.ts';
import { canonicalFieldName } from '../bip/constants.ts';
import { readTemplate } from '../bip/template.ts';
import { buildBipSchema, type BipData } from '../bip/schema.ts';
import { parseHeader } from '../bip/header.ts';
import { titleFromH1 } from '../bip/number.ts';
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';
import type { RegistryRules } from '../bip/normalize.ts';
import type { RegistryConfig } from '../config.ts';
import { discoverRegistry, namedNumbers, type SkippedFile } from './discover.ts';

export type SourceFormat = 'md' | 'mdx';

export interface LoadedCompanion {
  slug: string;
  title: string;
  relPath: string;
  path: string;
  format: SourceFormat;
  body: string;
  digest: string;
}

export interface LoadedBip {
  data: BipData;
  relPath: string;
  path: string;
  format: SourceFormat;
  /** Markdown without the header block and the leading H1. */
  body: string;
  /** Hash of the raw file: an unchanged file is not rendered again. */
  digest: string;
  companions: LoadedCompanion[];
}

export interface Registry {
  bips: LoadedBip[];
  skipped: SkippedFile[];
  /** Non-markdown files of the registry, relative to it. */
  assets: string[];
  diagnostics: Diagnostic[];
  /** How many BIP files were found (pages + files that failed). */
  bipFiles: number;
  /** Every BIP number in use: published, or claimed by the name of a file that failed. */
  numbers: ReadonlySet<number>;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const formatOf = (path: string): SourceFormat => (extname(path).toLowerCase() === '.mdx' ? 'mdx' : 'md');

/** The rules a registry is checked against. A broken template is a located error, since every
 * BIP would otherwise be judged by a schema nobody meant. */
export function loadRules(config: Pick<RegistryConfig, 'templatePath' | 'statuses'>): RegistryRules {
  try {
    return { template: readTemplate(readFileSync(config.templatePath, 'utf8')), statuses: config.statuses };
  } catch (e) {
    throw new TemplateError(config.templatePath, (e as Error).message);
  }
}

/** The template cannot serve as the schema; its message is a located diagnostic line. */
export class TemplateError extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`${file}:1:1: error: ${reason} [template/invalid]`);
    this.file = file;
    this.reason = reason;
  }
}

function loadCompanion(path: string, relPath: string, slug: string): LoadedCompanion {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // An unreadable companion is published empty rather than failing its BIP.
  }
  const header = parseHeader(text, { isHeaderKey: () => false });
  const fallback = slug.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const title = (header.h1 ? titleFromH1(header.h1.text) || header.h1.text : fallback).replace(/`([^`]*)`/g, '$1');
  return { slug, title, relPath, path, format: formatOf(path), body: header.body, digest: hashText(text) };
}

/** Whether a path relative to a folder (it may climb above it) names a file or folder on disk. */
export const existsIn = (dir: string) => (relPath: string) => existsSync(resolve(dir, relPath));

/** Every document the site publishes (BIPs and companions) with its URL: what links can reach. */
export function publishedDocuments(bips: readonly LoadedBip[], urls: Urls): PublishedDocument[] {
  return bips.flatMap((b) => [
    { relPath: b.relPath, url: urls.bip(b.data.bip), main: true },
    ...b.companions.map((c) => ({ relPath: c.relPath, url: urls.companion(b.data.bip, c.slug), main: false })),
  ]);
}

/** Relative links in every published document that lead nowhere on the site. */
function linkProblems(
  bips: readonly LoadedBip[],
  assets: readonly string[],
  config: RegistryConfig,
  show: (rel: string) => string,
): Diagnostic[] {
  const urls = makeUrls('/');
  const docs = publishedDocuments(bips, urls);
  const targets = makeLinkTargets(docs, assets, urls, config.sourceUrl, existsIn(config.bipsDir));
  const pageUrls = new Set(docs.map((d) => d.url));
  const urlOf = new Map(docs.map((d) => [d.relPath, d.url]));
  return bips.flatMap((b) =>
    [b, ...b.companions].flatMap((d) =>
      checkLinks(d.body, d.relPath, show(d.relPath), targets, d.format === 'mdx' && config.mdx === 'compile', {
        url: urlOf.get(d.relPath)!,
        urls: pageUrls,
      }),
    ),
  );
}

/** `displayRoot` prefixes paths in messages so they can be opened from the working directory. */
export function loadRegistry(config: RegistryConfig, displayRoot = ''): Registry {
  const rules = loadRules(config);
  const schema = buildBipSchema(rules.template);
  const found = discoverRegistry(config.bipsDir);
  const show = (rel: string) => {
    if (!displayRoot || displayRoot === '.') return rel;
    return rel === '.' ? displayRoot : `${displayRoot.replace(/\/$/, '')}/${rel}`;
  };
  const diagnostics = found.diagnostics.map((d) => ({ ...d, file: show(d.file) }));
  const bips: LoadedBip[] = [];
  const byNumber = new Map<number, LoadedBip>();
  for (const file of found.bips) {
    let text: string;
    try {
      text = readFileSync(file.path, 'utf8');
    } catch (e) {
      diagnostics.push(
        diagnostic(
          show(file.relPath),
          undefined,
          'error',
          'registry/unreadable',
          `the file cannot be read: ${(e as Error).message}`,
        ),
      );
      continue;
    }
    if (extname(file.path).toLowerCase() === '.mdx' && extname(file.path) !== '.mdx') {
      diagnostics.push(
        diagnostic(
          show(file.relPath),
          undefined,
          'error',
          'registry/extension',
          'rename the file to end in ".mdx": the MDX compiler reads lower-case .mdx files only',
        ),
      );
      continue;
    }
    const src = {
      file: show(file.relPath),
      fileName: file.fileName,
      ...(file.folderName ? { folderName: file.folderName } : {}),
    };
    const checked = checkBip(text, src, rules, schema);
    diagnostics.push(...checked.diagnostics);
    if (formatOf(file.path) === 'mdx' && config.mdx === 'compile') {
      const block = checked.header.block;
      const problems = checkMdx(
        checked.header.body,
        src.file,
        dirname(file.path),
        block && { placement: block.placement, start: block.start },
      );
      diagnostics.push(...problems);
      if (problems.length > 0) continue;
    }
    if (!checked.data) continue;
    const earlier = byNumber.get(checked.data.bip);
    if (earlier) {
      const field = checked.header.block?.fields.find((f) => canonicalFieldName(f.name) === 'bip');
      const at = field ?? { line: checked.header.block?.start ?? 1, column: 1 };
      diagnostics.push(
        diagnostic(
          src.file,
          at,
          'error',
          'number/duplicate',
          `BIP ${checked.data.bip} is already defined by ${show(earlier.relPath)}`,
        ),
      );
      continue;
    }
    const bip: LoadedBip = {
      data: checked.data,
      relPath: file.relPath,
      path: file.path,
      format: formatOf(file.path),
      body: checked.header.body,
      digest: hashText(text),
      companions: [],
    };
    for (const c of file.companions) {
      const companion = loadCompanion(c.path, c.relPath, c.slug);
      const ext = extname(c.path);
      const problems =
        ext.toLowerCase() === '.mdx' && ext !== '.mdx'
          ? [
              diagnostic(
                show(c.relPath),
                undefined,
                'error',
                'registry/extension',
                'rename the file to end in ".mdx": the MDX compiler reads lower-case .mdx files only',
              ),
            ]
          : companion.format === 'mdx' && config.mdx === 'compile'
            ? checkMdx(companion.body, show(c.relPath), dirname(c.path))
            : [];
      diagnostics.push(...problems);
      if (problems.length === 0) bip.companions.push(companion);
    }
    byNumber.set(bip.data.bip, bip);
    bips.push(bip);
  }
  bips.sort((a, b) => a.data.bip - b.data.bip);
  diagnostics.push(...linkProblems(bips, found.assets, config, show));
  // Numbers in use, including BIPs that failed their checks: a reference to one is not unknown.
  const known = new Set([...bips.map((b) => b.data.bip), ...namedNumbers(found)]);
  for (const b of bips) {
    diagnostics.push(
      ...sectionProblems(b.body, rules.template.requiredSections, show(b.relPath)),
      ...referenceProblems(b.body, b.data.bip, known, show(b.relPath)),
    );
  }
  return {
    bips,
    skipped: found.skipped,
    assets: found.assets,
    diagnostics,
    bipFiles: found.bips.length + found.diagnostics.filter((d) => d.rule.endsWith('main-document')).length,
    numbers: known,
  };
}
