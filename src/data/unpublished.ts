/** In `astro dev` only: the proposals that did not publish, each explained at its address
 * (lib/registry/unpublished.ts). A build gets none, so no such page is ever written. */
import { buildState } from '../lib/registry/state.ts';
import { unpublishedProposals, type UnpublishedProposal } from '../lib/registry/unpublished.ts';

export type { UnpublishedProposal };

/** Read at each call: the dev server reloads the registry when a file changes. */
export function unpublished(): UnpublishedProposal[] {
  return import.meta.env.DEV ? unpublishedProposals(buildState().registry) : [];
}
