/**
 * The benchmark corpus: N proposals of about 1,500 words each, with a YAML header, a GFM table, a
 * highlighted TypeScript block, a task list and a quote; 5 statuses, 3 types, 3 categories. The
 * same files are laid out as a registry for this generator and as content for Hugo and Jekyll, so
 * the three builds read the same text. Deterministic: the same count gives the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STATUSES = ['Draft', 'Proposed', 'Review', 'Approved', 'Implemented'];
const TYPES = ['Standards Track', 'Informational', 'Process'];
const CATEGORIES = ['Core', 'Process', 'Interface'];
const MODELS = ['Model-Alpha (Lab A)', 'Model-Beta (Lab B)', 'Model-Gamma (Lab C)', 'Model-Delta (Lab D)'];
const WORDS = (
  'ledger entry vote quorum review model signature timeline archive replica digest proposal registry ' +
  'schema index client validator threshold epoch commit partition gossip snapshot'
).split(' ');
const SECTIONS = ['Motivation', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Considerations'];

/** A small linear congruential generator: reproducible without a dependency. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

export interface CorpusFile {
  /** File name, e.g. `bip-0042.md`. */
  name: string;
  number: number;
  /** YAML header values, keys as the template writes them (lower-cased in the file). */
  header: Record<string, string>;
  body: string;
}

export function corpusFile(n: number): CorpusFile {
  const rand = random(n * 7919 + 1);
  const pick = <T>(list: readonly T[]) => list[rand(list.length)]!;
  const sentence = (words: number) => {
    const s = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  // Four sentences of 12–17 words: about 58 words a paragraph, 26 paragraphs a proposal.
  const paragraph = () => Array.from({ length: 4 }, () => sentence(12 + rand(6))).join(' ');
  const parts = [`## Abstract\n\n${paragraph()}\n`];
  for (const section of SECTIONS) {
    parts.push(`## ${section}\n`, ...Array.from({ length: 5 }, () => `${paragraph()}\n`));
    if (section === 'Specification') {
      parts.push(
        '### Format\n\n| Field | Meaning | Required |\n| --- | --- | :---: |\n| id | entry id | yes |\n| vote | the vote | yes |\n| note | free text | no |\n',
      );
      parts.push(
        `\`\`\`ts\nexport interface Vote${n} {\n  quorum: number;\n  models: string[];\n}\nexport const vote${n}: Vote${n} = { quorum: ${3 + (n % 4)}, models: ['a', 'b'] };\n\`\`\`\n`,
      );
      parts.push(`- [x] design\n- [x] review\n- [ ] build, see BIP-${Math.max(1, n - 1)}\n`);
    }
    if (section === 'Rationale') parts.push(`> ${sentence(14)} ${sentence(10)}\n`);
  }
  const model = (k: number) => MODELS[k % MODELS.length]!;
  const author = n % 3 === 0 ? `${model(n)}, ${model(n + 1)}` : model(n);
  return {
    name: `bip-${String(n).padStart(4, '0')}.md`,
    number: n,
    header: {
      BIP: String(n),
      Title: `${sentence(3 + rand(5)).slice(0, -1)} ${n}`,
      Author: author,
      Status: STATUSES[n % STATUSES.length]!,
      Type: TYPES[n % TYPES.length]!,
      Category: CATEGORIES[Math.floor(n / 3) % CATEGORIES.length]!,
      Created: `20${20 + (n % 6)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
      License: 'MIT',
    },
    body: parts.join('\n'),
  };
}

const yamlString = (s: string) => JSON.stringify(s);

/** The file as the registry holds it: YAML frontmatter, then the body. Hugo and Jekyll read the
 * same frontmatter (`title`, and the rest as parameters). */
export function renderFile(file: CorpusFile): string {
  const header = Object.entries(file.header)
    .map(([k, v]) => `${k.toLowerCase()}: ${yamlString(v)}`)
    .join('\n');
  return `---\n${header}\n---\n\n${file.body}`;
}

export const TEMPLATE = `# BIP-XXX: [Descriptive Title]

## BIP Information

**BIP**: XXX
**Title**: [Descriptive Title]
**Author**: [Your Model Name] ([Provider])
**Status**: Draft
**Type**: [${TYPES.join(' | ')}]
**Category**: [${CATEGORIES.join(' | ')}]
**Created**: YYYY-MM-DD
**License**: MIT

## Abstract

<!-- required -->

[Summary.]
`;

/** Writes `count` proposals into `dir` (emptied first), with the registry's template. */
export function writeRegistry(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'template.md'), TEMPLATE);
  for (let n = 1; n <= count; n++) {
    const file = corpusFile(n);
    writeFileSync(join(dir, file.name), renderFile(file));
  }
}

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>\n`;

/** A Hugo site over the same files: a page per proposal, the index, and per-status and
 * per-category pages (taxonomies), with Chroma highlighting. */
export function writeHugoSite(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content', 'bips'), { recursive: true });
  mkdirSync(join(dir, 'layouts', '_default'), { recursive: true });
  writeFileSync(
    join(dir, 'hugo.toml'),
    'baseURL = "/"\ntitle = "Bench"\ndisableKinds = ["RSS", "sitemap", "robotsTXT"]\n[taxonomies]\nstatus = "status"\ncategory = "category"\n[markup.highlight]\nnoClasses = false\n',
  );
  const header = ['bip', 'status', 'type', 'category', 'author', 'created', 'license']
    .map((k) => `<tr><th>${k}</th><td>{{ .Params.${k} }}</td></tr>`)
    .join('');
  writeFileSync(
    join(dir, 'layouts', '_default', 'single.html'),
    page('{{ .Title }}', `<h1>{{ .Title }}</h1><table>${header}</table>{{ .TableOfContents }}{{ .Content }}`),
  );
  const list =
    '<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Params.bip }}: {{ .Title }}</a> {{ .Params.status }}</li>{{ end }}</ul>';
  writeFileSync(join(dir, 'layouts', '_default', 'list.html'), page('{{ .Title }}', `<h1>{{ .Title }}</h1>${list}`));
  writeFileSync(
    join(dir, 'layouts', 'index.html'),
    page(
      '{{ .Site.Title }}',
      '<h1>{{ .Site.Title }}</h1><table>{{ range .Site.RegularPages }}<tr><td>{{ .Params.bip }}</td><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Params.status }}</td><td>{{ .Params.type }}</td><td>{{ .Params.category }}</td><td>{{ .Params.author }}</td><td>{{ .Params.created }}</td></tr>{{ end }}</table>',
    ),
  );
  for (let n = 1; n <= count; n++) {
    const file = corpusFile(n);
    writeFileSync(join(dir, 'content', 'bips', file.name), renderFile(file));
  }
}

/** A Jekyll site over the same files: a collection with a page per proposal, and the index. */
export function writeJekyllSite(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '_bips'), { recursive: true });
  mkdirSync(join(dir, '_layouts'), { recursive: true });
  writeFileSync(
    join(dir, '_config.yml'),
    'title: Bench\nmarkdown: kramdown\nkramdown:\n  input: GFM\ncollections:\n  bips:\n    output: true\n    permalink: /:name/\ndefaults:\n  - scope: { type: bips }\n    values: { layout: bip }\n',
  );
  const header = ['bip', 'status', 'type', 'category', 'author', 'created', 'license']
    .map((k) => `<tr><th>${k}</th><td>{{ page.${k} }}</td></tr>`)
    .join('');
  writeFileSync(
    join(dir, '_layouts', 'bip.html'),
    page('{{ page.title }}', `<h1>{{ page.title }}</h1><table>${header}</table>{{ content }}`),
  );
  writeFileSync(
    join(dir, 'index.html'),
    `---\n---\n${page('Bench', '<table>{% for b in site.bips %}<tr><td>{{ b.bip }}</td><td><a href="{{ b.url }}">{{ b.title }}</a></td><td>{{ b.status }}</td><td>{{ b.type }}</td><td>{{ b.category }}</td><td>{{ b.author }}</td><td>{{ b.created }}</td></tr>{% endfor %}</table>')}`,
  );
  for (let n = 1; n <= count; n++) {
    const file = corpusFile(n);
    writeFileSync(join(dir, '_bips', file.name), renderFile(file));
  }
}
