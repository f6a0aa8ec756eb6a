/**
 * A new BIP from the registry's template (`npm run new -- "Title"`): the template's text with
 * its number, title and created date filled in, everything else (sections, guidance) kept for
 * the author to replace.
 */
import { parseHeader } from '../bip/header.ts';
import { canonicalFieldName, isKnownField } from '../bip/constants.ts';
import type { Registry } from './load.ts';
import type { Profile } from '../profile/profile.ts';
import { REQUIRED_MARK } from '../bip/template.ts';

export interface NewBip {
  bip: number;
  title: string;
  /** ISO date. */
  created: string;
}

/** The template with the values written into its header fields and its H1. */
export function fillTemplate(template: string, values: NewBip, profile: Pick<Profile, 'fieldAliases' | 'term'>): string {
  const aliases = profile.fieldAliases;
  if (!values.title.trim() || /[\r\n]/.test(values.title)) throw new Error('the title must be one non-empty line');
  const header = parseHeader(template, { isHeaderKey: (name) => isKnownField(canonicalFieldName(name, aliases)) });
  const lines = template.split('\n');
  const wanted: Record<string, string> = { bip: String(values.bip), title: values.title.trim(), created: values.created };
  for (const field of header.block?.fields ?? []) {
    const value = wanted[canonicalFieldName(field.name, aliases)];
    if (value === undefined) continue;
    const line = lines[field.line - 1]!;
    const at = line.indexOf(field.value, field.column - 1);
    lines[field.line - 1] = at < 0 ? line : line.slice(0, at) + value + line.slice(at + field.value.length);
  }
  if (header.h1) lines[header.h1.line - 1] = `# ${profile.term}-${values.bip}: ${values.title.trim()}`;
  // `<!-- required -->` tells the registry which sections a proposal needs; a proposal has no use
  // for it (with the blank line after it).
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (REQUIRED_MARK.test(line.trim())) return;
    if (line.trim() === '' && i > 0 && REQUIRED_MARK.test(lines[i - 1]!.trim())) return;
    out.push(line);
  });
  return out.join('\n');
}

/** The number after the highest one the registry uses, in a header or a file or folder name,
 * published or not (a file with errors still holds its number). */
export function nextNumber(registry: Pick<Registry, 'numbers'>): number {
  return registry.numbers.size ? Math.max(...registry.numbers) + 1 : 1;
}

/** `bip-0012.md`: the profile's first file pattern, the number padded to four digits. */
export const newFileName = (n: number, profile: Pick<Profile, 'numbering'>) =>
  `${profile.numbering.spec.files[0]!.replace('{n}', String(n).padStart(4, '0'))}.md`;
