// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { registry } from './src/integration.ts';
import { deployFromEnv } from './src/lib/deploy.ts';
import { fileURLToPath } from 'node:url';

// The site's address and base path come from the environment (SITE, BASE, or what the CI or
// host sets for its builds; see src/lib/deploy.ts), so one build can be published at a
// registry's own address or as a preview under any path.
const deploy = deployFromEnv(process.env);

export default defineConfig({
  site: deploy.site,
  base: deploy.base,
  trailingSlash: 'ignore',
  // Astro's cache (content store, rendered bodies, incremental pages) lives in node_modules/.astro
  // unless ASTRO_CACHE_DIR names a folder a CI run can keep between runs (npm ci empties
  // node_modules).
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Pages render four at a time, so one page's file writes overlap the next one's rendering.
  build: { concurrency: 4 },
  integrations: [mdx(), registry()],
  // One line per phase: the per-page lines are folded into progress and a summary
  // (src/lib/build/log.ts; BUILD_LOG=pages keeps them).
  logger: { entrypoint: fileURLToPath(new URL('./src/lib/build/log.ts', import.meta.url)) },
  // Pages whose data and code did not change since the last build are copied from it: every
  // page route gives a cache key (src/data/cache.ts). `astro build --force` renders everything.
  experimental: { incrementalBuild: true },
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
