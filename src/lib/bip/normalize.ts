/**
 * Header fields (raw strings with their lines) → one canonical record, plus every problem found,
 * each located. Nothing here throws on bad input.
 */
import type { HeaderBlock, Placement, ParsedHeader, RawField } from './header.ts';
import type { TemplateSpec } from './template.ts';
import type { Author } from './authors.ts';
import { parseAuthors } from './authors.ts';
import { normalizeStatus } from './status.ts';
import { findDisagreement, type NumberClaim } from './number.ts';
import type { Profile } from '../profile/profile.ts';
import { canonicalFieldName, isPlaceholder, OPEN_CHOICE_FIELDS, REQUIRED_FIELDS, type StatusDefinition } from './constants.ts';
import { diagnostic, type Diagnostic, type Location, type Severity } from './diagnostics.ts';
import { editDistance } from './distance.ts';

export interface RegistryRules {
  template: TemplateSpec;
  statuses: readonly StatusDefinition[];
  profile: Profile;
}

export interface BipSourceName {
  /** Path used in messages. */
  file: string;
  /** `bip-0005.md` */
  fileName: string;
  /** `BIP-05` when the BIP lives in a folder of its own. */
  folderName?: string;
}

export interface ExtraField {
  key: string;
  value: string;
}

/** The canonical record handed to the schema. Template fields the normalizer does not know are
 * kept as strings under their canonical name. */
export interface NormalizedBip {
  bip: number;
  title: string;
  author: Author[];
  status: string;
  type?: string;
  category?: string;
  created?: string;
  license?: string;
  [templateField: string]: unknown;
  statusKnown: boolean;
  statusNote?: string;
  /** Header fields the template does not name, in file order. */
  extra: ExtraField[];
  placement?: Placement;
  /** Line of each field, by canonical name, for messages after validation. */
  lines: Record<string, number>;
}

export interface NormalizeResult {
  bip?: NormalizedBip;
  diagnostics: Diagnostic[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function isoDate(value: string): string | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return valid ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** What every step reads: the header, where the file is, the rules, and where to report. */
interface Step {
  header: ParsedHeader;
  block: HeaderBlock;
  src: BipSourceName;
  rules: RegistryRules;
  /** Template fields present, by canonical name, placeholders and empty values removed. */
  fields: Map<string, RawField>;
  report: (at: Location | undefined, severity: Severity, rule: string, message: string) => void;
  /** The status says the proposal now lives elsewhere: a stub. */
  moved: boolean;
}

/** The first web address in a text, found by scanning (no pattern over the whole text). */
function firstUrl(text: string): string | undefined {
  const at = text.search(/https?:\/\//);
  if (at < 0) return undefined;
  let end = at;
  while (end < text.length && !/[\s<>()\[\]"'`]/.test(text[end]!)) end++;
  return text.slice(at, end).replace(/[.,;:!?]+$/, '');
}

/** A template field whose name is within two edits of `name` (`Stauts` → `Status`). */
function nearTemplateField(name: string, rules: RegistryRules): string | undefined {
  if (name.length < 4 || COMMON_EXTRA_FIELDS.has(name)) return undefined;
  // Short names allow one slip, longer ones two; a different first letter is another word.
  const allowed = name.length < 6 ? 1 : 2;
  return rules.template.fields.find((f) => f.name[0] === name[0] && editDistance(f.name, name) <= allowed)?.label;
}

/** Extra fields registries use on purpose, never taken for a misspelling. */
const COMMON_EXTRA_FIELDS = new Set([
  'related',
  'requires',
  'replaces',
  'supersedes',
  'superseded-by',
  'discussion',
  'discussions-to',
  'reviewers',
  'updated',
]);

/** Sorts the block's fields into template fields and extra ones; reports repeats. */
function collectFields(block: HeaderBlock, rules: RegistryRules, report: Step['report']) {
  const templateNames = new Set(rules.template.fields.map((f) => f.name));
  const fields = new Map<string, RawField>();
  const extra: ExtraField[] = [];
  const lines: Record<string, number> = {};
  for (const f of block.fields) {
    const name = canonicalFieldName(f.name, rules.profile.fieldAliases);
    const first = fields.get(name) ?? (extra.some((e) => e.key === f.key) ? f : undefined);
    if (first) {
      const what = first.key === f.key ? `field "${f.key}" appears more than once` : `field "${f.key}" repeats "${first.key}"`;
      report(f, 'warning', 'field/duplicate', `${what}; the first value is used`);
    } else if (templateNames.has(name)) {
      fields.set(name, f);
      lines[name] = f.line;
    } else {
      extra.push({ key: f.key, value: f.value });
      const near = nearTemplateField(name, rules);
      if (near)
        report(
          { line: f.line, column: 1 },
          'warning',
          'field/unknown',
          `unknown field "${f.key}" (did you mean "${near}"?); it is shown as an extra field`,
        );
    }
  }
  // Unfilled template text first: a placeholder makes the field's other checks meaningless.
  for (const [name, f] of fields) {
    const required = (REQUIRED_FIELDS as readonly string[]).includes(name);
    if (f.value === '') report(f, required ? 'error' : 'warning', 'field/empty', `field "${f.key}" is empty`);
    else if (isPlaceholder(f.value))
      report(f, 'error', 'field/placeholder', `field "${f.key}" still holds the template placeholder "${f.value}"`);
    else continue;
    fields.delete(name);
  }
  return { fields, extra, lines };
}

/** The number from every place that states one; they must agree. */
function resolveNumber({ header, block, src, fields, report, rules }: Step): number | undefined {
  const { numbering, term } = rules.profile;
  const claims: NumberClaim[] = [];
  const bipField = fields.get('bip');
  if (bipField) {
    const n = numbering.parse(bipField.value);
    if (n === undefined)
      report(bipField, 'error', 'number/invalid', `"${bipField.value}" is not a ${term} number (write 5, 05 or ${term}-05)`);
    else claims.push({ number: n, source: `the ${bipField.key} field`, at: bipField });
  }
  for (const f of block.fields) {
    if (f.keyNumber === undefined || claims.some((c) => c.number === Number(f.keyNumber) && c.source.startsWith('the key')))
      continue;
    claims.push({
      number: Number(f.keyNumber),
      source: `the key "${term}-${f.keyNumber} ${f.key}"`,
      at: { line: f.line, column: f.keyNumberColumn ?? 1 },
    });
  }
  const h1 = header.h1;
  const h1Number = h1 && numbering.fromH1(h1.text);
  if (h1 && h1Number !== undefined)
    claims.push({ number: h1Number, source: 'the title heading', at: { line: h1.line, column: 1 } });
  const fileNumber = numbering.fromName(src.fileName);
  if (fileNumber !== undefined) claims.push({ number: fileNumber, source: `the file name "${src.fileName}"` });
  const folderNumber = src.folderName === undefined ? undefined : numbering.fromName(src.folderName);
  if (folderNumber !== undefined) claims.push({ number: folderNumber, source: `the folder name "${src.folderName}"` });

  const clash = findDisagreement(claims);
  if (clash) {
    const { odd, agreeing } = clash;
    report(
      odd.at ?? agreeing.find((c) => c.at)?.at,
      'error',
      'number/mismatch',
      `${term} number ${odd.number} from ${odd.source} disagrees with ${clash.number} from ${agreeing.map((c) => c.source).join(' and ')}`,
    );
  }
  const number = clash ? clash.number : claims[0]?.number;
  if (number === undefined && !bipField) {
    report(
      { line: block.start, column: 1 },
      'error',
      'number/missing',
      `no ${term} number: add a "${rules.template.fields.find((f) => f.name === 'bip')?.label ?? term}" field or name the file ${numbering.spec.files[0]!.replace('{n}', '<number>')}.md`,
    );
  }
  return number;
}

/** The Title field, else the H1; a heading still holding template text is reported either way. */
function resolveTitle({ header, block, fields, report, rules, moved }: Step): string | undefined {
  const { numbering, fieldAliases, term } = rules.profile;
  const h1 = header.h1;
  const fromH1 = h1 && numbering.titleFromH1(h1.text);
  const h1IsPlaceholder =
    h1 !== undefined && (numbering.h1Placeholder(h1.text) || (fromH1 !== undefined && isPlaceholder(fromH1)));
  const titleField = fields.get('title');
  if (h1 && h1IsPlaceholder) {
    const shown = titleField ? h1.text : fromH1;
    report(
      { line: h1.line, column: 1 },
      'error',
      'field/placeholder',
      `the title heading still holds the template placeholder "${shown}"`,
    );
  }
  // Titles are plain text wherever they appear (page titles, cards, tables): code marks go.
  const title = (titleField?.value ?? (h1IsPlaceholder ? undefined : fromH1 || undefined))?.replace(/`([^`]*)`/g, '$1');
  const titleWritten = block.fields.some((f) => canonicalFieldName(f.name, fieldAliases) === 'title');
  if (!title && !h1IsPlaceholder && !titleWritten && !moved) {
    report(
      { line: block.start, column: 1 },
      'error',
      'title/missing',
      `no title: add a "Title" field or a "# ${term}-<n>: Title" heading`,
    );
  }
  return title;
}

/** Values checked against the template's choice lists; kept as the template spells them. */
function resolveTemplateValues({ fields, rules, report }: Step): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const tf of rules.template.fields) {
    const f = fields.get(tf.name);
    if (!f) continue;
    if (!tf.choices) {
      record[tf.name] = f.value;
      continue;
    }
    const match = tf.choices.find((c) => c.toLowerCase() === f.value.toLowerCase());
    const open = OPEN_CHOICE_FIELDS.includes(tf.name);
    if (!match) {
      report(
        f,
        open ? 'warning' : 'error',
        `${tf.name}/unlisted`,
        `${tf.label.toLowerCase()} "${f.value}" is not one of the template's choices (${tf.choices.join(', ')})${open ? '; it is kept as written' : ''}`,
      );
    }
    record[tf.name] = match ?? f.value;
  }
  return record;
}

/** Template fields absent from the header; the number and title have their own rules. */
function reportMissing({ block, rules, report, moved }: Step): void {
  if (moved) return;
  for (const tf of rules.template.fields) {
    if (
      tf.optional ||
      tf.name === 'bip' ||
      tf.name === 'title' ||
      block.fields.some((f) => canonicalFieldName(f.name, rules.profile.fieldAliases) === tf.name)
    )
      continue;
    const required = (REQUIRED_FIELDS as readonly string[]).includes(tf.name);
    report(
      { line: block.start, column: 1 },
      required ? 'error' : 'warning',
      'field/missing',
      `the header has no "${tf.label}" field`,
    );
  }
}

export function normalizeBip(header: ParsedHeader, src: BipSourceName, rules: RegistryRules): NormalizeResult {
  const diagnostics: Diagnostic[] = [];
  const report: Step['report'] = (at, severity, rule, message) =>
    diagnostics.push(diagnostic(src.file, at, severity, rule, message));
  const block = header.block;
  if (!block) {
    report(
      undefined,
      'error',
      'header/missing',
      `no header block found: expected YAML frontmatter, a fenced (or <pre>) "Key: value" preamble, a "## ${rules.profile.term} Information" section, or "**Key**: value" lines after a closing "---"`,
    );
    return { diagnostics };
  }
  for (const p of block.problems) report(p, 'error', p.rule, p.message);
  // YAML that does not parse hides the fields after the error: its error is the one to fix, and
  // every check of the fields ("missing", "no title") would be false.
  if (block.problems.some((p) => p.rule === 'header/yaml')) return { diagnostics };
  for (const other of header.ignored) {
    report(
      { line: other.start, column: 1 },
      'warning',
      'header/extra-block',
      `a second header block (${other.placement}) is ignored; the fields at line ${block.start} are used`,
    );
  }

  const { fields, extra, lines } = collectFields(block, rules, report);
  const statusField = fields.get('status');
  const status = statusField ? normalizeStatus(statusField.value, rules.statuses) : undefined;
  // A moved proposal is a stub: its number, its status and where it went. The fields a proposal
  // needs are not asked of it.
  const moved = status?.known === true && rules.statuses.find((s) => s.name === status.status)?.meaning === 'moved';
  const step: Step = { header, block, src, rules, fields, report, moved };
  const number = resolveNumber(step);
  const movedTo = moved ? firstUrl(header.body) : undefined;
  if (moved && !movedTo)
    report(
      statusField,
      'warning',
      'moved/no-address',
      'the proposal is marked as moved, but its text names no https:// address to send readers to',
    );
  const title = resolveTitle(step) || (moved ? `Moved${movedTo ? ` to ${movedTo.replace(/^https?:\/\//, '')}` : ''}` : undefined);

  const authorField = fields.get('author');
  const author = authorField ? parseAuthors(authorField.value) : [];
  if (authorField && author.length === 0)
    report(authorField, 'error', 'author/invalid', `"${authorField.value}" names no author`);
  else if (authorField && author.some((a) => a.name === ''))
    report(authorField, 'error', 'author/invalid', `an author in "${authorField.value}" has no name`);

  if (statusField && status && !status.known) {
    report(
      statusField,
      'warning',
      'status/unknown',
      `status "${status.status}" is not in the lifecycle (${rules.statuses.map((s) => s.name).join(', ')}); it is kept as written (add it to "statusAliases" or "statuses" in the registry config)`,
    );
  }

  const createdField = fields.get('created');
  const created = createdField && isoDate(createdField.value);
  if (createdField && !created)
    report(createdField, 'error', 'created/invalid', `"${createdField.value}" is not an ISO date (YYYY-MM-DD)`);

  const record = resolveTemplateValues(step);
  reportMissing(step);

  return {
    diagnostics,
    bip: {
      ...record,
      bip: number ?? NaN,
      title: title ?? '',
      author,
      status: status?.status ?? '',
      ...(created ? { created } : {}),
      statusKnown: status?.known ?? false,
      ...(status?.note ? { statusNote: status.note } : {}),
      ...(movedTo ? { movedTo } : {}),
      extra,
      placement: block.placement,
      lines,
    },
  };
}
