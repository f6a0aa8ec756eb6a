/** The site's settings and URL builder, for pages and components, from the build's one registry
 * state (lib/registry/state.ts). */
import { buildState } from '../lib/registry/state.ts';
import { headerFields, type HeaderField } from '../lib/bip/fields.ts';
import type { BipData } from '../lib/bip/schema.ts';
import { makeUrls } from '../lib/urls.ts';
import { deployFromEnv } from '../lib/deploy.ts';
import { label } from '../lib/profile/profile.ts';
import { slugify } from '../lib/bip/slug.ts';
import { readTheme, THEME_CSS } from '../lib/theme.ts';

export { THEME_CSS };

export const state = buildState();
export const config = state.config;
export const template = state.setup.rules.template;
export const profile = config.profile;
export const urls = makeUrls(import.meta.env.BASE_URL, import.meta.env.SITE, profile.urls.proposal, slugify(profile.plural));
/** The registry's own look: its stylesheet, logo and files (lib/theme.ts). */
export const theme = readTheme(config.themeDir);

/** What the browser scripts need of the profile, on the page's root element. */
export const clientProfile = JSON.stringify({
  term: profile.term,
  plural: profile.plural,
  prefixes: profile.numbering.spec.prefixes,
  proposal: profile.urls.proposal,
});

/** Set when this build is a preview (of a pull request): pages say so and ask not to be indexed. */
export const preview = deployFromEnv(process.env).preview;

/** A BIP's header fields as text, in the template's order (see lib/bip/fields.ts). */
export function fieldsOf(data: BipData): HeaderField[] {
  return headerFields(data, template);
}

/** Link to a BIP file in its repository, when `sourceUrl` is configured. */
export function sourceLink(relPath: string): string | undefined {
  if (!config.sourceUrl) return undefined;
  return config.sourceUrl.replace(/\/?$/, '/') + relPath.split('/').map(encodeURIComponent).join('/');
}

/** A status's badge tone, from what the status means (lib/profile/lifecycle.ts); outside the
 * lifecycle, `other`. */
export function statusTone(status: string): string {
  return config.lifecycle.tone(status);
}

/** Sort position of a status: by meaning, then lifecycle order; statuses outside it come last. */
export function statusRank(status: string): number {
  return config.lifecycle.rank(status);
}

/** `BIP-5`, `EIP-1559`. */
export const labelOf = (n: number) => label(profile, n);

/** A header key as a reader expects it: YAML's `discussions-to` → `Discussions to`, `eip` → `EIP`. */
export function fieldLabel(label: string): string {
  if (label.toLowerCase() === profile.term.toLowerCase()) return profile.term;
  return label === label.toLowerCase() ? label.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) : label;
}

/** A template field's label, else the given one: Bitcoin's date column says "Assigned". */
const labelFor = (name: string, fallback: string) => fieldLabel(template.fields.find((f) => f.name === name)?.label ?? fallback);
const declared = (name: string) => template.fields.some((f) => f.name === name);

/** The registry table's columns: the optional ones only when the template has the field. */
export const tableColumns: { key: string; label: string; cls?: string; type?: string }[] = [
  { key: 'num', label: profile.term, cls: 'num', type: 'number' },
  { key: 'title', label: 'Title' },
  { key: 'status', label: 'Status', type: 'number' },
  ...(declared('type') ? [{ key: 'type', label: labelFor('type', 'Type') }] : []),
  ...(declared('category') ? [{ key: 'category', label: labelFor('category', 'Category') }] : []),
  { key: 'authors', label: 'Authors' },
  ...(declared('created') ? [{ key: 'created', label: labelFor('created', 'Created') }] : []),
];
