// Node runs TypeScript by stripping its types, but not for files under node_modules, which is
// where an installed copy of this package lives. This hook strips them for this package's own
// files (loaded with --import, so worker threads get it too).
import { readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url).href;

registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith(root) && url.endsWith('.ts') && !url.startsWith(`${root}node_modules/`)) {
      const source = stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8'));
      return { format: 'module', source, shortCircuit: true };
    }
    return nextLoad(url, context);
  },
});
