/**
 * Worker thread (bundled as out/main/worker.js): reads, hashes and extracts files — spread over the
 * reader threads of core/pipeline/pool.ts (out/main/pool-worker.js), one per core — and runs the
 * rules over the workspace, off the main thread; posts progress and one outcome per file.
 * No electron import.
 */
import { parentPort } from 'node:worker_threads';
import { streamImport } from '../core/app/pipeline';
import { runRules } from '../core/rules/engine';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const post = (reply: WorkerReply): void => port.postMessage(reply);

port.on('message', (req: WorkerRequest) => {
  void (async () => {
    try {
      if (req.type === 'audit') {
        const findings = runRules(req.models, req.settings, undefined, {
          ...(req.ahead ? { ahead: req.ahead } : {}),
          onRule: (done, total, scope, fraction) =>
            post({
              type: 'audit-progress',
              done,
              total,
              scope,
              ...(fraction !== undefined ? { fraction } : {}),
            }),
        });
        post({ type: 'audited', findings: [...findings] });
        return;
      }
      const { paths, known } = req;
      // Outcomes are posted as they come (in input order) rather than all at the end, so the main
      // thread never holds a second copy of the whole batch.
      await streamImport(
        paths,
        known,
        (p) => {
          if (p.file !== '') post({ type: 'progress', ...p });
        },
        req.settings ? { settings: req.settings } : {},
        (index, outcome) => post({ type: 'outcome', index, outcome }),
      );
      post({ type: 'done' });
    } catch (err) {
      post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
