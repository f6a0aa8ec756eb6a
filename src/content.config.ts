import { defineCollection } from 'astro:content';
import { buildState } from './lib/registry/state.ts';
import { bipLoader } from './loaders/bip-loader.ts';

// The registry of this build (settings from registry.config.json and BIPS_DIR, see README),
// opened by the integration and shared with the pages and the post-build steps.
export const collections = {
  bips: defineCollection({ loader: bipLoader(buildState()) }),
};
