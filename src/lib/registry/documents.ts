/**
 * One registry file → a checked document: a BIP (header, normalized record, MDX check) or a
 * companion document (title and body). Every failure is a located diagnostic, never a throw.
 */
import { readFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { createHash } from 'node:crypto';
import { checkBip } from '../bip/check.ts';
import { checkMdx } from '../bip/mdx.ts';
import { wikiProblems } from '../render/wiki.ts';
import { parseHeader } from '../bip/header.ts';
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';
import type { BipData } from '../bip/schema.ts';
import type { ParsedHeader } from '../bip/header.ts';
import type { RegistrySetup } from './rules.ts';
import type { ReviewReport } from '../reviews/report.ts';
import type { BipFile } from './discover.ts';

export type SourceFormat = 'md' | 'mdx' | 'mediawiki';

export interface LoadedCompanion {
  slug: string;
  title: string;
  relPath: string;
  path: string;
  format: SourceFormat;
  body: string;
  digest: string;
  /** The review report it is, if it is one (read once, where the registry is loaded). */
  review?: ReviewReport;
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
  /** Files of its own folder (images, data, code), relative to the registry. */
  files: string[];
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const FORMATS: Readonly<Record<string, SourceFormat>> = { '.mdx': 'mdx', '.mediawiki': 'mediawiki', '.wiki': 'mediawiki' };
export const formatOf = (path: string): SourceFormat => FORMATS[extname(path).toLowerCase()] ?? 'md';

/** `.MDX` and other spellings the MDX compiler does not read. */
function extensionProblem(path: string, file: string): Diagnostic[] {
  const ext = extname(path);
  if (ext.toLowerCase() !== '.mdx' || ext === '.mdx') return [];
  return [
    diagnostic(
      file,
      undefined,
      'error',
      'registry/extension',
      'rename the file to end in ".mdx": the MDX compiler reads lower-case .mdx files only',
    ),
  ];
}

export interface ReadBip {
  bip?: LoadedBip;
  /** The parsed header, for locating later cross-file problems (a duplicate number). */
  header?: ParsedHeader;
  diagnostics: Diagnostic[];
  /** Taken from the cache: the text had not changed since it was checked. */
  cached?: boolean;
}

/** Earlier results by file path, kept by a long-lived process (the dev server) so that a change
 * re-checks only the files whose text changed. */
export type CheckCache = Map<string, { digest: string; read: ReadBip }>;

/** Reads and checks one BIP file; `file` is its path as messages show it. */
export function readBip(found: BipFile, file: string, setup: RegistrySetup, cache?: CheckCache): ReadBip {
  let text: string;
  try {
    text = readFileSync(found.path, 'utf8');
  } catch (e) {
    return {
      diagnostics: [
        diagnostic(file, undefined, 'error', 'registry/unreadable', `the file cannot be read: ${(e as Error).message}`),
      ],
    };
  }
  const wrongExtension = extensionProblem(found.path, file);
  if (wrongExtension.length > 0) return { diagnostics: wrongExtension };
  const digest = hashText(text);
  const earlier = cache?.get(found.path);
  if (earlier && earlier.digest === digest) {
    // A fresh copy: the registry fills in the companions of each load.
    const { bip } = earlier.read;
    return { ...earlier.read, ...(bip ? { bip: { ...bip, companions: [] } } : {}), cached: true };
  }
  const read = guarded(file, () => checkText(text, digest, found, file, setup));
  // MDX bodies are checked against the images they import, which can change on their own.
  if (cache && formatOf(found.path) !== 'mdx') cache.set(found.path, { digest, read });
  return read;
}

function checkText(text: string, digest: string, found: BipFile, file: string, setup: RegistrySetup): ReadBip {
  const src = { file, fileName: found.fileName, ...(found.folderName ? { folderName: found.folderName } : {}) };
  const checked = checkBip(text, src, setup.rules, setup.schema);
  const diagnostics = [...checked.diagnostics];
  const format = formatOf(found.path);
  if (format === 'mdx' && setup.config.mdx === 'compile') {
    const block = checked.header.block;
    const problems = checkMdx(
      checked.header.body,
      file,
      dirname(found.path),
      block && { placement: block.placement, start: block.start },
    );
    diagnostics.push(...problems);
    if (problems.length > 0) return { header: checked.header, diagnostics };
  }
  if (format === 'mediawiki') {
    const problems = wikiProblems(checked.header.body, file);
    diagnostics.push(...problems);
    if (problems.some((d) => d.severity === 'error')) return { header: checked.header, diagnostics };
  }
  if (!checked.data) return { header: checked.header, diagnostics };
  return {
    header: checked.header,
    diagnostics,
    bip: {
      data: checked.data,
      relPath: found.relPath,
      path: found.path,
      format,
      body: checked.header.body,
      digest,
      companions: [],
      files: [],
    },
  };
}

/** The first `=Title=` or `==Title==` line of a MediaWiki document. */
function wikiTitle(text: string): { text: string } | undefined {
  for (const line of text.split('\n', 400)) {
    const t = line.trim();
    if (t.startsWith('=') && t.endsWith('=') && t.length > 2) {
      const inner = t.replace(/^=+/, '').replace(/=+$/, '').trim();
      if (inner) return { text: inner };
    }
  }
  return undefined;
}

/** A check that throws (a bug of the generator, or input no step foresaw) is a located problem of
 * that file; the rest of the registry is still read. */
function guarded<T extends { diagnostics: Diagnostic[] }>(file: string, run: () => T): T | { diagnostics: Diagnostic[] } {
  try {
    return run();
  } catch (e) {
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      diagnostics: [
        diagnostic(file, undefined, 'error', 'internal', `the generator failed on this file (${reason}); please report it`),
      ],
    };
  }
}

/** Reads one companion document: its title from its H1, else from its name. */
export function readCompanion(
  path: string,
  relPath: string,
  slug: string,
  file: string,
  setup: RegistrySetup,
): { companion?: LoadedCompanion; diagnostics: Diagnostic[] } {
  return guarded(file, () => companionOf(path, relPath, slug, file, setup));
}

function companionOf(
  path: string,
  relPath: string,
  slug: string,
  file: string,
  setup: RegistrySetup,
): { companion?: LoadedCompanion; diagnostics: Diagnostic[] } {
  const wrongExtension = extensionProblem(path, file);
  if (wrongExtension.length > 0) return { diagnostics: wrongExtension };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // An unreadable companion is published empty rather than failing its BIP.
  }
  const header = parseHeader(text, { isHeaderKey: () => false });
  const fallback = slug.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const h1 = header.h1 ?? (formatOf(path) === 'mediawiki' ? wikiTitle(text) : undefined);
  const title = (h1 ? setup.rules.profile.numbering.titleFromH1(h1.text) || h1.text : fallback).replace(/`([^`]*)`/g, '$1');
  const companion = { slug, title, relPath, path, format: formatOf(path), body: header.body, digest: hashText(text) };
  const problems =
    companion.format === 'mdx' && setup.config.mdx === 'compile'
      ? checkMdx(companion.body, file, dirname(path))
      : companion.format === 'mediawiki'
        ? wikiProblems(companion.body, file).filter((d) => d.severity === 'error')
        : [];
  return problems.length > 0 ? { diagnostics: problems } : { companion, diagnostics: [] };
}
