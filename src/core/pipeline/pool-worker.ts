/**
 * A pool thread (src/core/pipeline/pool.ts): processFile for one file per message, one
 * file after the other. Built next to
 * each bundle that uses the pool (out/cli/pool-worker.js, out/main/pool-worker.js); from source it
 * is loaded through tsx. Says 'ready' once its modules are loaded, so that the pool can tell a
 * thread that never started (read those files on the calling thread) from one that crashed on a
 * file (that file is a failure).
 */
import { parentPort } from 'node:worker_threads';
import { processJob } from './pool';
import type { PoolReply, PoolRequest } from './pool';
import { readInput } from './index';
import type { FileInput } from './index';
import type { AuditSettings } from '../rules/types';

const port = parentPort;
if (!port) throw new Error('pool-worker must run in a worker thread');
const post = (reply: PoolReply): void => port.postMessage(reply);

// The run's settings, when the single-report rules run here (the first message, if any).
let settings: AuditSettings | null = null;
// Files wait here while the one before them is worked on: one at a time, in the order sent, so
// that a thread that dies leaves exactly one file unread by its fault (pool.ts, ThreadResult). The
// bytes of the next file are read meanwhile (readInput), so the thread does not wait for the disk.
const waiting: { req: Extract<PoolRequest, { type: 'job' }>; input?: Promise<FileInput> }[] = [];
let working = false;

function readAhead(): void {
  const next = waiting[0];
  if (!next || next.input) return;
  next.input = readInput(next.req.job.path);
  // Its failure is the file's, reported when its turn comes (processFile awaits it then).
  next.input.catch(() => undefined);
}

function work(): void {
  const item = waiting.shift();
  working = item !== undefined;
  if (!item) return;
  const { req, input } = item;
  const outcome = processJob(req.job, req.keepHtml, settings, input);
  readAhead();
  // processJob never throws (failures are values), so every request gets its one reply.
  void outcome.then((o) => {
    post({ type: 'outcome', seq: req.seq, outcome: o });
    work();
  });
}

port.on('message', (req: PoolRequest) => {
  if (req.type === 'settings') settings = req.settings;
  else {
    waiting.push({ req });
    if (!working) work();
    else readAhead();
  }
});
post({ type: 'ready' });
