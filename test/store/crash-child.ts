/**
 * Child process for the crash tests: builds a workspace, saves it, enters more decisions (journal
 * only), then starts a save and is SIGKILLed at the requested point. Prints one line per
 * acknowledged decision ("ACK <fingerprint> <status>") so the parent knows what the user saw saved.
 * Usage: node --import tsx crash-child.ts <workspace path> <afterPartialWrite|beforeRename|afterBackup|duringJournal>
 */
import { WorkspaceStore } from '../../src/core/store';
import { decision, finding, imported, putFindings } from './helpers';

async function main(): Promise<void> {
  const [path, phase] = process.argv.slice(2) as [string, string];
  const kill = (): never => {
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable');
  };
  const store = await WorkspaceStore.create({ autosaveMs: 0 });
  const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
  const rows = ['newReceived', 'carriedOver', 'granted', 'partialGrant', 'totalProcessed', 'carriedForward'];
  const fps = putFindings(store, id, rows.map((r) => finding(r)));
  const ack = (fp: string, status: string): void => {
    process.stdout.write(`ACK ${fp} ${status}\n`);
  };
  // Three decisions, then a complete save.
  for (const fp of fps.slice(0, 3)) ack(decision(store, fp, 'confirmed', '保存前').fingerprint, 'confirmed');
  await store.save(path);
  // Three more, only journaled; one earlier decision changed.
  for (const fp of fps.slice(3)) ack(decision(store, fp, 'dismissed', '保存后').fingerprint, 'dismissed');
  ack(decision(store, fps[0]!, 'dismissed', '改主意了').fingerprint, 'dismissed');
  if (phase === 'duringJournal') {
    // Simulate a crash half-way through a journal append: a torn last line.
    const { appendFileSync } = await import('node:fs');
    appendFileSync(`${path}.journal`, '{"v":1,"ws":"' + store.id + '","t":"decision","d":{"fingerprint":"torn');
    kill();
  }
  // Pad the database so the save takes a real write.
  for (let i = 0; i < 50; i++) store.recordFailure(`/pad/${i}.docx`, 'x'.repeat(2000));
  await store.save().catch(() => undefined);
  process.stdout.write('SAVED\n');
}

const phase = process.argv[3];
// Install the crash point through the store's hooks by monkey-patching create(): simplest is an env-free global.
const original = WorkspaceStore.create.bind(WorkspaceStore);
WorkspaceStore.create = (options = {}) => {
  let saves = 0;
  const killAt = (name: string) => () => {
    if (saves >= 1 && phase === name) process.kill(process.pid, 'SIGKILL');
  };
  return original({
    ...options,
    onSaved: () => {
      saves++;
    },
    hooks: { afterPartialWrite: killAt('afterPartialWrite'), beforeRename: killAt('beforeRename'), afterBackup: killAt('afterBackup') },
  });
};
main().catch((err: unknown) => {
  process.stderr.write(String(err) + '\n');
  process.exit(1);
});
