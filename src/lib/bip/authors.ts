/**
 * `Claude-4-Sonnet (Anthropic), GPT-5 (OpenAI) + Jane Doe <jane@example.org> (Implementation Lead)`
 * → one entry per person with the provider, role and e-mail taken out of the name.
 */
import { ROLE_WORDS } from './constants.ts';

export interface Author {
  name: string;
  provider?: string;
  role?: string;
  email?: string;
  /** GitHub handle, without the `@`: `Name (@handle)`. */
  handle?: string;
  /** A web address written in angle brackets: `Name <https://…>`. */
  url?: string;
}

/** `@handle`: GitHub's rules (letters, digits, single hyphens, at most 39 characters). */
const HANDLE = /^@([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})$/i;
/** `et al.` and its spellings close a list; they are not a person. */
const ET_AL = /^(?:and\s+)?(?:et\.?\s*al\.?|others|and others)$/i;

/** Splits on commas, semicolons and ` + ` that are not inside parentheses or angle brackets. */
export function splitAuthorList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '(' || ch === '<' || ch === '[') depth++;
    else if ((ch === ')' || ch === '>' || ch === ']') && depth > 0) depth--;
    const plus = ch === '+' && value[i - 1] === ' ' && value[i + 1] === ' ';
    if (depth === 0 && (ch === ',' || ch === ';' || plus)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function parseAuthor(text: string): Author {
  // `[Jane Doe](https://…)`: the link text is the name.
  let rest = text.replace(/\[([^\][]*)\]\([^()]*\)/g, '$1');
  // `<address>`, found by scanning: a pattern here would backtrack on a hostile value.
  let email: string | undefined;
  let url: string | undefined;
  const lt = rest.indexOf('<');
  const gt = lt < 0 ? -1 : rest.indexOf('>', lt);
  const address = gt > lt ? rest.slice(lt + 1, gt).trim() : '';
  if (/^https?:\/\/\S+$/i.test(address)) url = address;
  else if (address.includes('@')) email = address.replace(/^mailto:/i, '');
  if (url || email) rest = `${rest.slice(0, lt)} ${rest.slice(gt + 1)}`;
  const notes: string[] = [];
  rest = rest.replace(/\(([^()]*)\)/g, (_, note: string) => {
    if (note.trim()) notes.push(note.trim());
    return ' ';
  });
  let provider: string | undefined;
  let handle: string | undefined;
  const roles: string[] = [];
  for (const note of notes) {
    const h = HANDLE.exec(note);
    if (h && !handle) handle = h[1];
    else if (ROLE_WORDS.test(note) || provider) roles.push(note);
    else provider = note;
  }
  // A bare `@handle` as the whole entry names the person by the handle.
  const bare = HANDLE.exec(rest.trim());
  if (bare && !handle) handle = bare[1];
  const name = rest.replace(/\s+/g, ' ').trim();
  return {
    name,
    ...(provider ? { provider } : {}),
    ...(roles.length ? { role: roles.join(', ') } : {}),
    ...(email ? { email } : {}),
    ...(handle ? { handle } : {}),
    ...(url ? { url } : {}),
  };
}

/** `Ada Quill et al.` → `Ada Quill`. Only the end is looked at: a pattern anchored at the end
 * (`\s+et…$`) would be tried from every space of a long run of them. */
function dropEtAl(part: string): string {
  const cut = part.length - 16;
  const tail = cut > 0 ? part.slice(cut) : part;
  const m = /\s+et\.?\s*al\.?$/i.exec(tail);
  return m ? part.slice(0, (cut > 0 ? cut : 0) + m.index) : part;
}

export function parseAuthors(value: string): Author[] {
  return splitAuthorList(value)
    .map(dropEtAl)
    .filter((part) => !ET_AL.test(part))
    .map(parseAuthor);
}

/** `Claude-Opus-4 (Anthropic), GPT-5`: names with their providers, as cards, search and change
 * notes show them. */
export function authorLine(authors: readonly Pick<Author, 'name' | 'provider'>[]): string {
  return authors.map((a) => (a.provider ? `${a.name} (${a.provider})` : a.name)).join(', ');
}
