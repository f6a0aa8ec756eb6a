/**
 * What a registry is read for, built for real from a git repository the test makes: feeds
 * (newest, per status, changes from the history), the JSON API against its published schema,
 * relations both ways, prose mentions, a review timeline, page history and sitemap dates, and
 * citations. Then the same registry outside git, which builds and says what it could not know.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { XMLParser } from 'fast-xml-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { fixture } from '../helpers.ts';
import { runBuild, type BuildRun } from './run-build.ts';

const SITE = 'https://registry.example.org';
const SOURCE = 'https://github.com/example/registry/blob/main/bips';
/** The review commit is made in Tokyo early on 1 February: in UTC, which pages and feeds use, it is 31 January. */
const DAYS = { first: '2025-01-15T10:00:00+00:00', review: '2025-02-01T01:30:00+09:00', final: '2025-02-04T16:00:00+00:00' };

interface FeedItem {
  title: string;
  link: string;
  pubDate?: string;
  guid?: string | { '#text': string };
  category?: string | string[];
}
const parser = new XMLParser({ ignoreAttributes: false });
/** An RSS 2.0 document's channel and items, failing when it is not one. */
function feed(xml: string): { title: string; link: string; items: FeedItem[] } {
  const doc = parser.parse(xml) as { rss?: { '@_version'?: string; channel?: Record<string, unknown> } };
  expect(doc.rss?.['@_version']).toBe('2.0');
  const channel = doc.rss!.channel!;
  expect(typeof channel.title).toBe('string');
  expect(typeof channel.description).toBe('string');
  const raw = channel.item;
  const items = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) as FeedItem[];
  for (const item of items) {
    expect(item.link).toMatch(/^https:\/\//);
    if (item.pubDate) expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
  }
  return { title: channel.title as string, link: channel.link as string, items };
}

describe('a registry in git: feeds, API, relations, reviews and history', () => {
  let repo: string;
  let build: BuildRun;
  const shas: Record<string, string> = {};

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'bip-history-'));
    const bips = join(repo, 'bips');
    cpSync(fixture('history-registry'), bips, { recursive: true });
    const git = (date: string, ...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=Registry Editor', '-c', 'user.email=editor@example.org', '-c', 'commit.gpgsign=false', ...args],
        {
          cwd: repo,
          encoding: 'utf8',
          env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
        },
      ).trim();
    const final = join(bips, 'BIP-03', 'FINAL_REVIEW.md');
    const finalText = readFileSync(final, 'utf8');
    rmSync(final);
    git(DAYS.first, 'init', '-q', '-b', 'main');
    git(DAYS.first, 'add', '.');
    git(DAYS.first, 'commit', '-q', '-m', 'Add BIP-2, BIP-3 and BIP-8');
    shas.first = git(DAYS.first, 'rev-parse', 'HEAD');
    const bip2 = join(bips, 'bip-0002.md');
    writeFileSync(bip2, readFileSync(bip2, 'utf8').replace('**Status**: Draft', '**Status**: Review'));
    git(DAYS.review, 'commit', '-q', '-am', 'BIP-2 is ready for review');
    shas.review = git(DAYS.review, 'rev-parse', 'HEAD');
    writeFileSync(final, finalText);
    git(DAYS.final, 'add', '.');
    git(DAYS.final, 'commit', '-q', '-m', 'Final review of BIP-3');
    shas.final = git(DAYS.final, 'rev-parse', 'HEAD');
    build = runBuild(bips, { SITE, BIPS_SOURCE_URL: SOURCE, OG_IMAGES: 'off' });
  });
  afterAll(() => {
    build?.remove();
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  test('the build succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  test('feed.xml holds every proposal, newest first, with absolute links', () => {
    const f = feed(build.read('feed.xml'));
    expect(f.link).toBe(`${SITE}/`);
    expect(f.items.map((i) => i.title)).toEqual([
      'BIP-8: Receipt Archives',
      'BIP-3: Tally Snapshots',
      'BIP-2: Signed Vote Receipts',
    ]);
    expect(f.items[0]!.link).toBe(`${SITE}/bip-8/`);
    expect(new Date(f.items[0]!.pubDate!).toISOString()).toBe('2025-01-12T00:00:00.000Z');
  });

  test('a status feed holds the proposals of that status', () => {
    expect(feed(build.read('status/review/feed.xml')).items.map((i) => i.title)).toEqual(['BIP-2: Signed Vote Receipts']);
    expect(feed(build.read('status/draft/feed.xml')).items.map((i) => i.title)).toEqual(['BIP-8: Receipt Archives']);
  });

  test('changes.xml has the committed status change, dated by its commit, and the new proposals', () => {
    const items = feed(build.read('changes.xml')).items;
    expect(items[0]!.title).toBe('BIP-2 moved from Draft to Review');
    expect(new Date(items[0]!.pubDate!).toISOString()).toBe(new Date(DAYS.review).toISOString());
    expect(items[0]!.link).toBe(`${SITE}/bip-2/`);
    const added = items.filter((i) => i.title.includes(' added: ')).map((i) => i.title);
    expect(added.sort()).toEqual([
      'BIP-2 added: Signed Vote Receipts (Draft)',
      'BIP-3 added: Tally Snapshots (Approved)',
      'BIP-8 added: Receipt Archives (Draft)',
    ]);
    const guids = items.map((i) => (typeof i.guid === 'string' ? i.guid : i.guid?.['#text']));
    expect(new Set(guids).size).toBe(items.length);
  });

  test('pages link their feeds, in the head and visibly', () => {
    const page = build.read('status/review/index.html');
    expect(page).toContain(
      `<link rel="alternate" type="application/rss+xml" title="BIP Registry: BIPs in Review" href="${SITE}/status/review/feed.xml">`,
    );
    expect(page).toContain(`href="${SITE}/changes.xml"`);
    expect(page).toMatch(/<a href="\/changes.xml">Status changes \(RSS\)<\/a>/);
  });

  test('the JSON API validates against the schema it publishes', () => {
    const schema = JSON.parse(build.read('api/schema.json')) as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const list = JSON.parse(build.read('api/bips.json')) as { count: number; proposals: { number: number }[] };
    expect(validate(list), ajv.errorsText(validate.errors)).toBe(true);
    expect(list.count).toBe(3);
    const one = ajv.getSchema(`${SITE}/api/schema.json#/$defs/proposal`)!;
    for (const n of [2, 3, 8]) {
      const doc = JSON.parse(build.read(`api/bips/${n}.json`)) as unknown;
      expect(one(doc), `${n}: ${ajv.errorsText(one.errors)}`).toBe(true);
      expect(doc).toEqual({ $schema: `${SITE}/api/schema.json#/$defs/proposal`, ...list.proposals.find((p) => p.number === n) });
    }
    // A record that breaks the schema is refused: the check can fail.
    expect(validate({ ...list, count: -1 })).toBe(false);
  });

  test('a record carries the normalized header, relations both ways, companions, history and review', () => {
    const list = JSON.parse(build.read('api/bips.json')) as { proposals: Record<string, any>[] };
    const bip8 = list.proposals.find((p) => p.number === 8)!;
    expect(bip8).toMatchObject({
      label: 'BIP-8',
      title: 'Receipt Archives',
      status: 'Draft',
      license: 'CC0-1.0',
      url: `${SITE}/bip-8/`,
      authors: [
        { name: 'Model-L', provider: 'Lab Lambda' },
        { name: 'Robin Example', handle: 'robinex' },
      ],
      relations: { requires: [2] },
      source: { path: 'bip-0008.md', format: 'md', url: `${SOURCE}/bip-0008.md` },
    });
    expect(bip8.fields).toContainEqual({ key: 'Requires', label: 'Requires', value: 'BIP-2' });
    const bip2 = list.proposals.find((p) => p.number === 2)!;
    expect(bip2.relations['required-by']).toEqual([8]);
    expect(bip2.status).toBe('Review');
    expect(bip2.history).toEqual({
      created: { sha: shas.first, date: DAYS.first, url: `https://github.com/example/registry/commit/${shas.first}` },
      modified: { sha: shas.review, date: DAYS.review, url: `https://github.com/example/registry/commit/${shas.review}` },
      commits: 2,
      uncommitted: false,
      url: 'https://github.com/example/registry/commits/main/bips/bip-0002.md',
    });
    const bip3 = list.proposals.find((p) => p.number === 3)!;
    expect(bip3.review).toMatchObject({ state: 'approved', label: 'Approved (Final)', peerApprovals: 2 });
    expect(bip3.companions.filter((c: any) => c.review).length).toBe(4);
  });

  test('a Requires in BIP-8 shows as "Required by" on BIP-2, with the status badge', () => {
    const page = build.read('bip-2/index.html');
    const section = /<section class="relations"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(section).toMatch(
      /<dt>Required by<\/dt><dd><ul><li><a href="\/bip-8\/">BIP-8: Receipt Archives<\/a> <a class="badge" href="\/status\/draft\/"/,
    );
    expect(build.read('bip-8/index.html')).toMatch(
      /<dt>Requires<\/dt><dd><ul><li><a href="\/bip-2\/">BIP-2: Signed Vote Receipts<\/a>/,
    );
  });

  test('a prose mention links; code, inline code and link targets do not', () => {
    const page = build.read('bip-8/index.html');
    expect(page).toContain('every receipt that <a class="mention" href="/bip-2/">BIP 2</a> defines');
    expect(page).toContain('<code>archive --from BIP-2</code>');
    expect(page).toMatch(/BIP-2 inside a code block is not a mention/);
    expect(page).not.toMatch(/<a class="mention" href="\/bip-2\/">BIP-2<\/a> inside/);
    expect(page).toContain('href="https://example.org/BIP-2"');
  });

  test('the review shows its state and a dated timeline linking each report', () => {
    const page = build.read('bip-3/index.html');
    const section = /<section class="review"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(section).toContain('Approved (Final)');
    expect(section).toContain('2 of 2 peer approvals');
    const entries = [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(entries).toEqual([
      '2025-01-20 Peer review by Model-P (Lab Pi) Request changes',
      '2025-01-27 Peer review by Model-R (Lab Rho) Approve',
      '2025-01-29 Peer review by Model-P (Lab Pi) Approve',
      '2025-02-03 Final review by Model-F (Lab Phi) Approve',
    ]);
    expect(section).toContain('href="/bip-3/final-review/"');
    expect(page).toMatch(/<th scope="row">Review<\/th>\s*<td>\s*<a href="#review-title">Approved \(Final\)<\/a>/);
    expect(build.read('bip-3/peer-review-1/index.html')).toMatch(
      /Peer review of <a href="\/bip-3\/">BIP-3: Tally Snapshots<\/a> by Model-P \(Lab Pi\) on <time datetime="2025-01-20">2025-01-20<\/time>: Request changes/,
    );
  });

  test('pages show when they were created and last changed, with the commits linked; the sitemap agrees', () => {
    const page = build.read('bip-2/index.html');
    const line = /<p class="page-history"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
    expect(line).toContain(`Created <time datetime="${DAYS.first}">2025-01-15</time>`);
    expect(line).toContain(`Last changed <time datetime="${DAYS.review}">2025-01-31</time>`);
    expect(line).toContain(`href="https://github.com/example/registry/commit/${shas.review}">${shas.review!.slice(0, 7)}</a>`);
    expect(line).toContain('href="https://github.com/example/registry/commits/main/bips/bip-0002.md">History</a>');
    const sitemap = build.read('sitemap.xml');
    expect(sitemap).toContain(`<loc>${SITE}/bip-2/</loc><lastmod>${DAYS.review}</lastmod>`);
    expect(sitemap).toContain(`<loc>${SITE}/bip-8/</loc><lastmod>${DAYS.first}</lastmod>`);
    expect(sitemap).toContain(`<loc>${SITE}/bip-3/final-review/</loc><lastmod>${DAYS.final}</lastmod>`);
    // BIP-3's page shows its review timeline, which the final review changed.
    expect(sitemap).toContain(`<loc>${SITE}/bip-3/</loc><lastmod>${DAYS.final}</lastmod>`);
  });

  test('"Cite this BIP" gives plain text, BibTeX and CSL-JSON', () => {
    const page = build.read('bip-8/index.html');
    expect(page).toContain('<summary>Cite this BIP</summary>');
    // Inside <pre>, with no white space before or after (it would be shown).
    expect(page).toContain(
      `<pre tabindex="0"><code>Model-L and Robin Example. &quot;BIP-8: Receipt Archives.&quot; BIP Registry, no. 8, January 2025. ${SITE}/bip-8/</code></pre>`,
    );
    expect(page).toContain('<code class="language-bibtex">@misc{bip-8,');
    expect(page).toContain('  author = {{Model-L} and {Robin Example}},');
    expect(page).toContain('  month = jan,');
    const csl = /<code class="language-json">([\s\S]*?)<\/code>/.exec(page)?.[1] ?? '';
    const parsed = JSON.parse(csl.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Record<string, unknown>[];
    expect(parsed[0]).toMatchObject({
      id: 'bip-8',
      type: 'report',
      issued: { 'date-parts': [[2025, 1, 12]] },
      URL: `${SITE}/bip-8/`,
    });
  });
});

describe('the same registry outside git', () => {
  let dir: string;
  let build: BuildRun;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bip-nogit-'));
    cpSync(fixture('history-registry'), dir, { recursive: true });
    build = runBuild(dir, { SITE, OG_IMAGES: 'off', GIT_CEILING_DIRECTORIES: tmpdir() });
  });
  afterAll(() => {
    build?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('builds, says why there is no history, and keeps feeds and sitemap without dates from git', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/history: no page history: .* is not in a git repository/);
    expect(build.read('bip-2/index.html')).toMatch(
      /<p class="page-history"[^>]*>\s*Page history is not available: this site was built without the git history of its registry\.\s*<\/p>/,
    );
    expect(build.read('bip-2/index.html')).not.toContain(dir);
    expect(feed(build.read('changes.xml')).items).toEqual([]);
    expect(feed(build.read('feed.xml')).items).toHaveLength(3);
    expect(build.read('sitemap.xml')).not.toContain('<lastmod>');
    const list = JSON.parse(build.read('api/bips.json')) as { proposals: Record<string, unknown>[] };
    expect(list.proposals.every((p) => p.history === undefined)).toBe(true);
  });
});

describe('a build from a shallow clone', () => {
  let repo: string;
  let clone: string;
  let build: BuildRun;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'bip-deep-'));
    clone = mkdtempSync(join(tmpdir(), 'bip-shallow-'));
    cpSync(fixture('history-registry'), join(repo, 'bips'), { recursive: true });
    const git = (cwd: string, date: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=e@example.org', '-c', 'commit.gpgsign=false', ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
    git(repo, DAYS.first, 'init', '-q', '-b', 'main');
    git(repo, DAYS.first, 'add', '.');
    git(repo, DAYS.first, 'commit', '-q', '-m', 'First');
    const bip8 = join(repo, 'bips', 'bip-0008.md');
    writeFileSync(bip8, readFileSync(bip8, 'utf8').replace('**Status**: Draft', '**Status**: Review'));
    git(repo, DAYS.review, 'commit', '-q', '-am', 'BIP-8 to review');
    // Only the last commit: what CI checks out by default.
    git(clone, DAYS.review, 'clone', '-q', '--depth', '1', `file://${repo}`, 'r');
    build = runBuild(join(clone, 'r', 'bips'), { SITE, OG_IMAGES: 'off' });
  });
  afterAll(() => {
    build?.remove();
    for (const dir of [repo, clone]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('builds, claims no dates its first commit cannot vouch for, and says so', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('history: a shallow clone');
    const line = /<p class="page-history"[^>]*>([\s\S]*?)<\/p>/.exec(build.read('bip-8/index.html'))?.[1] ?? '';
    expect(line).not.toMatch(/Created|Last changed/);
    expect(line).toContain('Dates before the first commit of the shallow clone this site was built from are not known.');
    // Every proposal looks added in the clone's only commit: none of that is news.
    expect(feed(build.read('changes.xml')).items).toEqual([]);
    expect(build.read('sitemap.xml')).not.toContain('<lastmod>');
    const list = JSON.parse(build.read('api/bips.json')) as { proposals: { history?: Record<string, unknown> }[] };
    expect(list.proposals.every((p) => p.history && !('created' in p.history) && !('modified' in p.history))).toBe(true);
  });
});
