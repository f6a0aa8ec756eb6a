/**
 * The one place that decides which social cards exist and what each shows: page meta tags take
 * their og:image from here, and the build renders exactly the cards listed here.
 */
import type { CardSpec } from '../lib/og/card.ts';
import { authorLine } from '../lib/bip/authors.ts';
import { CARDS_KEY, type CardJob } from '../lib/og/build.ts';
import { bipByNumber, bips, companions, extraFacets, facets, type FacetKey } from './bips.ts';
import { config, labelOf, state, statusTone, urls } from './site.ts';

const site = import.meta.env.SITE ? new URL(import.meta.env.SITE).host : undefined;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const base = (spec: Omit<CardSpec, 'registry' | 'site'>): CardSpec => ({
  registry: config.name,
  ...spec,
  ...(site ? { site } : {}),
});
const fileOf = (pagePath: string) => `og/${pagePath.slice(urls.base.length).replace(/\/$/, '') || 'index'}.png`;

function jobs(): Map<string, CardJob> {
  const out = new Map<string, CardJob>();
  const add = (pagePath: string, spec: CardSpec) => out.set(pagePath, { file: fileOf(pagePath), spec });
  add(
    urls.home(),
    base({
      eyebrow: plural(bips.length, config.profile.term, config.profile.plural),
      title: config.name,
      tags: [],
      byline: config.description,
    }),
  );
  for (const b of bips) {
    const d = b.data;
    add(
      urls.bip(d.bip),
      base({
        eyebrow: labelOf(d.bip),
        title: d.title,
        status: { name: d.status, tone: statusTone(d.status) },
        tags: [d.type, d.category].filter((t): t is string => !!t),
        byline: authorLine(d.author),
      }),
    );
  }
  for (const c of companions) {
    const parent = bipByNumber(c.data.bip)!.data;
    add(
      urls.companion(c.data.bip, c.data.slug),
      base({
        eyebrow: `${labelOf(parent.bip)} · companion`,
        title: c.data.title,
        status: { name: parent.status, tone: statusTone(parent.status) },
        tags: [],
        byline: `A companion document of ${labelOf(parent.bip)}: ${parent.title}`,
      }),
    );
  }
  for (const key of ['status', 'category', 'type', ...extraFacets.map((f) => f.key)] as FacetKey[]) {
    const facet = facets[key]!;
    const groups = facet.groups.filter((g) => g.bips.length > 0);
    add(
      facet.link(),
      base({ eyebrow: 'Listing', title: facet.plural, tags: groups.slice(0, 4).map((g) => `${g.name}: ${g.bips.length}`) }),
    );
    for (const g of groups) {
      add(
        facet.link(g.name),
        base({
          eyebrow: facet.label,
          title: g.name,
          ...(key === 'status' ? { status: { name: g.name, tone: statusTone(g.name) } } : {}),
          tags: [plural(g.bips.length, config.profile.term, config.profile.plural)],
          ...(g.description ? { byline: g.description } : {}),
        }),
      );
    }
  }
  return out;
}

const cards = config.ogImages ? jobs() : new Map<string, CardJob>();

/** Every card the build renders (empty when OG images are switched off), handed to the
 * post-build step through the build state. */
export const cardJobs: CardJob[] = state.derive(CARDS_KEY, () => [...cards.values()]);

const files = new Map<string, string>();
for (const [page, job] of cards) {
  // Two pages whose paths map to one file (`/status/x/` and `/status/x`) would show one card.
  const other = files.get(job.file);
  if (other) throw new Error(`OG images: ${page} and ${other} would share ${job.file}`);
  files.set(job.file, page);
}

/** The absolute URL of a page's card: its own, or the registry's for pages without one. */
export function ogImageFor(pagePath: string): string | undefined {
  const job = cards.get(pagePath) ?? cards.get(urls.home());
  return job && urls.absolute(urls.asset(job.file));
}
