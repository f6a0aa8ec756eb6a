/**
 * The header of a BIP as text, field by field, in one order: the template's fields as the
 * template orders and names them, the known fields it does not declare, then the fields it does
 * not name at all. The header table, the change list of a preview and the notices read this one
 * list, so a field the template adds (`Requires`) shows, and is compared, everywhere.
 */
import { authorLine } from './authors.ts';
import { KNOWN_FIELDS, type KnownField } from './constants.ts';
import type { BipData } from './schema.ts';
import type { TemplateSpec } from './template.ts';

export interface HeaderField {
  /** Canonical name (`requires`); a field the template does not name keeps its key. */
  name: string;
  /** The key as the template (or the file) writes it (`Requires`). */
  label: string;
  value: string;
  /** Declared by the template (known fields are, in every valid template). */
  declared: boolean;
}

const LABELS: Record<KnownField, string> = {
  bip: 'BIP',
  title: 'Title',
  author: 'Author',
  status: 'Status',
  type: 'Type',
  category: 'Category',
  created: 'Created',
  license: 'License',
};

function text(data: BipData, name: string): string | undefined {
  if (name === 'bip') return String(data.bip);
  if (name === 'author') return authorLine(data.author);
  if (name === 'status') return data.statusNote ? `${data.status} (${data.statusNote})` : data.status;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

export function headerFields(data: BipData, template?: Pick<TemplateSpec, 'fields'>): HeaderField[] {
  const declared = template?.fields ?? [];
  const names = new Set(declared.map((f) => f.name));
  const fields = [
    ...declared.map((f) => ({ name: f.name, label: f.label, declared: true })),
    ...KNOWN_FIELDS.filter((n) => !names.has(n)).map((n) => ({ name: n, label: LABELS[n], declared: false })),
  ];
  const out: HeaderField[] = [];
  for (const f of fields) {
    const value = text(data, f.name);
    if (value !== undefined) out.push({ ...f, value });
  }
  for (const e of data.extra) out.push({ name: e.key, label: e.key, value: e.value, declared: false });
  return out;
}
