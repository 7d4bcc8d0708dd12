/**
 * Worker thread (bundled as out/main/worker.js): reads, hashes and extracts files off the main
 * thread, posting progress and one outcome per file. No electron import.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../core/app/pipeline';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

port.on('message', (req: WorkerRequest) => {
  void (async () => {
    const { paths, known } = req;
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i] as string;
      port.postMessage({ type: 'progress', done: i, total: paths.length, file: path } satisfies WorkerReply);
      const outcome = await extractFile(path, known[path]);
      port.postMessage({ type: 'outcome', index: i, outcome } satisfies WorkerReply);
    }
    port.postMessage({ type: 'done' } satisfies WorkerReply);
  })();
});
