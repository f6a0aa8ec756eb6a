/** `npm run audit:lighthouse`: its options, the pages it picks, and how a result reads as a table row. */
import { describe, expect, test } from 'vitest';
import {
  belowMin,
  formatFailures,
  formatTable,
  pagesToAudit,
  parseArgs,
  reportName,
  summarize,
  type LighthouseResult,
} from '../../scripts/lighthouse/report.ts';

describe('audit:lighthouse options', () => {
  test.each([
    ['nothing', [], { min: 100 }],
    ['a built site', ['--dist', 'dist'], { dist: 'dist', min: 100 }],
    ['a registry and a minimum', ['--registry=/tmp/r', '--min', '90'], { registry: '/tmp/r', min: 90 }],
    ['a report folder', ['--reports', 'out', '--min=0'], { reports: 'out', min: 0 }],
    ['an unknown option', ['--fast'], { error: 'unknown argument --fast' }],
    ['a path as the first argument', ['dist'], { error: 'unknown argument dist' }],
    ['an option without its value', ['--dist'], { error: '--dist needs a value' }],
    ['a minimum over 100', ['--min', '101'], { error: '--min must be a number from 0 to 100, not 101' }],
    ['a minimum that is no number', ['--min', 'high'], { error: '--min must be a number from 0 to 100, not high' }],
    ['both a site and a registry', ['--dist', 'd', '--registry', 'r'], { error: '--dist and --registry cannot be combined' }],
  ])('%s', (_, args, expected) => {
    expect(parseArgs(args)).toEqual(expected);
  });
});

describe('the pages audited', () => {
  test.each([
    [
      'at the root',
      {
        base: '/',
        bips: [
          { number: 5, url: '/bip-5/' },
          { number: 2, url: '/bip-2/' },
        ],
      },
      ['/', '/bip-2/', '/search/'],
    ],
    [
      'under a base, another profile',
      { base: '/pr-4', bips: [{ number: 1, url: '/pr-4/eip-1/' }] },
      ['/pr-4/', '/pr-4/eip-1/', '/pr-4/search/'],
    ],
  ])('%s: the index, the lowest-numbered proposal and search', (_, manifest, pages) => {
    expect(pagesToAudit(manifest).pages).toEqual(pages);
  });

  test('a site without proposals is an error', () => {
    expect(() => pagesToAudit({ base: '/', bips: [] })).toThrow('bips.json lists no proposal');
  });

  test.each([
    ['/', '/', 'mobile', 'index.mobile'],
    ['/bip-1/', '/', 'desktop', 'bip-1.desktop'],
    ['/pr-4/EIPS/eip-1/', '/pr-4/', 'mobile', 'EIPS-eip-1.mobile'],
  ] as const)('the report of %s under %s (%s) is %s', (page, base, formFactor, name) => {
    expect(reportName(page, base, formFactor)).toBe(name);
  });
});

const audit = (title: string, score: number | null, extra = {}) => ({ title, score, scoreDisplayMode: 'binary', ...extra });
const category = (score: number | null, ids: [string, number][]) => ({
  score,
  auditRefs: ids.map(([id, weight]) => ({ id, weight })),
});
const RESULT: LighthouseResult = {
  finalDisplayedUrl: 'http://127.0.0.1:4000/',
  environment: { benchmarkIndex: 1200 },
  categories: {
    performance: category(0.954, [
      ['total-blocking-time', 30],
      ['render-blocking-insight', 0],
    ]),
    accessibility: category(1, [['color-contrast', 7]]),
    'best-practices': category(1, []),
    seo: category(0.92, [
      ['document-title', 1],
      ['canonical', 1],
    ]),
  },
  audits: {
    'total-blocking-time': audit('Total Blocking Time', 0.84, { scoreDisplayMode: 'numeric', displayValue: '250 ms' }),
    'render-blocking-insight': audit('Render-blocking requests', 0.5, {
      details: { type: 'table', items: [{ url: 'http://127.0.0.1:4000/_astro/Base.css' }] },
    }),
    'color-contrast': audit('Background and foreground colors have a sufficient contrast ratio', 1),
    'document-title': audit('Document has a `<title>` element', 1),
    canonical: audit('Document does not have a valid `rel=canonical`', 0, { explanation: 'Is not an absolute URL (/)' }),
    'cumulative-layout-shift': audit('Cumulative Layout Shift', 1, { numericValue: 0.0081 }),
    'largest-contentful-paint': audit('Largest Contentful Paint', 1, { numericValue: 1580 }),
  },
};

describe('a Lighthouse result as a row', () => {
  const row = summarize('/', 'mobile', RESULT);

  test('scores in 0–100, CLS and LCP', () => {
    expect(formatTable([row])).toBe(
      [
        '| page | form factor | performance | accessibility | best-practices | seo | CLS | LCP |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| / | mobile | 95 | 100 | 100 | 92 | 0.008 | 1.58 s |',
      ].join('\n'),
    );
  });

  test('the failed audits of each score under 100, weighted first, with their values and places', () => {
    expect(formatFailures([row])).toBe(
      [
        '- / (mobile), performance 95:',
        '  - `total-blocking-time` Total Blocking Time (250 ms, score 0.84, weight 30)',
        '  - `render-blocking-insight` Render-blocking requests (weight 0): `/_astro/Base.css`',
        '- / (mobile), seo 92:',
        '  - `canonical` Document does not have a valid `rel=canonical` (Is not an absolute URL (/), score 0, weight 1)',
      ].join('\n'),
    );
  });

  test.each([
    [100, ['/ (mobile): performance 95 < 100', '/ (mobile): seo 92 < 100']],
    [93, ['/ (mobile): seo 92 < 93']],
    [0, []],
  ])('scores below --min %d', (min, low) => {
    expect(belowMin([row], min)).toEqual(low);
  });

  test('a run Lighthouse could not score fails every minimum above 0 and says why', () => {
    const broken = summarize('/search/', 'desktop', {
      categories: { performance: category(null, []) },
      audits: {},
      runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' },
    });
    expect(formatTable([broken])).toContain('| /search/ | desktop | – | – | – | – | – | – |');
    expect(formatFailures([broken])).toBe(
      '- /search/ (desktop): Lighthouse could not audit it: NO_FCP: The page did not paint any content.',
    );
    expect(belowMin([broken], 1)).toHaveLength(4);
    expect(belowMin([broken], 0)).toEqual([]);
  });
});
