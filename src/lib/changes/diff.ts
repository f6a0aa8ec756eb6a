/**
 * What a pull request changes, BIP by BIP: added, removed, or modified with the header fields
 * that changed (Status Draft → Review, a new author) and whether the text changed.
 */
import type { BipData } from '../bip/schema.ts';
import { headerFields } from '../bip/fields.ts';
import type { TemplateSpec } from '../bip/template.ts';

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

export interface BipChange {
  bip: number;
  kind: 'added' | 'modified' | 'removed';
  title: string;
  fields: FieldChange[];
  bodyChanged: boolean;
  /** Companion documents added, changed or removed (their paths). */
  companions: string[];
}

/** The header fields that differ, in header order (see headerFields): the template's fields,
 * those it adds included, then the ones it does not name. Authors are compared as one list. */
export function fieldChanges(before: BipData, after: BipData, template?: Pick<TemplateSpec, 'fields'>): FieldChange[] {
  const was = new Map(headerFields(before, template).map((f) => [f.name, f]));
  const now = new Map(headerFields(after, template).map((f) => [f.name, f]));
  const names = [...new Set([...now.keys(), ...was.keys()])].filter((n) => n !== 'bip');
  // A field only the old header had goes where it stood there: after the fields the new one has.
  return names.flatMap((name) => {
    const b = was.get(name)?.value;
    const a = now.get(name)?.value;
    if (a === b) return [];
    const label = (now.get(name) ?? was.get(name))!.label;
    return [{ field: label, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) }];
  });
}

/** Body text compared without trailing spaces and line-ending differences. */
export function bodyDiffers(before: string, after: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .trim();
  return norm(before) !== norm(after);
}
