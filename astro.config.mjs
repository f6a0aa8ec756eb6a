// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { registry } from './src/integration.ts';

// SITE (absolute URL) and BASE (sub-path) come from the environment so one build can be published
// at a registry's own address or under a preview path.
export default defineConfig({
  site: process.env.SITE || undefined,
  base: process.env.BASE || '/',
  trailingSlash: 'ignore',
  integrations: [mdx(), registry()],
  vite: {
    build: {
      rollupOptions: {
        // @astrojs/mdx marks compiled BIPs with a directive the bundler cannot keep; the warning
        // points at the author's file and has nothing for them to fix.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  markdown: {
    // Specs are rendered as written: no smart quotes or dashes inside technical prose.
    processor: satteri({ features: { smartPunctuation: false } }),
    // The -default GitHub themes keep every token at 4.5:1 or more against the code background;
    // github-light's orange and github-dark's comments do not.
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' } },
  },
});
