import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The build tests run `astro build`; they share the content cache, so files run one at a time
    // within that folder (see tests/build/).
    testTimeout: 20_000,
    hookTimeout: 180_000,
  },
});
