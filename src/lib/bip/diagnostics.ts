/**
 * One problem found in a BIP file. Every step of the pipeline reports through this type, so the
 * build, the lint command and the tests print and compare problems the same way.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path of the file as the user gave it (relative to the working directory when possible). */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  /** Stable rule id, e.g. `number/mismatch`; documented in the README. */
  rule: string;
  message: string;
}

/** Where a value came from in the source file. */
export interface Location {
  line: number;
  column: number;
}

/** The longest message shown whole; a longer one (a megabyte-long value quoted in it) keeps its
 * start and its end, where the hint usually is. */
export const MESSAGE_MAX = 400;

/** A message fit for a terminal and a log: control characters (NUL, ESC of an ANSI colour
 * code, a carriage return that would overwrite the line) shown as `\u001b`, and cut when long. */
export function printable(message: string): string {
  const visible = message.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (visible.length <= MESSAGE_MAX) return visible;
  const cut = visible.length - 300 - 80;
  return `${visible.slice(0, 300)}… (${cut} characters not shown) …${visible.slice(-80)}`;
}

export function diagnostic(
  file: string,
  at: Location | undefined,
  severity: Severity,
  rule: string,
  message: string,
): Diagnostic {
  return { file, line: at?.line ?? 1, column: at?.column ?? 1, severity, rule, message: printable(message) };
}

/** `path:line:col: error: message [rule]`, the shape compilers and editors understand. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export function countBySeverity(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of list) if (d.severity === 'error') errors++;
  return { errors, warnings: list.length - errors };
}

/** GitHub Actions' escaping: `%`, CR and LF everywhere; `:` and `,` in properties too. */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A workflow command that GitHub shows as an annotation on the line of the pull request's diff:
 * `::error file=bips/bip-5.md,line=3,col=1,title=field/missing::the header has no "Author" field`. */
export function formatGithub(d: Diagnostic): string {
  const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(d.rule)}`];
  return `::${d.severity} ${props.join(',')}::${escapeData(d.message)}`;
}

/** `--strict`: every warning counts as an error. */
export function strict(list: readonly Diagnostic[]): Diagnostic[] {
  return list.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}

export type ReportFormat = 'text' | 'github';

/** The whole report: sorted, one line each, then a summary line. */
export function formatReport(list: readonly Diagnostic[], format: ReportFormat = 'text'): string {
  const lines = [...list].sort(compareDiagnostics).map(format === 'github' ? formatGithub : formatDiagnostic);
  const { errors, warnings } = countBySeverity(list);
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}
