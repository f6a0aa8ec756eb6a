/**
 * `Implemented (Phase 1-2 Complete)` → Implemented + note; `In Peer Review - Changes Requested` →
 * Review + note; unknown text is kept as written and reported as a warning by the caller.
 */
import type { StatusDefinition } from './constants.ts';

export interface NormalizedStatus {
  /** Canonical name when known, else the text as written. */
  status: string;
  note?: string;
  known: boolean;
}

function squash(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

function lookup(text: string, statuses: readonly StatusDefinition[]): StatusDefinition | undefined {
  const key = squash(text);
  return statuses.find((s) => squash(s.name) === key || s.aliases.some((a) => squash(a) === key));
}

function cleanNote(text: string): string | undefined {
  const note = text
    .trim()
    .replace(/^[-–—:;,/|]\s*/, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  return note || undefined;
}

/** Where a status may end and its note begin: `(`, ` - `, ` – `, ` — `, `:`, `;`, `,`, ` / `. */
const NOTE_START = /\s*\(|\s+[-–—/|]\s+|\s*[:;,]\s*/g;

/** The written word, kept as a note when an alias hides it (`Final` → Implemented, note "Final");
 * not when it only dresses the name up (`In Peer Review` → Review). */
function aliasNote(written: string, status: StatusDefinition): string | undefined {
  return squash(written).includes(squash(status.name)) ? undefined : written.trim();
}

const joinNotes = (...notes: (string | undefined)[]) => notes.filter(Boolean).join('; ') || undefined;

export function normalizeStatus(raw: string, statuses: readonly StatusDefinition[]): NormalizedStatus {
  // Decorations before the word (`✅ Approved`, `🚧 Draft`) are not part of the status.
  const text = raw.trim().replace(/^[^\p{L}\p{N}(]+/u, '');
  const whole = lookup(text, statuses);
  if (whole) {
    const note = aliasNote(text, whole);
    return { status: whole.name, known: true, ...(note ? { note } : {}) };
  }
  // A head longer than any status name (allowing for spacing) names none: a status of 16,000
  // `R**: ` does not look up 16,000 ever longer heads.
  // Only the start is searched: the separators' patterns would otherwise be tried from every
  // character of a long run of spaces.
  const longest = Math.max(...statuses.flatMap((s) => [s.name, ...s.aliases]).map((n) => n.length));
  for (const m of text.slice(0, 4 * longest + 64).matchAll(NOTE_START)) {
    const head = text.slice(0, m.index);
    const found = lookup(head, statuses);
    if (found) {
      const note = joinNotes(aliasNote(head, found), cleanNote(text.slice(m.index)));
      return { status: found.name, known: true, ...(note ? { note } : {}) };
    }
  }
  return { status: text, known: false };
}
