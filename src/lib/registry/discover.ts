/**
 * Walks a registry folder and decides what each file is: a BIP, a companion document of a BIP, or
 * something left out (with the reason, which the build prints). Reads no file but to look for a
 * header in root files whose name carries no number.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep, extname, basename } from 'node:path';
import { numberFromH1, numberFromName } from '../bip/number.ts';
import { canonicalFieldName, isKnownField } from '../bip/constants.ts';
import { parseHeader } from '../bip/header.ts';
import { isHeaderKey } from '../bip/check.ts';
import { slugify } from '../bip/slug.ts';
import { isPublishable } from './assets.ts';
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';

export interface CompanionFile {
  path: string;
  /** Path relative to the registry folder, with `/`. */
  relPath: string;
  /** URL segment under the BIP: `REVIEW_REPORT.md` → `review-report`. */
  slug: string;
}

export interface BipFile {
  path: string;
  relPath: string;
  fileName: string;
  folderName?: string;
  companions: CompanionFile[];
}

export interface SkippedFile {
  relPath: string;
  reason: string;
}

export interface Discovery {
  bips: BipFile[];
  skipped: SkippedFile[];
  /** Other files (images, data, PDFs), relative to the registry: published when a page links them. */
  assets: string[];
  diagnostics: Diagnostic[];
}

const MARKDOWN = new Set(['.md', '.markdown', '.mdx']);
const TEMPLATE_NAMES = /^templates?$/i;
/** Suffixes that name a companion, not the BIP, in a folder: `BIP-05-implementation-plan.md`. */
const COMPANION_SUFFIX = /(plan|review|report|summary|changelog|notes|readme|response|evidence|architecture|workflow|faq)/i;

const isMarkdown = (name: string) => MARKDOWN.has(extname(name).toLowerCase());
const stem = (name: string) => basename(name, extname(name));
const toPosix = (p: string) => p.split(sep).join('/');

/** Files under a folder; symbolic links are not followed (they could point outside the registry). */
function listFiles(dir: string, skipped: SkippedFile[], root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isSymbolicLink())
      skipped.push({ relPath: toPosix(relative(root, full)), reason: 'a symbolic link (not followed)' });
    else if (entry.isDirectory()) out.push(...listFiles(full, skipped, root));
    else out.push(full);
  }
  return out.sort();
}

/** Whether a file whose name carries no number is a BIP all the same: its header names the BIP
 * field or at least two other header fields, or its title is `BIP-<n>: …`. */
function looksLikeBip(path: string): boolean {
  const header = parseHeader(readText(path), { isHeaderKey });
  if (header.h1 && numberFromH1(header.h1.text) !== undefined) return true;
  const names = new Set(header.block?.fields.map((f) => canonicalFieldName(f.name)) ?? []);
  return names.has('bip') || [...names].filter(isKnownField).length >= 2;
}

/** File text, or empty for a file that cannot be read (the loader reports it when it reads it). */
function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function companionSlug(rel: string, folderNumber: number, taken: Set<string>): string {
  const parts = rel.split('/');
  const last = stem(parts.pop()!).replace(/^bip[-_\s]?0*\d+[-_\s]*/i, '');
  let slug = slugify([...parts, last || 'document'].join('-'));
  if (slug === String(folderNumber)) slug = 'document';
  let unique = slug;
  for (let i = 2; taken.has(unique); i++) unique = `${slug}-${i}`;
  taken.add(unique);
  return unique;
}

/** A non-markdown file: published when a page links to it and it is safe to serve. */
function addAsset(root: string, full: string, result: Discovery): void {
  const rel = toPosix(relative(root, full));
  if (isPublishable(rel, full)) result.assets.push(rel);
  else
    result.skipped.push({
      relPath: rel,
      reason: 'not published: only images, PDFs, text and inert SVGs are served from the site',
    });
}

/** Picks the BIP document of a folder: the file named after the folder's number. */
function pickMainDocument(dir: string, folderNumber: number, markdown: string[]): string | string[] {
  const candidates = markdown.filter((p) => !p.includes(sep, dir.length + 1) && numberFromName(basename(p)) === folderNumber);
  const exact = candidates.filter((p) => /^bip[-_\s]?\d+$/i.test(stem(p)));
  if (exact.length === 1) return exact[0]!;
  const plain = candidates.filter((p) => !COMPANION_SUFFIX.test(stem(p).replace(/^bip[-_\s]?\d+/i, '')));
  if (plain.length === 1) return plain[0]!;
  const withHeader = (plain.length ? plain : candidates).filter(looksLikeBip);
  if (withHeader.length === 1) return withHeader[0]!;
  return plain.length ? plain : candidates;
}

function discoverFolder(root: string, dir: string, result: Discovery): void {
  const rel = toPosix(relative(root, dir));
  const folderName = basename(dir);
  const folderNumber = numberFromName(folderName)!;
  const files = listFiles(dir, result.skipped, root);
  const markdown = files.filter(isMarkdown);
  const main = pickMainDocument(dir, folderNumber, markdown);
  if (Array.isArray(main)) {
    const message =
      main.length === 0
        ? `folder ${folderName} has no document named after its number (expected e.g. ${folderName}.md)`
        : `folder ${folderName} has several documents that could be the BIP: ${main.map((p) => basename(p)).join(', ')}; name the BIP ${folderName}.md`;
    const rule = main.length === 0 ? 'registry/no-main-document' : 'registry/ambiguous-main-document';
    result.diagnostics.push(diagnostic(rel, undefined, 'error', rule, message));
    return;
  }
  const taken = new Set<string>();
  for (const p of markdown) {
    const n = numberFromName(basename(p));
    if (p !== main && n !== undefined && n !== folderNumber) {
      result.diagnostics.push(
        diagnostic(
          toPosix(relative(root, p)),
          undefined,
          'warning',
          'registry/foreign-number',
          `this file is named after BIP ${n} but sits in the folder of BIP ${folderNumber}; it is published as a companion document of BIP ${folderNumber}`,
        ),
      );
    }
  }
  const companions = markdown
    .filter((p) => p !== main)
    .map((p) => {
      const relPath = toPosix(relative(root, p));
      return { path: p, relPath, slug: companionSlug(toPosix(relative(dir, p)), folderNumber, taken) };
    });
  for (const f of files) if (!isMarkdown(f)) addAsset(root, f, result);
  result.bips.push({ path: main, relPath: toPosix(relative(root, main)), fileName: basename(main), folderName, companions });
}

/** Root files and plain folders (`drafts/`, `accepted/`) are read alike: numbered folders are
 * BIP folders, numbered or header-carrying markdown files are BIPs, the rest is left out. */
function discoverIn(root: string, dir: string, result: Discovery): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    const rel = toPosix(relative(root, full));
    if (entry.isSymbolicLink()) {
      result.skipped.push({ relPath: rel, reason: 'a symbolic link (not followed)' });
    } else if (entry.isDirectory()) {
      if (TEMPLATE_NAMES.test(entry.name)) result.skipped.push({ relPath: `${rel}/`, reason: 'templates folder' });
      else if (numberFromName(entry.name) !== undefined) discoverFolder(root, full, result);
      else discoverIn(root, full, result);
    } else if (!isMarkdown(entry.name)) {
      addAsset(root, full, result);
    } else if (/^template$/i.test(stem(entry.name))) {
      result.skipped.push({ relPath: rel, reason: 'the BIP template' });
    } else if (numberFromName(entry.name) !== undefined || looksLikeBip(full)) {
      result.bips.push({ path: full, relPath: rel, fileName: entry.name, companions: [] });
    } else {
      result.skipped.push({ relPath: rel, reason: 'no BIP number in its name and no BIP header (a registry document)' });
    }
  }
}

export function discoverRegistry(root: string): Discovery {
  const result: Discovery = { bips: [], skipped: [], assets: [], diagnostics: [] };
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    result.diagnostics.push(diagnostic('.', undefined, 'error', 'registry/not-found', `the BIP folder "${root}" does not exist`));
    return result;
  }
  discoverIn(root, root, result);
  return result;
}

/** The numbers the BIP files' and folders' names claim, whether or not the files load. */
export function namedNumbers(discovery: Pick<Discovery, 'bips'>): number[] {
  return discovery.bips
    .flatMap((f) => [numberFromName(f.fileName), f.folderName ? numberFromName(f.folderName) : undefined])
    .filter((n): n is number => n !== undefined);
}
