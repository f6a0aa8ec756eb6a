/**
 * Walks a registry folder and decides what each file is: a BIP, a companion document of a BIP, or
 * something left out (with the reason, which the build prints). Reads no file but to look for a
 * header in root files whose name carries no number.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep, extname, basename, matchesGlob } from 'node:path';
import { canonicalFieldName, isKnownField } from '../bip/constants.ts';
import { parseHeader } from '../bip/header.ts';
import { headerKeyTest } from '../bip/check.ts';
import type { Profile } from '../profile/profile.ts';
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
  /** Files of its own folder (images, test vectors, code), relative to the registry. */
  files: string[];
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

/** Document formats: markdown (and MDX) and MediaWiki. */
const DOCUMENTS = new Set(['.md', '.markdown', '.mdx', '.mediawiki', '.wiki']);
const TEMPLATE_NAMES = /^templates?$/i;
/** Suffixes that name a companion, not the BIP, in a folder: `BIP-05-implementation-plan.md`. */
const COMPANION_SUFFIX = /(plan|review|report|summary|changelog|notes|readme|response|evidence|architecture|workflow|faq)/i;

const isMarkdown = (name: string) => DOCUMENTS.has(extname(name).toLowerCase());
const stem = (name: string) => basename(name, extname(name));
const toPosix = (p: string) => p.split(sep).join('/');

/** A folder's entries, by name; a folder that cannot be read is an error at its path (what it
 * holds is not published), never a crash. */
function entriesOf(dir: string, root: string, result: Pick<Discovery, 'diagnostics'>, ctx: Context): Dirent[] {
  try {
    return ctx.readdir(dir).sort((a, b) => a.name.localeCompare(b.name));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    const rel = toPosix(relative(root, dir)) || '.';
    result.diagnostics.push(
      diagnostic(
        `${rel}/`,
        undefined,
        'error',
        'registry/unreadable',
        `the folder cannot be read (${code}); nothing in it is published`,
      ),
    );
    return [];
  }
}

/** Why an entry is not looked at, or undefined when it is a folder or a regular file to read. A
 * FIFO or device named like a proposal would block a read for ever; a link could point outside. */
function notRead(entry: Dirent): string | undefined {
  if (entry.name.startsWith('.')) return 'a hidden file or folder (its name starts with a dot)';
  if (entry.isSymbolicLink()) return 'a symbolic link (not followed)';
  if (!entry.isDirectory() && !entry.isFile()) return 'not a regular file (a FIFO, socket or device): not read';
  return undefined;
}

/** Files under a folder; symbolic links are not followed (they could point outside the registry). */
function listFiles(dir: string, result: Pick<Discovery, 'skipped' | 'diagnostics'>, root: string, ctx: Context): string[] {
  const out: string[] = [];
  for (const entry of entriesOf(dir, root, result, ctx)) {
    const full = join(dir, entry.name);
    const rel = toPosix(relative(root, full));
    const reason = excluded(rel, ctx) ? EXCLUDED : notRead(entry);
    if (reason) result.skipped.push({ relPath: entry.isDirectory() ? `${rel}/` : rel, reason });
    else if (entry.isDirectory()) out.push(...listFiles(full, result, root, ctx));
    else out.push(full);
  }
  return out.sort();
}

/** What discovery reads from the profile. */
interface Context {
  profile: Profile;
  fromName: (name: string) => number | undefined;
  readdir: (dir: string) => Dirent[];
}

const EXCLUDED = 'excluded by the profile (layout.exclude)';
const excluded = (rel: string, ctx: Context) => ctx.profile.layout.exclude.some((glob) => matchesGlob(rel, glob));

/** Whether a file whose name carries no number is a BIP all the same: its header names the BIP
 * field or at least two other header fields, or its title is `BIP-<n>: …`. */
function looksLikeBip(path: string, { profile }: Context): boolean {
  const header = parseHeader(readText(path), { isHeaderKey: headerKeyTest(profile), keyPrefix: profile.numbering.prefixSource });
  if (header.h1 && profile.numbering.fromH1(header.h1.text) !== undefined) return true;
  const names = new Set(header.block?.fields.map((f) => canonicalFieldName(f.name, profile.fieldAliases)) ?? []);
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

function companionSlug(rel: string, folderNumber: number, taken: Set<string>, ctx: Context): string {
  const parts = rel.split('/');
  const last = ctx.profile.numbering.stripName(stem(parts.pop()!));
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
function pickMainDocument(dir: string, folderNumber: number, markdown: string[], ctx: Context): string | string[] {
  const top = markdown.filter((p) => !p.includes(sep, dir.length + 1));
  const candidates = top.filter((p) => ctx.fromName(basename(p)) === folderNumber);
  const exact = candidates.filter((p) => ctx.profile.numbering.stripName(stem(p)) === '');
  if (exact.length === 1) return exact[0]!;
  const plain = candidates.filter((p) => !COMPANION_SUFFIX.test(ctx.profile.numbering.stripName(stem(p))));
  if (plain.length === 1) return plain[0]!;
  const withHeader = (plain.length ? plain : candidates).filter((p) => looksLikeBip(p, ctx));
  if (withHeader.length === 1) return withHeader[0]!;
  // A registry whose folders hold their document under a fixed name (`CIP-0030/README.md`).
  const named = top.filter((p) => ctx.profile.layout.mainDocuments.some((n) => n.toLowerCase() === stem(p).toLowerCase()));
  if (candidates.length === 0 && named.length === 1) return named[0]!;
  return plain.length ? plain : candidates;
}

function discoverFolder(root: string, dir: string, result: Discovery, ctx: Context): void {
  const rel = toPosix(relative(root, dir));
  const folderName = basename(dir);
  const folderNumber = ctx.fromName(folderName)!;
  const files = listFiles(dir, result, root, ctx);
  const markdown = files.filter(isMarkdown);
  const main = pickMainDocument(dir, folderNumber, markdown, ctx);
  if (Array.isArray(main)) {
    const message =
      main.length === 0
        ? `folder ${folderName} has no document named after its number (expected e.g. ${folderName}.md)`
        : `folder ${folderName} has several documents that could be the ${ctx.profile.term}: ${main.map((p) => basename(p)).join(', ')}; name it ${folderName}.md`;
    const rule = main.length === 0 ? 'registry/no-main-document' : 'registry/ambiguous-main-document';
    result.diagnostics.push(diagnostic(rel, undefined, 'error', rule, message));
    return;
  }
  const taken = new Set<string>();
  for (const p of markdown) {
    const n = ctx.fromName(basename(p));
    if (p !== main && n !== undefined && n !== folderNumber) {
      result.diagnostics.push(
        diagnostic(
          toPosix(relative(root, p)),
          undefined,
          'warning',
          'registry/foreign-number',
          `this file is named after ${ctx.profile.term} ${n} but sits in the folder of ${ctx.profile.term} ${folderNumber}; it is published as a companion document of ${ctx.profile.term} ${folderNumber}`,
        ),
      );
    }
  }
  const companions = markdown
    .filter((p) => p !== main)
    .map((p) => {
      const relPath = toPosix(relative(root, p));
      return { path: p, relPath, slug: companionSlug(toPosix(relative(dir, p)), folderNumber, taken, ctx) };
    });
  const own = files.filter((f) => !isMarkdown(f));
  for (const f of own) addAsset(root, f, result);
  result.bips.push({
    path: main,
    relPath: toPosix(relative(root, main)),
    fileName: basename(main),
    folderName,
    companions,
    files: own.map((f) => toPosix(relative(root, f))),
  });
}

/** Whether a folder holds a document named exactly after its number (`BIP-05/BIP-05.md`): then
 * it is a proposal folder, even beside a file with the same number (a duplicate, reported). */
function hasOwnDocument(dir: string, n: number, ctx: Context): boolean {
  let names: string[];
  try {
    names = ctx.readdir(dir).map((e) => e.name);
  } catch {
    return false; // listing it again reports why it cannot be read
  }
  return names.some((name) => isMarkdown(name) && ctx.fromName(name) === n && ctx.profile.numbering.stripName(stem(name)) === '');
}

/** A folder beside a proposal file with its number (`bip-0003/` next to `bip-0003.md`) holds
 * that proposal's files: its documents become companions, the rest its files. */
function attachFolder(root: string, dir: string, bip: BipFile, result: Discovery, ctx: Context): void {
  const files = listFiles(dir, result, root, ctx);
  const taken = new Set(bip.companions.map((c) => c.slug));
  const number = ctx.fromName(basename(dir))!;
  for (const f of files) {
    const relPath = toPosix(relative(root, f));
    if (isMarkdown(f)) {
      bip.companions.push({ path: f, relPath, slug: companionSlug(toPosix(relative(dir, f)), number, taken, ctx) });
    } else {
      addAsset(root, f, result);
      bip.files.push(relPath);
    }
  }
}

/** Root files and plain folders (`drafts/`, `accepted/`) are read alike: numbered folders are
 * BIP folders, numbered or header-carrying markdown files are BIPs, the rest is left out. */
function discoverIn(root: string, dir: string, result: Discovery, ctx: Context): void {
  const entries = entriesOf(dir, root, result, ctx);
  const term = ctx.profile.term;
  // Files first, so a numbered folder can be matched with the proposal file beside it.
  const byNumber = new Map<number, BipFile>();
  const folders: { full: string; rel: string; name: string }[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const rel = toPosix(relative(root, full));
    const unread = notRead(entry);
    if (excluded(rel, ctx) || (entry.isDirectory() && excluded(`${rel}/`, ctx))) {
      result.skipped.push({ relPath: entry.isDirectory() ? `${rel}/` : rel, reason: EXCLUDED });
    } else if (unread) {
      result.skipped.push({ relPath: entry.isDirectory() ? `${rel}/` : rel, reason: unread });
    } else if (entry.isDirectory()) {
      folders.push({ full, rel, name: entry.name });
    } else if (!isMarkdown(entry.name)) {
      addAsset(root, full, result);
    } else if (/^template$/i.test(stem(entry.name)) || /^[\p{L}]+-template$/iu.test(stem(entry.name))) {
      result.skipped.push({ relPath: rel, reason: `the ${term} template` });
    } else if (ctx.fromName(entry.name) !== undefined || looksLikeBip(full, ctx)) {
      const bip: BipFile = { path: full, relPath: rel, fileName: entry.name, companions: [], files: [] };
      result.bips.push(bip);
      const n = ctx.fromName(entry.name);
      if (n !== undefined && !byNumber.has(n)) byNumber.set(n, bip);
    } else {
      result.skipped.push({
        relPath: rel,
        reason: `no ${term} number in its name and no ${term} header (a registry document)`,
      });
    }
  }
  for (const { full, rel, name } of folders) {
    const n = ctx.fromName(name);
    const beside = n === undefined ? undefined : byNumber.get(n);
    if (TEMPLATE_NAMES.test(name)) result.skipped.push({ relPath: `${rel}/`, reason: 'templates folder' });
    else if (beside && ctx.profile.layout.assetFolders && !hasOwnDocument(full, n!, ctx))
      attachFolder(root, full, beside, result, ctx);
    else if (n !== undefined) discoverFolder(root, full, result, ctx);
    else discoverIn(root, full, result, ctx);
  }
}

/** The files of an assets folder outside the proposals' folder (`../assets/eip-1/`), relative to
 * the registry (`../assets/eip-1/x.png`), each given to the proposal its folder is named after. */
function discoverAssets(root: string, dir: string, result: Discovery, ctx: Context): void {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    const shown = toPosix(relative(root, dir));
    result.diagnostics.push(
      diagnostic(
        shown,
        undefined,
        'warning',
        'registry/no-assets-folder',
        `the assets folder "${shown}" (layout.assetsDir) does not exist`,
      ),
    );
    return;
  }
  const owner = new Map(result.bips.map((b) => [ctx.fromName(b.fileName), b]));
  for (const f of listFiles(dir, result, root, ctx)) {
    addAsset(root, f, result);
    const folder = relative(dir, f).split(sep)[0]!;
    const n = ctx.fromName(folder);
    const bip = n === undefined ? undefined : owner.get(n);
    if (bip) bip.files.push(toPosix(relative(root, f)));
  }
}

/** How discovery lists a folder (a test may hand in its own). */
export type ReadDir = (dir: string) => Dirent[];
const readDir: ReadDir = (dir) => readdirSync(dir, { withFileTypes: true });

export function discoverRegistry(root: string, profile: Profile, readdir: ReadDir = readDir): Discovery {
  const result: Discovery = { bips: [], skipped: [], assets: [], diagnostics: [] };
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    result.diagnostics.push(
      diagnostic('.', undefined, 'error', 'registry/not-found', `the ${profile.term} folder "${root}" does not exist`),
    );
    return result;
  }
  const ctx: Context = { profile, fromName: profile.numbering.fromName, readdir };
  discoverIn(root, root, result, ctx);
  if (profile.layout.assetsDir) discoverAssets(root, profile.layout.assetsDir, result, ctx);
  return result;
}

/** The numbers the proposal files' and folders' names claim, whether or not the files load. */
export function namedNumbers(discovery: Pick<Discovery, 'bips'>, profile: Pick<Profile, 'numbering'>): number[] {
  const { fromName } = profile.numbering;
  return discovery.bips
    .flatMap((f) => [fromName(f.fileName), f.folderName ? fromName(f.folderName) : undefined])
    .filter((n): n is number => n !== undefined);
}
