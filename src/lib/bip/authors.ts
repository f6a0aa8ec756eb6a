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
}

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
  const lt = rest.indexOf('<');
  const gt = lt < 0 ? -1 : rest.indexOf('>', lt);
  if (gt > lt && rest.slice(lt + 1, gt).includes('@')) {
    email = rest.slice(lt + 1, gt).trim();
    rest = `${rest.slice(0, lt)} ${rest.slice(gt + 1)}`;
  }
  const notes: string[] = [];
  rest = rest.replace(/\(([^()]*)\)/g, (_, note: string) => {
    if (note.trim()) notes.push(note.trim());
    return ' ';
  });
  let provider: string | undefined;
  const roles: string[] = [];
  for (const note of notes) {
    if (ROLE_WORDS.test(note) || provider) roles.push(note);
    else provider = note;
  }
  const name = rest.replace(/\s+/g, ' ').trim();
  return {
    name,
    ...(provider ? { provider } : {}),
    ...(roles.length ? { role: roles.join(', ') } : {}),
    ...(email ? { email } : {}),
  };
}

export function parseAuthors(value: string): Author[] {
  return splitAuthorList(value).map(parseAuthor);
}

/** `Claude-Opus-4 (Anthropic), GPT-5`: names with their providers, as cards, search and change
 * notes show them. */
export function authorLine(authors: readonly Pick<Author, 'name' | 'provider'>[]): string {
  return authors.map((a) => (a.provider ? `${a.name} (${a.provider})` : a.name)).join(', ');
}
