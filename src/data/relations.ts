/** The registry's relation graph (lib/registry/relations.ts), derived once per build from the
 * loaded registry and read by the pages, the API and the notices. */
import { relationGraph, DIRECTIONS, type Direction, type Relations } from '../lib/registry/relations.ts';
import { profile, state, template } from './site.ts';

const graph = state.derive('relations', () => relationGraph(state.registry.bips, profile, template));

const none = Object.fromEntries(DIRECTIONS.map((d) => [d, []])) as unknown as Relations;

export function relationsOf(n: number): Relations {
  return graph.get(n) ?? none;
}

/** The directions a proposal has neighbours in, in reading order. */
export function relatedDirections(n: number): Direction[] {
  const r = relationsOf(n);
  return DIRECTIONS.filter((d) => r[d].length > 0);
}
