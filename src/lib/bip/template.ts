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
}

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
  lines.forEach((line, i) => {
    const title = /^##\s+(.+?)\s*$/.exec(line)?.[1];
    if (!title) return;
    sections.push(title);
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    if (next && /^<!--\s*required\s*-->$/i.test(next.trim())) requiredSections.push(title);
  });
  return { fields, sections, requiredSections };
}
