/**
 * One companion document → the review report it is, if it is one: its kind (peer, final or a
 * response to a review), who wrote it, when, and the decision it states. Everything is read line by
 * line, outside fenced code, from the metadata lines (`- **Reviewer**: …`), tables (a `Reviewer`
 * column, or `| Decision | Approve |` rows), a `Decision` section or a bold
 * `**Overall Assessment: …**` line; the words come from the review vocabulary.
 */
import type { ReviewDecision, ReviewKind, ReviewVocabulary } from './vocabulary.ts';

export interface ReviewDocument {
  /** Path of the document, relative to the proposal's folder or the registry. */
  relPath: string;
  /** Its H1 text. */
  title: string;
  body: string;
}

export interface ReviewReport {
  relPath: string;
  kind: ReviewKind;
  /** Names as written (`Grok-Code-Fast-1 (xAI)`); for a response, who wrote the response. */
  reviewers: string[];
  /** `YYYY-MM-DD`. */
  date?: string;
  decision?: ReviewDecision;
  /** The decision as written, trimmed and shortened. */
  decisionText?: string;
  /** 1-based line in the body the decision was read from. */
  decisionLine?: number;
}

/** A `Key: value` line of the body, or what a table says under a key. */
interface MetadataEntry {
  /** Lower case, spaces collapsed. */
  key: string;
  value: string;
  /** 1-based. */
  line: number;
  /** Read from a table: metadata lines win over it. */
  table?: boolean;
}

interface Heading {
  words: string[];
  /** 0-based index into the body's lines. */
  index: number;
}

interface ScannedBody {
  lines: string[];
  /** Whether each line is inside (or opens or closes) a fenced code block. */
  fenced: boolean[];
  entries: MetadataEntry[];
  headings: Heading[];
}

const DECISION_TEXT_MAX = 80;

/** The review report a companion document is, or undefined when it is none. */
export function readReviewReport(doc: ReviewDocument, vocab: ReviewVocabulary): ReviewReport | undefined {
  const named = reportKind(doc, vocab);
  if (!named) return undefined;
  const body = scanBody(doc.body);
  const kind = named === 'peer' && statesFinalType(body.entries, vocab) ? 'final' : named;
  const report: ReviewReport = { relPath: doc.relPath, kind, reviewers: readReviewers(body, kind, vocab) };
  const date = pickValue(body.entries, [vocab.fields.date], kind, vocab, isoDate);
  if (date) report.date = date.value;
  const decision = readDecisionOf(body, kind, vocab);
  if (decision) {
    report.decision = decision.decision;
    report.decisionText = decision.text;
    report.decisionLine = decision.line;
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// Recognition

/** The report's kind from its title, else its file name; undefined when it is not a report. */
function reportKind(doc: ReviewDocument, vocab: ReviewVocabulary): ReviewKind | undefined {
  const nameW = nameWords(baseName(doc.relPath));
  const titleW = nameWords(doc.title);
  if (hasAny(nameW, vocab.exclude) || hasAny(titleW, vocab.exclude)) return undefined;
  const fromTitle = kindOfWords(titleW, vocab);
  const fromName = kindOfWords(nameW, vocab);
  // The title decides, unless it only says "review" and the file name says which kind.
  if (fromTitle && (fromTitle !== 'peer' || !fromName)) return fromTitle;
  return fromName ?? fromTitle;
}

/** A review word makes a report; a response word then makes it a response, a final word a final one. */
function kindOfWords(words: string[], vocab: ReviewVocabulary): ReviewKind | undefined {
  if (!hasAny(words, vocab.kinds.peer)) return undefined;
  if (hasAny(words, vocab.kinds.response)) return 'response';
  return hasAny(words, vocab.kinds.final) ? 'final' : 'peer';
}

/** `Review Type: Final Implementation Review` (a template's `Peer | Final` choice list does not count). */
function statesFinalType(entries: MetadataEntry[], vocab: ReviewVocabulary): boolean {
  const keys = new Set(vocab.fields.reviewType.map(normalizeKey));
  return entries.some((e) => keys.has(e.key) && !e.value.includes('|') && hasAny(valueWords(e.value), vocab.kinds.final));
}

/** Last path segment without its extension. */
function baseName(relPath: string): string {
  const slash = Math.max(relPath.lastIndexOf('/'), relPath.lastIndexOf('\\'));
  const name = relPath.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

// ---------------------------------------------------------------------------------------------
// Words

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** Words of a file name or title, lower-cased: split on anything but letters and digits, on
 * case changes (`PeerReview`, `XMLReport`) and between letters and digits. */
export function nameWords(text: string): string[] {
  const words: string[] = [];
  const chars = Array.from(text);
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!isWordChar(ch)) {
      if (current) words.push(current.toLowerCase());
      current = '';
      continue;
    }
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const prevWord = prev !== '' && isWordChar(prev);
    const boundary =
      prevWord &&
      (isDigit(ch) !== isDigit(prev) ||
        (isUpper(ch) && !isUpper(prev) && !isDigit(prev)) ||
        (isUpper(ch) && isUpper(prev) && next !== '' && isWordChar(next) && !isUpper(next) && !isDigit(next)));
    if (boundary && current) {
      words.push(current.toLowerCase());
      current = '';
    }
    current += ch;
  }
  if (current) words.push(current.toLowerCase());
  return words;
}

/** Words of a value, lower-cased; hyphens and apostrophes inside a word stay (`request-changes`). */
export function valueWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u)) {
    const word = trimJoiners(raw);
    if (word) words.push(word);
  }
  return words;
}

function isJoiner(ch: string | undefined): boolean {
  return ch === '-' || ch === "'" || ch === '’';
}

function trimJoiners(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && isJoiner(word[start])) start++;
  while (end > start && isJoiner(word[end - 1])) end--;
  return word.slice(start, end);
}

/** Whether `phrase` occurs in `words` at `at`. */
function phraseAt(words: string[], phrase: string[], at: number): boolean {
  if (phrase.length === 0 || at + phrase.length > words.length) return false;
  for (let j = 0; j < phrase.length; j++) if (words[at + j] !== phrase[j]) return false;
  return true;
}

function containsPhrase(words: string[], phrase: string[]): boolean {
  for (let i = 0; i < words.length; i++) if (phraseAt(words, phrase, i)) return true;
  return false;
}

/** Whether any of the vocabulary's words or phrases occurs in `words`. */
function hasAny(words: string[], phrases: string[]): boolean {
  return phrases.some((p) => containsPhrase(words, nameWords(p)) || containsPhrase(words, valueWords(p)));
}

// ---------------------------------------------------------------------------------------------
// The body, line by line

function scanBody(text: string): ScannedBody {
  const lines = text.split(/\r?\n/);
  const fenced: boolean[] = [];
  const entries: MetadataEntry[] = [];
  const headings: Heading[] = [];
  let fence: { char: string; length: number } | undefined;
  let table: { rows: string[][]; start: number } | undefined;
  const endTable = () => {
    if (table) entries.push(...tableEntries(table.rows, table.start));
    table = undefined;
  };
  lines.forEach((line, index) => {
    const marker = fenceMarker(line);
    const row = fence || marker ? undefined : tableRow(line);
    if (row) {
      table ??= { rows: [], start: index + 1 };
      table.rows.push(row);
      fenced.push(false);
      return;
    }
    endTable();
    if (fence) {
      fenced.push(true);
      if (marker && marker.char === fence.char && marker.length >= fence.length && marker.rest === '') fence = undefined;
      return;
    }
    if (marker) {
      fenced.push(true);
      fence = { char: marker.char, length: marker.length };
      return;
    }
    fenced.push(false);
    const heading = headingText(line);
    if (heading !== undefined) {
      headings.push({ words: valueWords(heading), index });
      return;
    }
    const entry = metadataLine(line);
    if (entry) entries.push({ ...entry, line: index + 1 });
  });
  endTable();
  return { lines, fenced, entries, headings };
}

/** The cells of a table row (`| a | b |`), emphasis and code marks dropped; undefined for other lines. */
function tableRow(line: string): string[] | undefined {
  const s = line.trim();
  if (!s.startsWith('|')) return undefined;
  const inner = s.endsWith('|') && s.length > 1 ? s.slice(1, -1) : s.slice(1);
  return inner.split('|').map((cell) => cell.split('**').join('').split('`').join('').trim());
}

const isDelimiterRow = (cells: string[]) => cells.every((c) => /^:?-+:?$/.test(c));

/**
 * What a table says, read two ways, since only the vocabulary's keys are looked up later: each
 * column under its header (`| Reviewer | Role |` → reviewer: `GPT-5, Ada Moreno`), and each
 * two-cell row as a key and its value (`| Decision | Approve |`). `start` is the first row's line.
 */
function tableEntries(rows: string[][], start: number): MetadataEntry[] {
  const out: MetadataEntry[] = [];
  const headed = rows.length > 1 && isDelimiterRow(rows[1]!);
  const header = headed ? rows[0]! : [];
  const data = headed ? rows.slice(2) : rows;
  const firstData = start + (headed ? 2 : 0);
  header.forEach((name, column) => {
    if (!isPlainKey(name)) return;
    const values = data.map((r) => r[column] ?? '').filter((v) => v !== '');
    if (values.length > 0) out.push({ key: normalizeKey(name), value: values.join(', '), line: firstData, table: true });
  });
  data.forEach((cells, i) => {
    if (cells.length === 2 && isPlainKey(cells[0]!) && cells[1] !== '')
      out.push({ key: normalizeKey(cells[0]!), value: cells[1]!, line: firstData + i, table: true });
  });
  return out;
}

/** ```` ``` ```` or `~~~` (three or more) at the start of a line, and what follows it. */
function fenceMarker(line: string): { char: string; length: number; rest: string } | undefined {
  const s = line.trimStart();
  const char = s[0];
  if (char !== '`' && char !== '~') return undefined;
  let length = 0;
  while (s[length] === char) length++;
  return length >= 3 ? { char, length, rest: s.slice(length).trim() } : undefined;
}

/** The text of an ATX heading (`## Decision ##` → `Decision`), else undefined. */
function headingText(line: string): string | undefined {
  const s = line.trimStart();
  let level = 0;
  while (s[level] === '#') level++;
  if (level === 0 || level > 6) return undefined;
  const after = s[level];
  if (after !== undefined && after !== ' ' && after !== '\t') return undefined;
  let text = s.slice(level).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || text[end - 1] === ' ')) text = text.slice(0, end).trim();
  return text;
}

/** Strips a list marker (`-`, `*`, `+` and a space) from the start of a trimmed line. */
function stripListMarker(s: string): string {
  const first = s[0];
  if ((first === '-' || first === '*' || first === '+') && (s[1] === ' ' || s[1] === '\t')) return s.slice(2).trimStart();
  return s;
}

/** `- **Key**: value`, `- Key: value`, `* Key: value`, `**Key**: value`, `**Key:** value`,
 * `**Key: value**` and `Key: value`. */
function metadataLine(line: string): { key: string; value: string } | undefined {
  let s = stripListMarker(line.trim());
  const bold = s.startsWith('**');
  if (bold) s = s.slice(2);
  const colon = s.indexOf(':');
  if (colon <= 0) return undefined;
  let key = s.slice(0, colon);
  let value = s.slice(colon + 1);
  if (bold) {
    if (key.endsWith('**')) key = key.slice(0, -2);
    else if (value.startsWith('**')) value = value.slice(2);
    else {
      const close = value.indexOf('**');
      if (close < 0) return undefined;
      value = value.slice(0, close) + value.slice(close + 2);
    }
  }
  key = key.trim();
  if (!isPlainKey(key)) return undefined;
  return { key: normalizeKey(key), value: value.trim() };
}

function isPlainKey(key: string): boolean {
  if (key.length === 0 || key.length > 40) return false;
  for (const ch of key) if ('*`[]#|<>_'.includes(ch)) return false;
  return true;
}

function normalizeKey(key: string): string {
  return key.trim().toLowerCase().split(/\s+/).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Choosing among metadata lines

/** The kind a key is specific to (`Final Reviewer`, `Response Date`), if any. */
function keyKind(key: string, vocab: ReviewVocabulary): ReviewKind | undefined {
  const words = valueWords(key);
  if (hasAny(words, vocab.kinds.response)) return 'response';
  if (hasAny(words, vocab.kinds.final)) return 'final';
  return undefined;
}

/**
 * The first value `read` accepts, trying the key groups in order, within a group the keys specific
 * to the report's kind first and those specific to another kind last, then in document order.
 */
function pickValue<T>(
  entries: MetadataEntry[],
  groups: string[][],
  kind: ReviewKind,
  vocab: ReviewVocabulary,
  read: (value: string) => T | undefined,
): { value: T; entry: MetadataEntry } | undefined {
  const ranked: { rank: number[]; entry: MetadataEntry }[] = [];
  groups.forEach((keys, group) => {
    const names = new Set(keys.map(normalizeKey));
    for (const entry of entries) {
      if (!names.has(entry.key)) continue;
      const specific = keyKind(entry.key, vocab);
      const kindRank = specific === kind ? 0 : specific === undefined ? 1 : 2;
      ranked.push({ rank: [group, kindRank, entry.table ? 1 : 0, entry.line], entry });
    }
  });
  ranked.sort((a, b) => compareRanks(a.rank, b.rank));
  for (const { entry } of ranked) {
    const value = read(entry.value);
    if (value !== undefined) return { value, entry };
  }
  return undefined;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Values

function isPlaceholder(value: string, vocab: ReviewVocabulary): boolean {
  const v = value.trim();
  if (v.startsWith('[') && v.endsWith(']')) return true;
  const lower = v.toLowerCase();
  return vocab.placeholders.some((p) => p.toLowerCase() === lower);
}

/** Removes `[…]` placeholders from a value. */
function withoutBrackets(value: string): string {
  let out = '';
  let depth = 0;
  for (const ch of value) {
    if (ch === '[') depth++;
    else if (ch === ']' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** Markdown emphasis, emoji and list or heading markers off a line; spaces collapsed. */
function plainText(text: string): string {
  let s = text.trim();
  const heading = headingText(s);
  if (heading !== undefined) s = heading;
  s = stripListMarker(s);
  s = s.split('**').join('').split('__').join('');
  s = s.replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '');
  return s.split(/\s+/).filter(Boolean).join(' ');
}

/** Up to the first sentence's end, at most `DECISION_TEXT_MAX` characters. */
function shorten(text: string): string {
  const stop = text.indexOf('. ');
  const sentence = stop > 0 ? text.slice(0, stop) : text;
  if (sentence.length <= DECISION_TEXT_MAX) return sentence;
  return sentence.slice(0, DECISION_TEXT_MAX - 1).trimEnd() + '…';
}

/** The first valid ISO date (`YYYY-MM-DD`) in a value. */
export function isoDate(value: string): string | undefined {
  for (const m of value.matchAll(/(\d{4})-(\d{2})-(\d{2})/g)) {
    const at = m.index;
    const end = at + m[0].length;
    if (isDigit(value[at - 1] ?? '') || isDigit(value[end] ?? '')) continue;
    // A real day only: `2025-02-31` would roll over into March.
    const date = new Date(`${m[0]}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === m[0]) return m[0];
  }
  return undefined;
}

/** Splits a list of names on `,`, `;`, `&` and ` and ` outside parentheses and brackets. */
export function splitReviewers(value: string, vocab: ReviewVocabulary): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '(' || ch === '[' || ch === '<') depth++;
    else if ((ch === ')' || ch === ']' || ch === '>') && depth > 0) depth--;
    if (depth === 0 && (ch === ',' || ch === ';' || ch === '&')) {
      parts.push(current);
      current = '';
    } else if (depth === 0 && value.slice(i, i + 5).toLowerCase() === ' and ') {
      parts.push(current);
      current = '';
      i += 4;
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const names: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const name = part.split('**').join('').trim();
    if (!name || isPlaceholder(name, vocab) || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

function readReviewers(body: ScannedBody, kind: ReviewKind, vocab: ReviewVocabulary): string[] {
  const groups = kind === 'response' ? [vocab.fields.responder, vocab.fields.reviewer] : [vocab.fields.reviewer];
  const found = pickValue(body.entries, groups, kind, vocab, (value) => {
    const names = splitReviewers(value, vocab);
    return names.length > 0 ? names : undefined;
  });
  return found?.value ?? [];
}

// ---------------------------------------------------------------------------------------------
// Decisions

interface DecisionPhrase {
  words: string[];
  decision: ReviewDecision;
}

/** The vocabulary's decision phrases, longest first. */
function decisionPhrases(vocab: ReviewVocabulary): DecisionPhrase[] {
  const phrases: DecisionPhrase[] = [];
  for (const [decision, list] of Object.entries(vocab.decisions) as [ReviewDecision, string[]][]) {
    for (const p of list) {
      const words = valueWords(p);
      if (words.length > 0) phrases.push({ words, decision });
    }
  }
  return phrases.sort((a, b) => b.words.length - a.words.length || b.words.join(' ').length - a.words.join(' ').length);
}

/**
 * The one decision a value states. Phrases match as whole words, the longest at each position
 * first; a negation right before a phrase cancels it; a value naming several decisions (a
 * template's `Approve | Request Changes`) states none.
 */
export function decisionOf(value: string, vocab: ReviewVocabulary): ReviewDecision | undefined {
  if (isPlaceholder(value, vocab)) return undefined;
  const words = valueWords(withoutBrackets(value));
  const phrases = decisionPhrases(vocab);
  const negations = new Set(vocab.negations.map((n) => n.toLowerCase()));
  const found = new Set<ReviewDecision>();
  for (let i = 0; i < words.length; i++) {
    const match = phrases.find((p) => phraseAt(words, p.words, i));
    if (!match) continue;
    if (!negations.has(words[i - 1] ?? '')) found.add(match.decision);
    i += match.words.length - 1;
  }
  if (found.size !== 1) return undefined;
  return found.values().next().value;
}

interface FoundDecision {
  decision: ReviewDecision;
  text: string;
  line: number;
}

function readDecisionOf(body: ScannedBody, kind: ReviewKind, vocab: ReviewVocabulary): FoundDecision | undefined {
  const fromKey = pickValue(body.entries, [vocab.fields.decision, vocab.fields.status], kind, vocab, (value) =>
    decisionOf(value, vocab),
  );
  if (fromKey) {
    return { decision: fromKey.value, text: shorten(plainText(fromKey.entry.value)), line: fromKey.entry.line };
  }
  return decisionFromSection(body, vocab);
}

/** The first non-empty line under a `Decision` (or `Recommendation`, …) heading. */
function decisionFromSection(body: ScannedBody, vocab: ReviewVocabulary): FoundDecision | undefined {
  const titles = vocab.decisionSections.map((t) => valueWords(t).join(' '));
  for (const heading of body.headings) {
    if (!titles.includes(heading.words.join(' '))) continue;
    const index = firstTextLine(body, heading.index + 1);
    if (index === undefined) continue;
    const text = plainText(body.lines[index] ?? '');
    const decision = decisionOf(text, vocab);
    if (decision) return { decision, text: shorten(text), line: index + 1 };
  }
  return undefined;
}

function firstTextLine(body: ScannedBody, from: number): number | undefined {
  for (let i = from; i < body.lines.length; i++) {
    if (body.fenced[i]) continue;
    if (plainText(body.lines[i] ?? '') !== '') return i;
  }
  return undefined;
}
