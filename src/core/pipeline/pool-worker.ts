/**
 * A pool thread (src/core/pipeline/pool.ts): processFile for one file per message. Built next to
 * each bundle that uses the pool (out/cli/pool-worker.js, out/main/pool-worker.js); from source it
 * is loaded through tsx. Says 'ready' once its modules are loaded, so that the pool can tell a
 * thread that never started (read those files on the calling thread) from one that crashed on a
 * file (that file is a failure).
 */
import { parentPort } from 'node:worker_threads';
import { processJob } from './pool';
import type { PoolReply, PoolRequest } from './pool';
import type { AuditSettings } from '../rules/types';

const port = parentPort;
if (!port) throw new Error('pool-worker must run in a worker thread');
const post = (reply: PoolReply): void => port.postMessage(reply);

// The run's settings, when the single-report rules run here (the first message, if any).
let settings: AuditSettings | null = null;

port.on('message', (req: PoolRequest) => {
  if (req.type === 'settings') {
    settings = req.settings;
    return;
  }
  // processJob never throws (failures are values), so every request gets its one reply.
  void processJob(req.job, req.keepHtml, settings).then((outcome) =>
    post({ type: 'outcome', seq: req.seq, outcome }),
  );
});
post({ type: 'ready' });
