/**
 * The MediaWiki thread (wiki-thread.ts): renders one body per message and raises the shared flag
 * when the answer is posted, so the caller, blocked on the flag, can take it at once.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { renderMediaWiki } from './mediawiki.ts';

const { flag, port } = workerData as { flag: Int32Array; port: MessagePort };

port.on('message', (source: string) => {
  try {
    port.postMessage({ result: renderMediaWiki(source) });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
