/**
 * The pure half of `npm run audit:lighthouse`: its options, the page to audit from a build's
 * `bips.json`, and a Lighthouse result read into a table row and the list of what to fix.
 */

export const USAGE =
  'usage: npm run audit:lighthouse -- [--dist <built-site> | --registry <folder>] [--min 0-100] [--reports <folder>]';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'desktop' | 'mobile';

export interface Options {
  /** An already built site to audit. */
  dist?: string;
  /** A registry folder to build and audit (the bundled `bips/` when neither is given). */
  registry?: string;
  /** Where to write each run's full report (HTML and JSON). */
  reports?: string;
  /** The lowest score (0–100) that passes. */
  min: number;
}

const PATH_OPTIONS = { '--dist': 'dist', '--registry': 'registry', '--reports': 'reports' } as const;

/** Splits `--name=value`; anything else is a name whose value is the next argument. */
function splitArg(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

/** Reads `--dist`, `--registry`, `--reports` and `--min`, as `--name value` or `--name=value`. */
export function parseArgs(args: string[]): Options | { error: string } {
  const options: Options = { min: 100 };
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = splitArg(args[i]!);
    if (name !== '--min' && !(name in PATH_OPTIONS)) return { error: `unknown argument ${args[i]}` };
    const value = inline ?? args[++i];
    if (!value) return { error: `${name} needs a value` };
    if (name === '--min') {
      if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 100)
        return { error: `--min must be a number from 0 to 100, not ${value}` };
      options.min = Number(value);
    } else options[PATH_OPTIONS[name as keyof typeof PATH_OPTIONS]] = value;
  }
  if (options.dist && options.registry) return { error: '--dist and --registry cannot be combined' };
  return options;
}

/** A report's file name: `bip-1.mobile`, `index.desktop`. */
export function reportName(page: string, base: string, formFactor: FormFactor): string {
  const slug = page
    .slice(base.length)
    .replace(/\/+$/, '')
    .replace(/[^\w.-]+/g, '-');
  return `${slug || 'index'}.${formFactor}`;
}

export interface Manifest {
  base: string;
  bips: { number: number; url: string }[];
}

/** The site's base and the pages audited on it: the index, the lowest-numbered proposal and search. */
export function pagesToAudit(manifest: Manifest): { base: string; pages: string[] } {
  const first = [...manifest.bips].sort((a, b) => a.number - b.number)[0];
  if (!first) throw new Error('bips.json lists no proposal');
  const base = manifest.base.endsWith('/') ? manifest.base : `${manifest.base}/`;
  return { base, pages: [base, first.url, `${base}search/`] };
}

/** What this module reads of Lighthouse's result (its `Result` type fits it). */
export interface LighthouseResult {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, AuditResult>;
  finalDisplayedUrl?: string;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  environment?: { benchmarkIndex: number };
}

interface AuditResult {
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  explanation?: string;
  errorMessage?: string;
  details?: { type: string; items?: unknown };
}

export interface Failure {
  category: Category;
  id: string;
  title: string;
  weight: number;
  /** 0–1, or null when the audit could not run. */
  score: number | null;
  /** The measured value, Lighthouse's explanation or the audit's error, when there is one. */
  value?: string;
  /** Up to three elements (CSS selectors) or resources (URLs) the audit points at. */
  where: string[];
}

export interface Row {
  page: string;
  formFactor: FormFactor;
  /** 0–100, or null when Lighthouse could not score the category. */
  scores: Record<Category, number | null>;
  /** Cumulative Layout Shift. */
  cls?: number;
  /** Largest Contentful Paint, in milliseconds. */
  lcp?: number;
  failures: Failure[];
  error?: string;
  /** Lighthouse's warnings about the run (a slow host, a redirect…). */
  warnings: string[];
  /** Lighthouse's measure of the host's CPU speed, by which it scales the mobile slowdown's meaning. */
  benchmarkIndex?: number;
}

const score100 = (score: number | null | undefined) => (typeof score === 'number' ? Math.round(score * 100) : null);

/** The selectors or URLs (paths, on the audited origin) of an audit's first few items. */
function whereOf(audit: AuditResult, origin: string): string[] {
  const found: string[] = [];
  const items = audit.details?.items;
  for (const item of Array.isArray(items) ? items : []) {
    const entry = item as { node?: { selector?: string }; url?: unknown; source?: { url?: string } };
    const url = typeof entry.url === 'string' ? entry.url : entry.source?.url;
    const place = entry.node?.selector ?? (origin && url?.startsWith(origin) ? url.slice(origin.length) : url);
    if (place && !found.includes(place)) found.push(place);
    if (found.length === 3) break;
  }
  return found;
}

/** The audits that keep a category below 100: those that failed or could not run, weighted first. */
function failuresOf(lhr: LighthouseResult, category: Category): Failure[] {
  const origin = lhr.finalDisplayedUrl ? new URL(lhr.finalDisplayedUrl).origin : '';
  const failed = (audit: AuditResult | undefined): audit is AuditResult =>
    !!audit && ((audit.score !== null && audit.score < 1) || audit.scoreDisplayMode === 'error');
  return (lhr.categories[category]?.auditRefs ?? [])
    .flatMap((ref) => {
      const audit = lhr.audits[ref.id];
      return failed(audit) ? [{ ref, audit }] : [];
    })
    .sort((a, b) => b.ref.weight - a.ref.weight)
    .map(({ ref, audit }) => ({
      category,
      id: ref.id,
      title: audit.title,
      weight: ref.weight,
      score: audit.score,
      value: [audit.errorMessage ?? audit.displayValue, audit.explanation].filter(Boolean).join('; ') || undefined,
      where: whereOf(audit, origin),
    }));
}

/** One table row from one Lighthouse run. */
export function summarize(page: string, formFactor: FormFactor, lhr: LighthouseResult): Row {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score100(lhr.categories[c]?.score)])) as Row['scores'];
  const failures = CATEGORIES.filter((c) => scores[c] !== 100).flatMap((c) => failuresOf(lhr, c));
  return {
    page,
    formFactor,
    scores,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue,
    lcp: lhr.audits['largest-contentful-paint']?.numericValue,
    failures,
    error: lhr.runtimeError && `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`,
    warnings: lhr.runWarnings ?? [],
    benchmarkIndex: lhr.environment?.benchmarkIndex,
  };
}

const cell = (score: number | null) => (score === null ? '–' : String(score));

/** The markdown table: one row per page and form factor. */
export function formatTable(rows: Row[]): string {
  const head = ['page', 'form factor', ...CATEGORIES, 'CLS', 'LCP'];
  const lines = [`| ${head.join(' | ')} |`, `| --- | --- |${' ---: |'.repeat(head.length - 2)}`];
  for (const row of rows) {
    const cls = row.cls === undefined ? '–' : row.cls.toFixed(3);
    const lcp = row.lcp === undefined ? '–' : `${(row.lcp / 1000).toFixed(2)} s`;
    lines.push(`| ${[row.page, row.formFactor, ...CATEGORIES.map((c) => cell(row.scores[c])), cls, lcp].join(' | ')} |`);
  }
  return lines.join('\n');
}

/** For every page and category below 100, the audits to fix, with their values and places. */
export function formatFailures(rows: Row[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    if (row.error) lines.push(`- ${row.page} (${row.formFactor}): Lighthouse could not audit it: ${row.error}`);
    for (const category of CATEGORIES) {
      const failures = row.failures.filter((f) => f.category === category);
      if (row.scores[category] === 100 || (row.scores[category] === null && row.error)) continue;
      const none = failures.length === 0 ? ' no single audit failed' : '';
      lines.push(`- ${row.page} (${row.formFactor}), ${category} ${cell(row.scores[category])}:${none}`);
      for (const f of failures) {
        const score = f.weight > 0 && f.score !== null ? `score ${f.score}, weight ${f.weight}` : `weight ${f.weight}`;
        const value = [f.value, score].filter(Boolean).join(', ');
        const where = f.where.length ? `: ${f.where.map((w) => `\`${w}\``).join(', ')}` : '';
        lines.push(`  - \`${f.id}\` ${f.title} (${value})${where}`);
      }
    }
  }
  return lines.join('\n');
}

/** The host's benchmark index over the runs, and each distinct warning Lighthouse gave. */
export function formatNotes(rows: Row[]): string {
  const indexes = rows.flatMap((r) => (r.benchmarkIndex === undefined ? [] : [Math.round(r.benchmarkIndex)]));
  const range = indexes.length ? `${Math.min(...indexes)}–${Math.max(...indexes)}` : 'unknown';
  const lines = [`Host CPU benchmark index: ${range} (Lighthouse calls a host below 1000 slow).`];
  for (const warning of new Set(rows.flatMap((r) => r.warnings))) lines.push(`Lighthouse warned: ${warning}`);
  return lines.join('\n');
}

/** One line per score below `min` (a category Lighthouse could not score counts as 0). */
export function belowMin(rows: Row[], min: number): string[] {
  return rows.flatMap((row) =>
    CATEGORIES.filter((c) => (row.scores[c] ?? 0) < min).map(
      (c) => `${row.page} (${row.formFactor}): ${c} ${cell(row.scores[c])} < ${min}`,
    ),
  );
}
