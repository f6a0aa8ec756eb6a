/**
 * The MediaWiki thread (wiki-thread.ts): renders one body per message and raises the shared flag
 * when the answer is posted, so the caller, blocked on the flag, can take it at once. The flag
 * says READY once the parser is loaded, or FAILED if it cannot be.
 */
import { workerData, type MessagePort } from 'node:worker_threads';

const { flag, port } = workerData as { flag: Int32Array; port: MessagePort };
const raise = (value: number) => {
  Atomics.store(flag, 0, value);
  Atomics.notify(flag, 0);
};

try {
  const { renderMediaWiki } = await import('./mediawiki.ts');
  port.on('message', (source: string) => {
    try {
      port.postMessage({ result: renderMediaWiki(source) });
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
    raise(1);
  });
  raise(1);
} catch {
  raise(2);
}
