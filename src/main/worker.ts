/**
 * Worker thread (bundled as out/main/worker.js): reads, hashes and extracts files, and runs the
 * rules over the workspace, off the main thread; posts progress and one outcome per file.
 * No electron import.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../core/app/pipeline';
import { runRules } from '../core/rules/engine';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const post = (reply: WorkerReply): void => port.postMessage(reply);

port.on('message', (req: WorkerRequest) => {
  void (async () => {
    try {
      if (req.type === 'audit') {
        const findings = runRules(req.models, req.settings, undefined, { onRule: (done, total, scope) => post({ type: 'audit-progress', done, total, scope }) });
        post({ type: 'audited', findings: [...findings] });
        return;
      }
      const { paths, known } = req;
      for (let i = 0; i < paths.length; i++) {
        const path = paths[i] as string;
        post({ type: 'progress', done: i, total: paths.length, file: path });
        post({ type: 'outcome', index: i, outcome: await extractFile(path, known[path]) });
      }
      post({ type: 'done' });
    } catch (err) {
      post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
