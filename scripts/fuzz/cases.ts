/**
 * Fuzzing one file's path through the build: seeded mutations of proposal texts in every header
 * shape (bold lines, YAML, a fenced or `<pre>` preamble, a section, a footer) go through the
 * steps a build takes with one file (lib/bip/check.ts, the prose checks, the summary, the link
 * check, mention links). Each case must end without an exception, with every problem located
 * (line and column ≥ 1), and quickly. Used by tests/unit/fuzz.test.ts and `npm run fuzz`.
 *
 * MediaWiki bodies are a family of their own: the parser is a library whose time on hostile
 * markup is far from linear, so those cases must end within its deadline (render/wiki-thread.ts)
 * with the document read or reported, not within the markdown bound.
 */
import { checkBip } from '../../src/lib/bip/check.ts';
import { readTemplate } from '../../src/lib/bip/template.ts';
import { buildBipSchema } from '../../src/lib/bip/schema.ts';
import { DEFAULT_STATUSES } from '../../src/lib/bip/constants.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';
import { proseMentions, referencePattern, referenceProblems, sectionProblems } from '../../src/lib/registry/content-checks.ts';
import { summarize } from '../../src/lib/bip/summary.ts';
import { checkLinks } from '../../src/lib/registry/check-links.ts';
import { linkMentions } from '../../src/lib/render/mentions.ts';
import { renderWiki, wikiProblems } from '../../src/lib/render/wiki.ts';
import type { Diagnostic } from '../../src/lib/bip/diagnostics.ts';
import type { LinkTargets } from '../../src/lib/render/links.ts';

const HEADER = [
  ['BIP', '5'],
  ['Title', 'Signed receipts'],
  ['Author', 'Model-A (Lab A), Ada Moreno <ada@example.org> (Editor)'],
  ['Status', 'Review (changes requested)'],
  ['Type', 'Standards Track'],
  ['Category', 'Core'],
  ['Created', '2025-02-03'],
  ['License', 'MIT'],
  ['Requires', 'BIP-2, 3'],
];
const BODY =
  '## Abstract\n\nReceipts are signed, see BIP-2 and [the notes](notes.md).\n\n## Specification\n\n' +
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = "BIP-3";\n```\n\n- [x] item\n\n> quote with ![img](a.png)\n';

/** The same proposal in each header shape a registry writes. */
export const SEEDS: readonly string[] = [
  `# BIP-5: Signed receipts\n\n## BIP Information\n${HEADER.map(([k, v]) => `**${k}**: ${v}`).join('\n')}\n\n${BODY}`,
  `---\n${HEADER.map(([k, v]) => `${k!.toLowerCase()}: "${v}"`).join('\n')}\n---\n\n${BODY}`,
  `\`\`\`\n${HEADER.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\`\`\`\n\n${BODY}`,
  `<pre>\n${HEADER.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n</pre>\n\n${BODY}`,
  `# BIP-5: Signed receipts\n\n${BODY}\n---\n\n${HEADER.map(([k, v]) => `- **${k}**: ${v}`).join('\n')}\n`,
  `# Signed receipts\n\n${HEADER.map(([k, v]) => `**${k}:** ${v}  `).join('\n')}\n\n${BODY}`,
];

/** A MediaWiki proposal with the markup Bitcoin's BIPs use. */
export const WIKI_SEED = `<pre>
${HEADER.map(([k, v]) => `  ${k}: ${v}`).join('\n')}
</pre>

==Abstract==

Receipts are '''signed''', see [[bip-0002.mediawiki|BIP 2]] and [https://example.org the notes].<ref>A note.</ref>

==Specification==

* one
** two
# first
#: more
; term : definition

{| class="wikitable"
! a !! b
|-
| 1 || 2
|}

<source lang="python">
x = "BIP-3"
</source>

[[File:diagram.png|thumb|A diagram]]

==References==
<references />
`;

const WIKI_TRICKY = [
  '[[',
  ']]',
  '{{',
  '}}',
  '[',
  ']',
  "'''",
  "''",
  '=',
  '==',
  '*',
  '#',
  ':',
  ';',
  '|',
  '||',
  '!',
  '!!',
  '{|',
  '|}',
  '|-',
  '<ref>',
  '</ref>',
  '<ref name="a"/>',
  '<references/>',
  '<!--',
  '-->',
  '<pre>',
  '</pre>',
  '<nowiki>',
  '</nowiki>',
  '<source>',
  '</source>',
  '<math>',
  '<div>',
  '</div>',
  '<b>',
  '<span>',
  '<tt>',
  '&amp;',
  '&',
  '[http://a ',
  'http://',
  '-{',
  '}-',
  '__TOC__',
  '~~~~',
  '\n',
  '\n*',
  '\n#',
  '\n:',
  '\n;',
  '\n ',
  ' ',
  '\t',
  '<',
  '>',
  '"',
  '\r',
  '\u0000',
  '\uE000',
  'é',
  '{{{',
  '}}}',
  '[[File:',
  '[[Category:',
  '<img src="a.png">',
  'BIP 2',
  'Status: ',
];

const TRICKY = [
  '*',
  '**',
  ':',
  '-',
  '- ',
  '#',
  '## ',
  '`',
  '```',
  '~~~',
  '<',
  '>',
  '<pre>',
  '</pre>',
  '<!--',
  '-->',
  '[',
  ']',
  '(',
  ')',
  '](',
  '"',
  "'",
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '    ',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u0000',
  '\u001b[31m',
  'é',
  '🤖',
  '|',
  '{',
  '}',
  '&',
  '&#106;',
  '<a ',
  '<img src="',
  '[^',
  '[[',
  '<ref',
  '_',
  '=',
  '---',
  '...',
  'BIP-',
  'BIP 0',
  '0',
  '99999999',
  'null',
  '~',
  '!',
  '?',
  '\\',
  'Status',
  'Author',
  'Title',
  'BIP',
  'https://',
  'javascript:',
  '- ',
  '  - ',
  '? ',
  '&a ',
  '*a ',
  '!!str ',
  '%YAML ',
];

/** A small, seeded generator (the same seed gives the same cases everywhere). */
export function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

type Rng = ReturnType<typeof random>;

export function mutate(text: string, rng: Rng, alphabet: readonly string[] = TRICKY): string {
  const at = rng.int(text.length + 1);
  const end = Math.min(text.length, at + rng.int(40));
  switch (rng.int(7)) {
    case 0:
      return text.slice(0, at) + rng.pick(alphabet) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(end);
    case 2: {
      // A run: super-linear patterns show on long repeats.
      const unit = rng.next() < 0.5 ? rng.pick(alphabet) : text.slice(at, at + 1 + rng.int(6));
      return text.slice(0, at) + unit.repeat(1 + rng.int(3000)) + text.slice(at);
    }
    case 3: {
      const lines = text.split('\n');
      const i = rng.int(lines.length);
      lines.splice(rng.int(lines.length), 0, ...Array(1 + rng.int(50)).fill(lines[i]));
      return lines.join('\n');
    }
    case 4: {
      const lines = text.split('\n');
      const i = rng.int(lines.length);
      const j = rng.int(lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 5:
      return text.slice(0, at);
    default:
      return text.slice(0, at) + text.slice(at, end).toUpperCase() + text.slice(end);
  }
}

export type Family = 'markdown' | 'mediawiki';

/** Case `n` of a run: a seed text with one to five mutations. */
export function fuzzCase(seed: number, n: number, family: Family = 'markdown'): string {
  const rng = random(seed * 1_000_003 + n);
  const wiki = family === 'mediawiki';
  let text = wiki ? WIKI_SEED : rng.pick(SEEDS);
  for (let k = 1 + rng.int(5); k > 0; k--) text = mutate(text, rng, wiki ? WIKI_TRICKY : TRICKY);
  return text;
}

const template = readTemplate(
  `# BIP-XXX: [Title]\n\n## BIP Information\n${HEADER.slice(0, 8)
    .map(
      ([k]) =>
        `**${k}**: [${k === 'Type' ? 'Standards Track | Informational | Process' : k === 'Category' ? 'Core | Process | Interface' : 'value'}]`,
    )
    .join('\n')}\n\n## Abstract\n<!-- required -->\n`,
  DEFAULT_PROFILE,
);
const rules = { template, statuses: DEFAULT_STATUSES, profile: DEFAULT_PROFILE };
const schema = buildBipSchema(template);
const targets: LinkTargets = { pages: new Map(), files: new Map(), fileUrl: (p) => `/files/${p}`, base: '/' };
const MENTION = referencePattern(DEFAULT_PROFILE);

export interface CaseResult {
  ms: number;
  error?: unknown;
  /** Problems without a usable line or column. */
  unlocated: Diagnostic[];
}

/** Runs one text through the steps of a build; never throws. */
export function runCase(text: string, fileName = 'bip-0005.md'): CaseResult {
  const started = performance.now();
  try {
    const checked = checkBip(text, { file: fileName, fileName }, rules, schema);
    const body = checked.header.body;
    const diagnostics = [
      ...checked.diagnostics,
      ...sectionProblems(body, template.requiredSections, fileName),
      ...referenceProblems(body, 5, new Set([1, 2, 3]), fileName, DEFAULT_PROFILE),
      ...checkLinks(body, fileName, fileName, targets, false, { url: '/bip-5/', urls: new Set() }),
    ];
    const wiki = fileName.endsWith('.mediawiki');
    if (wiki) diagnostics.push(...wikiProblems(body, fileName));
    proseMentions(body, DEFAULT_PROFILE);
    summarize(body);
    const html = wiki ? renderWiki(body).html : `<p>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
    linkMentions(html, MENTION, (n) => `/bip-${n}/`);
    const unlocated = diagnostics.filter(
      (d) => !Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 1 || d.column < 1,
    );
    return { ms: performance.now() - started, unlocated };
  } catch (error) {
    return { ms: performance.now() - started, error, unlocated: [] };
  }
}
