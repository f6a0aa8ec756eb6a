/**
 * "Cite this proposal": the same facts as plain text, BibTeX and CSL-JSON (what reference
 * managers import). The date is the header's creation date; without one, no date is claimed.
 */
export interface CiteInput {
  /** `bip-5`: the citation key. */
  key: string;
  /** `BIP-5`. */
  label: string;
  number: number;
  title: string;
  authors: readonly { name: string }[];
  /** YYYY-MM-DD. */
  created?: string | undefined;
  /** The registry's name: `Example BIP Registry`. */
  registry: string;
  /** What one proposal is, in full: `Bitcoin Improvement Proposal`. */
  genre: string;
  /** The permanent, absolute URL. */
  url: string;
}

export interface Citation {
  text: string;
  bibtex: string;
  csl: Record<string, unknown>[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(date: string | undefined): [number, number, number] | undefined {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** BibTeX's special characters, escaped, so a value cannot end its field or start a command. */
const bib = (text: string) =>
  text.replace(/[\\{}%&$#_~^]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`,
  );

/** `A`, `A and B`, `A, B, and C`. */
function names(list: readonly string[]): string {
  if (list.length <= 2) return list.join(' and ');
  return `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}`;
}

export function citation(c: CiteInput): Citation {
  const date = parts(c.created);
  const authors = c.authors.map((a) => a.name);
  const heading = `${c.label}: ${c.title}`;
  const when = date ? `, ${MONTHS[date[1] - 1]} ${date[0]}` : '';
  const text = `${authors.length ? `${names(authors)}. ` : ''}"${heading}." ${c.registry}, no. ${c.number}${when}. ${c.url}`;
  const bibtex = [
    `@misc{${c.key.replace(/[^\w:-]/g, '-')},`,
    ...(authors.length ? [`  author = {${authors.map((a) => `{${bib(a)}}`).join(' and ')}},`] : []),
    `  title = {{${bib(heading)}}},`,
    `  howpublished = {${bib(c.registry)}},`,
    `  number = {${c.number}},`,
    ...(date ? [`  year = {${date[0]}},`, `  month = ${MONTHS[date[1] - 1]!.slice(0, 3).toLowerCase()},`] : []),
    `  url = {${c.url.replace(/[{}\\]/g, encodeURIComponent)}},`,
    `}`,
  ].join('\n');
  const csl = [
    {
      id: c.key,
      type: 'report',
      genre: c.genre,
      title: heading,
      number: String(c.number),
      publisher: c.registry,
      ...(authors.length ? { author: authors.map((literal) => ({ literal })) } : {}),
      ...(date ? { issued: { 'date-parts': [date] } } : {}),
      URL: c.url,
    },
  ];
  return { text, bibtex, csl };
}
