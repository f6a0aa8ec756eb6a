/**
 * The part of the profile the browser scripts read, from the page's root element (Base.astro
 * writes it): what a proposal is called, the prefixes of its number, its URL pattern.
 */
export interface ClientProfile {
  term: string;
  plural: string;
  prefixes: string[];
  proposal: string;
}

let cached: ClientProfile | undefined;

export function profileOf(): ClientProfile {
  if (cached) return cached;
  let read: Partial<ClientProfile> = {};
  try {
    read = JSON.parse(document.documentElement.dataset.profile ?? '{}') as Partial<ClientProfile>;
  } catch {
    // A page without the attribute: the defaults below.
  }
  const term = read.term ?? '';
  cached = {
    term,
    plural: read.plural ?? `${term}s`,
    prefixes: read.prefixes ?? [term.toLowerCase()],
    proposal: read.proposal ?? `${term.toLowerCase()}-{n}`,
  };
  return cached;
}
