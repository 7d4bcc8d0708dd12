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

const port = parentPort;
if (!port) throw new Error('pool-worker must run in a worker thread');
const post = (reply: PoolReply): void => port.postMessage(reply);

port.on('message', (req: PoolRequest) => {
  // processJob never throws (failures are values), so every request gets its one reply.
  void processJob(req.job, req.keepHtml).then((outcome) =>
    post({ type: 'outcome', seq: req.seq, outcome }),
  );
});
post({ type: 'ready' });
