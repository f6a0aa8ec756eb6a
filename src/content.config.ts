import { defineCollection } from 'astro:content';
import { loadRegistryConfig } from './lib/config.ts';
import { bipLoader } from './loaders/bip-loader.ts';

// The registry folder and template come from registry.config.json and BIPS_DIR (see README).
const config = loadRegistryConfig(process.cwd());

export const collections = {
  bips: defineCollection({ loader: bipLoader(config) }),
};
