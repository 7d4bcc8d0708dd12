/**
 * ExtractRunner over a worker thread: the main process stays responsive while hundreds of files
 * are read. One worker per import; if the worker dies, the files it had not finished become
 * failures with a Chinese message (the import still completes).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';
import type { ExtractOutcome, ExtractRunner } from '../core/app/pipeline';
import type { Finding } from '../core/model/types';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * `worker`: the built worker script's path, or a factory (tests start the TypeScript source through
 * tsx). `fallback`: used when the worker cannot start at all (e.g. a packaging problem), so that an
 * import still works, on the main thread.
 */
export function workerRunner(
  worker: string | (() => Worker),
  options: WorkerOptions = {},
  fallback?: ExtractRunner,
): ExtractRunner {
  const spawn = typeof worker === 'string' ? () => new Worker(worker, options) : worker;
  let broken = false;
  return {
    run(paths, known, onProgress, settings) {
      if (paths.length === 0) {
        onProgress({ done: 0, total: 0, file: '' });
        return Promise.resolve([]);
      }
      if (broken && fallback) return fallback.run(paths, known, onProgress, settings);
      return new Promise<ExtractOutcome[]>((resolve) => {
        let received = false;
        const outcomes: (ExtractOutcome | undefined)[] = new Array<ExtractOutcome | undefined>(
          paths.length,
        );
        let finished = false;
        const finish = (reason: string | null): void => {
          if (finished) return;
          finished = true;
          if (!received && reason !== null && fallback) {
            broken = true;
            void thread.terminate().catch(() => undefined);
            resolve(fallback.run(paths, known, onProgress, settings));
            return;
          }
          const all = paths.map(
            (file, i): ExtractOutcome =>
              outcomes[i] ?? {
                kind: 'failed',
                failure: {
                  file,
                  message: `读取过程异常中断，请重试。${reason ? `（${reason}）` : ''}`,
                },
              },
          );
          onProgress({ done: paths.length, total: paths.length, file: '' });
          void thread.terminate().catch(() => undefined);
          resolve(all);
        };
        const thread = spawn();
        thread.on('message', (msg: WorkerReply) => {
          received = true;
          if (msg.type === 'progress')
            onProgress({ done: msg.done, total: msg.total, file: msg.file });
          else if (msg.type === 'outcome') outcomes[msg.index] = msg.outcome;
          else if (msg.type === 'failed') finish(msg.message);
          else finish(null);
        });
        thread.on('error', (err) => finish(err.message));
        thread.on('exit', (code) => finish(code === 0 ? null : `退出码 ${code}`));
        thread.postMessage({
          type: 'extract',
          paths: [...paths],
          known: { ...known },
          ...(settings ? { settings } : {}),
        } satisfies WorkerRequest);
      });
    },
    audit(models, settings, onRule, ahead) {
      if (broken && fallback) return fallback.audit(models, settings, onRule, ahead);
      return new Promise<Map<string, Finding[]>>((resolve, reject) => {
        let finished = false;
        let received = false;
        const thread = spawn();
        const finish = (result: Map<string, Finding[]> | Error): void => {
          if (finished) return;
          finished = true;
          void thread.terminate().catch(() => undefined);
          if (result instanceof Error && !received && fallback) {
            broken = true;
            resolve(fallback.audit(models, settings, onRule, ahead));
            return;
          }
          if (result instanceof Error) reject(result);
          else resolve(result);
        };
        thread.on('message', (msg: WorkerReply) => {
          received = true;
          if (msg.type === 'audit-progress') onRule?.(msg.done, msg.total, msg.scope, msg.fraction);
          else if (msg.type === 'audited') finish(new Map(msg.findings));
          else if (msg.type === 'failed') finish(new Error(msg.message));
        });
        thread.on('error', (err) => finish(err));
        thread.on('exit', (code) => finish(new Error(`审查线程意外退出（退出码 ${code}）`)));
        thread.postMessage({
          type: 'audit',
          models: [...models],
          settings,
          ...(ahead ? { ahead } : {}),
        } satisfies WorkerRequest);
      });
    },
  };
}
