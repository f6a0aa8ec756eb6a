/**
 * One proposal's record in the JSON API: its normalized header (every field the template
 * declares, typed as the schema types it), authors, relations both ways, companion documents,
 * files, source, history and review state. Pure: the API pages hand it what the registry knows.
 */
import type { HeaderField } from '../bip/fields.ts';
import type { EntryData } from '../../loaders/entries.ts';
import type { Relations } from '../registry/relations.ts';
import { RECORD_KEYS, type ApiRecord } from './schema.ts';

type BipEntryData = Extract<EntryData, { kind: 'bip' }>;

export interface RecordInput {
  data: BipEntryData;
  fields: readonly HeaderField[];
  label: string;
  url: string;
  relations: Relations;
  companions: ApiRecord['companions'];
  files: ApiRecord['files'];
  sourceUrl?: string | undefined;
  history?: ApiRecord['history'];
  review?: ApiRecord['review'];
}

/** Entry properties that are the site's own bookkeeping, not the proposal's. */
const INTERNAL = new Set([
  'kind',
  'bip',
  'author',
  'lines',
  'placement',
  'extra',
  'relPath',
  'format',
  'companions',
  'attachments',
  'files',
]);

export function apiRecord(input: RecordInput): ApiRecord {
  const d = input.data;
  const header = Object.fromEntries(
    Object.entries(d).filter(([k, v]) => !INTERNAL.has(k) && !RECORD_KEYS.has(k) && v !== undefined),
  );
  return {
    ...header,
    number: d.bip,
    label: input.label,
    title: d.title,
    status: d.status,
    statusKnown: d.statusKnown,
    url: input.url,
    authors: d.author,
    fields: input.fields.map((f) => ({ key: f.name, label: f.label, value: f.value })),
    relations: input.relations,
    companions: input.companions,
    files: input.files,
    source: { path: d.relPath, format: d.format, ...(input.sourceUrl ? { url: input.sourceUrl } : {}) },
    ...(input.history ? { history: input.history } : {}),
    ...(input.review ? { review: input.review } : {}),
  } as ApiRecord;
}
