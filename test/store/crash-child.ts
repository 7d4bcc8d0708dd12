/**
 * Child process for the crash tests: builds a workspace, saves it, enters more decisions (journal
 * only), then starts a save and is SIGKILLed at the requested point of it. Prints one line per
 * acknowledged decision ("ACK <fingerprint> <status>") so the parent knows what the user saw saved.
 * Usage: node --import tsx crash-child.ts <workspace path> <afterPartialWrite|beforeRename|afterBackup|duringJournal>
 */
import { appendFileSync } from 'node:fs';
import { WorkspaceStore } from '../../src/core/store';
import { decision, finding, imported, putFindings } from './helpers';

const [path, phase] = process.argv.slice(2) as [string, string];
let armed = false;
const crash = (): void => {
  process.kill(process.pid, 'SIGKILL');
};
const killAt = (name: string) => (): void => {
  if (armed && phase === name) crash();
};

async function main(): Promise<void> {
  const store = await WorkspaceStore.create({
    autosaveMs: 0,
    hooks: {
      afterPartialWrite: killAt('afterPartialWrite'),
      beforeRename: killAt('beforeRename'),
      afterBackup: killAt('afterBackup'),
    },
  });
  const { id } = store.upsertReport(imported('/docs/a.docx', 'h1'));
  const rows = [
    'newReceived',
    'carriedOver',
    'granted',
    'partialGrant',
    'totalProcessed',
    'carriedForward',
  ];
  const fps = putFindings(
    store,
    id,
    rows.map((r) => finding(r)),
  );
  const ack = (fp: string, status: string): void =>
    void process.stdout.write(`ACK ${fp} ${status}\n`);
  // Three decisions, then a complete save.
  for (const fp of fps.slice(0, 3))
    ack(decision(store, fp, 'confirmed', '保存前').fingerprint, 'confirmed');
  await store.save(path);
  // Three more, only journaled; and one earlier decision changed.
  for (const fp of fps.slice(3))
    ack(decision(store, fp, 'dismissed', '保存后').fingerprint, 'dismissed');
  ack(decision(store, fps[0]!, 'dismissed', '改主意了').fingerprint, 'dismissed');
  if (phase === 'duringJournal') {
    // A crash half-way through a journal append: a torn last line.
    appendFileSync(
      `${path}.journal`,
      `{"v":1,"ws":"${store.id}","t":"decision","d":{"fingerprint":"torn`,
    );
    crash();
  }
  // Pad the database so the save is a real multi-block write, then save and die in the middle of it.
  for (let i = 0; i < 50; i++) store.recordFailure(`/pad/${i}.docx`, 'x'.repeat(2000));
  armed = true;
  await store.save().catch(() => undefined);
  process.stdout.write('SAVED\n');
}

main().catch((err: unknown) => {
  process.stderr.write(String(err) + '\n');
  process.exit(1);
});
