/**
 * The whole registry folder → every BIP checked, its companion documents, what was left out,
 * what the site publishes and every problem. Pure Node: the build (through the build state), the
 * lint command and the tests all start here. The steps live in their own modules: discover.ts
 * (which file is what), documents.ts (one file → a checked document), published.ts (URLs and
 * link targets), check-links.ts and content-checks.ts (checks across files).
 */
import { posix } from 'node:path';
import { checkLinks } from './check-links.ts';
import { placeholderProblems, referenceProblems, sectionProblems } from './content-checks.ts';
import { readBip, readCompanion, type CheckCache, type LoadedBip } from './documents.ts';
import { publish, type Published } from './published.ts';
import { registrySetup, type RegistrySetup } from './rules.ts';
import { canonicalFieldName } from '../bip/constants.ts';
import type { Diagnostic } from '../bip/diagnostics.ts';
import type { RegistryConfig } from '../config.ts';
import type { ParsedHeader } from '../bip/header.ts';
import type { Profile } from '../profile/profile.ts';
import { discoverRegistry, namedNumbers, type BipFile, type SkippedFile } from './discover.ts';
import { settleClaims, type Claim } from './duplicates.ts';
import { readReviewReport } from '../reviews/report.ts';
import { reviewProblems } from '../reviews/problems.ts';
import { urlProblems } from './url-check.ts';

export { hashText, type LoadedBip, type LoadedCompanion, type SourceFormat } from './documents.ts';
export { existsIn } from './published.ts';
export { loadRules, TemplateError } from './rules.ts';

export interface Registry extends Published {
  bips: LoadedBip[];
  skipped: SkippedFile[];
  /** Non-markdown files of the registry, relative to it. */
  assets: string[];
  diagnostics: Diagnostic[];
  /** How many BIP files were found (pages + files that failed). */
  bipFiles: number;
  /** The BIP files (and BIP folders) that failed their checks, with the number they claim when
   * their name or header states one: what the dev server explains at that number's address. */
  failed: FailedFile[];
  /** Every BIP number in use: published, or claimed by the name of a file that failed. */
  numbers: ReadonlySet<number>;
  /** BIP files whose text was checked by this load (the others came from the cache). */
  checked: number;
}

export interface FailedFile {
  /** Path as messages show it (the `file` of its diagnostics). */
  file: string;
  number?: number;
}

export interface LoadOptions {
  /** Prefixes paths in messages so they can be opened from the working directory. */
  displayRoot?: string;
  /** The base path the site is built under (`/` unless given). */
  base?: string;
  /** The rules and schema, when the caller has them already. */
  setup?: RegistrySetup;
  /** Check results of an earlier load, reused for files whose text has not changed. */
  cache?: CheckCache;
}

/** The number a file that failed claims: from its name or its folder's, else its number field. */
function numberOf(file: BipFile, header: ParsedHeader | undefined, profile: Profile): { number?: number } {
  const { fromName, parse } = profile.numbering;
  const field = header?.block?.fields.find((f) => canonicalFieldName(f.name, profile.fieldAliases) === 'bip');
  const number =
    fromName(file.fileName) ?? (file.folderName ? fromName(file.folderName) : undefined) ?? (field && parse(field.value));
  return number === undefined ? {} : { number };
}

function displayPath(displayRoot: string | undefined) {
  return (rel: string) => {
    if (!displayRoot || displayRoot === '.') return rel;
    // Normalized: an assets folder beside the proposals' (`EIPS` + `../assets`) is `assets`.
    return rel === '.' ? displayRoot : posix.normalize(`${displayRoot.replace(/\/$/, '')}/${rel}`);
  };
}

/** Relative links in every published document that lead nowhere on the site. */
function linkProblems(bips: readonly LoadedBip[], published: Published, compileMdx: boolean, show: (rel: string) => string) {
  const pageUrls = new Set(published.documents.map((d) => d.url));
  const urlOf = new Map(published.documents.map((d) => [d.relPath, d.url]));
  return bips.flatMap((b) =>
    [b, ...b.companions].flatMap((d) =>
      checkLinks(d.body, d.relPath, show(d.relPath), published.links, d.format === 'mdx' && compileMdx, {
        url: urlOf.get(d.relPath)!,
        urls: pageUrls,
      }),
    ),
  );
}

export function loadRegistry(config: RegistryConfig, options: LoadOptions | string = {}): Registry {
  const opts = typeof options === 'string' ? { displayRoot: options } : options;
  const setup = opts.setup ?? registrySetup(config);
  const show = displayPath(opts.displayRoot);
  const found = discoverRegistry(config.bipsDir, config.profile);
  const diagnostics = found.diagnostics.map((d) => ({ ...d, file: show(d.file) }));
  const failed: FailedFile[] = found.diagnostics
    .filter((d) => d.rule.endsWith('main-document'))
    .map((d) => ({ file: show(d.file), number: config.profile.numbering.fromName(posix.basename(d.file))! }));
  // Every file that reads as a proposal, by number; when two claim one, the newcomer is blamed
  // (duplicates.ts), whichever of them was found first.
  const claims = new Map<number, { file: BipFile; bip: LoadedBip; claim: Claim }[]>();
  let checked = 0;
  for (const file of found.bips) {
    const read = readBip(file, show(file.relPath), setup, opts.cache);
    if (!read.cached) checked++;
    diagnostics.push(...read.diagnostics);
    const bip = read.bip;
    if (!bip) {
      failed.push({ file: show(file.relPath), ...numberOf(file, read.header, config.profile) });
      continue;
    }
    const block = read.header?.block;
    const field = block?.fields.find((f) => canonicalFieldName(f.name, config.profile.fieldAliases) === 'bip');
    const at = field ? { line: field.line, column: field.column } : { line: block?.start ?? 1, column: 1 };
    const claim = { relPath: file.relPath, shown: show(file.relPath), created: bip.data.created, at };
    const same = claims.get(bip.data.bip);
    if (same) same.push({ file, bip, claim });
    else claims.set(bip.data.bip, [{ file, bip, claim }]);
  }
  const byNumber = new Map<number, LoadedBip>();
  for (const [n, all] of claims) {
    const settled = settleClaims(
      all.map((c) => c.claim),
      n,
      config.profile,
    );
    diagnostics.push(...settled.diagnostics);
    const { file, bip } = all.find((c) => c.claim === settled.original)!;
    for (const c of file.companions) {
      const read = readCompanion(c.path, c.relPath, c.slug, show(c.relPath), setup);
      diagnostics.push(...read.diagnostics);
      if (read.companion) bip.companions.push(read.companion);
    }
    bip.files = file.files;
    byNumber.set(n, bip);
  }
  if (opts.cache) {
    const present = new Set(found.bips.map((f) => f.path));
    for (const path of opts.cache.keys()) if (!present.has(path)) opts.cache.delete(path);
  }
  const bips = [...byNumber.values()].sort((a, b) => a.data.bip - b.data.bip);
  const published = publish(bips, found.assets, {
    base: opts.base ?? '/',
    sourceUrl: config.sourceUrl,
    bipsDir: config.bipsDir,
    profile: config.profile,
  });
  diagnostics.push(...linkProblems(bips, published, config.mdx === 'compile', show));
  // Numbers in use, including BIPs that failed their checks: a reference to one is not unknown.
  const known = new Set([...bips.map((b) => b.data.bip), ...namedNumbers(found, config.profile)]);
  for (const b of bips) {
    diagnostics.push(
      ...sectionProblems(b.body, setup.rules.template.requiredSections, show(b.relPath)),
      ...placeholderProblems(b.body, setup.rules.template, show(b.relPath)),
      ...referenceProblems(b.body, b.data.bip, known, show(b.relPath), config.profile),
    );
    for (const c of b.companions) {
      const report = readReviewReport({ relPath: c.relPath, title: c.title, body: c.body }, config.profile.reviews);
      if (!report) continue;
      c.review = report;
      diagnostics.push(...reviewProblems(report, show(c.relPath)));
    }
  }
  diagnostics.push(...urlProblems(config, bips, opts.base ?? '/'));
  return {
    ...published,
    bips,
    skipped: found.skipped,
    assets: found.assets,
    diagnostics,
    bipFiles: found.bips.length + found.diagnostics.filter((d) => d.rule.endsWith('main-document')).length,
    failed,
    numbers: known,
    checked,
  };
}
