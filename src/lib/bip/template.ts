/**
 * Reads the registry's `template.md`: its header names the fields a BIP has, and a value written
 * as a choice list (`[Core | Process | Interface]`) names the values that field accepts. The
 * schema is built from this, so editing the template changes what validates.
 */
import { parseHeader } from './header.ts';
import { canonicalFieldName, isKnownField, REQUIRED_FIELDS } from './constants.ts';
import type { Profile } from '../profile/profile.ts';
import { splitLines } from './lines.ts';

export interface TemplateField {
  /** Canonical lower-case name (`category`). */
  name: string;
  /** The key as the template writes it (`Category`). */
  label: string;
  /** Accepted values when the template gives a choice list. */
  choices?: string[];
  /** The template marks the field `(optional)`: its absence is not reported. */
  optional?: boolean;
}

export interface TemplateSpec {
  fields: TemplateField[];
  /** `## Section` titles of the template, in order. */
  sections: string[];
  /** Sections every BIP must have: those whose heading the template follows with
   * `<!-- required -->`. */
  requiredSections: string[];
  /** Section title → the template's text under it, when it holds `[…]` guidance, with
   * white space collapsed and the `<!-- required -->` marker left out: a proposal's section that
   * still reads so was not written. */
  placeholders: Record<string, string>;
}

/** White space collapsed, `<!-- required -->` markers dropped: how section texts are compared. */
export function sectionText(lines: readonly string[]): string {
  return lines
    .filter((l) => !REQUIRED_MARK.test(l.trim()))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/** A `[…]` guidance text: two or more characters inside, so not a task box (`[ ]`, `[x]`), and
 * not a link's text (`[CC0](LICENSE.md)`, `[RFC][1]`), which a proposal keeps as written. Each try
 * starts at a `[` and stops at the next bracket, so the scan stays linear. */
const GUIDANCE = /\[[^[\]\s][^[\]]*[^[\]\s]\](?![([:])/;

/** The line a template writes under a section's heading to make the section required. */
export const REQUIRED_MARK = /^<!--\s*required\s*-->$/i;

const CHOICE_LIST = /^\[([^\]]*\|[^\]]*)\]$/;
/** `Requires: BIP numbers (optional)`: a field a proposal may leave out. */
const OPTIONAL = /\s*\(optional\)\s*$/i;

export function readTemplate(source: string, profile: Pick<Profile, 'fieldAliases' | 'term'>): TemplateSpec {
  const aliases = profile.fieldAliases;
  const header = parseHeader(source, { isHeaderKey: (name) => isKnownField(canonicalFieldName(name, aliases)) });
  if (!header.block)
    throw new Error(
      'the template has no header block (expected YAML frontmatter, a fenced "Key: value" preamble or a header section)',
    );
  const fields = header.block.fields.map((f): TemplateField => {
    const optional = OPTIONAL.test(f.value);
    const value = optional ? f.value.replace(OPTIONAL, '') : f.value;
    const m = CHOICE_LIST.exec(value.trim());
    const choices = m?.[1]!
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean);
    return {
      name: canonicalFieldName(f.name, aliases),
      label: f.key,
      ...(choices ? { choices } : {}),
      ...(optional ? { optional } : {}),
    };
  });
  const missing = REQUIRED_FIELDS.filter((name) => !fields.some((f) => f.name === name));
  if (missing.length > 0) {
    const label = (name: string) => (name === 'bip' ? profile.term : name[0]!.toUpperCase() + name.slice(1));
    throw new Error(
      `the template's header has no ${missing.map((m) => `"${label(m)}"`).join(', ')} field; a template names at least ${REQUIRED_FIELDS.map(label).join(', ')}`,
    );
  }
  const lines = splitLines(header.body);
  const sections: string[] = [];
  const requiredSections: string[] = [];
  const placeholders: Record<string, string> = {};
  const heads = lines.flatMap((line, i) => {
    const title = /^##\s+(.+?)\s*$/.exec(line)?.[1];
    return title ? [{ title, i }] : [];
  });
  heads.forEach(({ title, i }, n) => {
    sections.push(title);
    const under = lines.slice(i + 1, heads[n + 1]?.i ?? lines.length);
    const next = under.find((l) => l.trim() !== '');
    if (next && REQUIRED_MARK.test(next.trim())) requiredSections.push(title);
    const text = sectionText(under);
    if (GUIDANCE.test(text)) placeholders[title] = text;
  });
  return { fields, sections, requiredSections, placeholders };
}
