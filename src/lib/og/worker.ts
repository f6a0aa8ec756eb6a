/** A render thread: receives card specs, answers with PNG bytes. Fonts load once per thread. */
import { parentPort } from 'node:worker_threads';
import { renderCard } from './render.ts';
import type { CardSpec } from './card.ts';

parentPort!.on('message', async ({ id, spec }: { id: number; spec: CardSpec }) => {
  try {
    const png = await renderCard(spec);
    parentPort!.postMessage({ id, png });
  } catch (error) {
    parentPort!.postMessage({ id, error: String((error as Error)?.stack ?? error) });
  }
});
