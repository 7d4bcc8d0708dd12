/**
 * Child process for the crash tests: builds a workspace, saves it as <path>, enters more
 * decisions, then is SIGKILLed at the requested point. Prints one line per acknowledged decision
 * ("ACK <seq> <fingerprint> <status>") so the parent knows what the user saw saved.
 * Usage: node --import tsx crash-child.ts <workspace path> <phase>
 * Phases: inTransaction (inside a decision's transaction, before COMMIT), inLargeTransaction
 * (inside a re-import big enough to spill pages into the file before COMMIT), duringSave (inside
 * the transaction that stamps a save-as before the copy), afterCopy / beforeRename (save-as to another file: the copy written,
 * or synced but not renamed), whileDeciding (deciding in a loop until the parent kills it).
 */
import { WorkspaceStore } from '../../src/core/store';
import { decision, finding, imported, putFindings } from './helpers';

const [path = '', phase = ''] = process.argv.slice(2);
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
      beforeCommit: () => {
        if (armed && ['inTransaction', 'inLargeTransaction', 'duringSave'].includes(phase)) crash();
      },
      afterCopy: killAt('afterCopy'),
      beforeRename: killAt('beforeRename'),
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
  let seq = 0;
  const decide = (fp: string, status: 'confirmed' | 'dismissed'): void => {
    seq++;
    const d = decision(store, fp, status, `#${seq}`);
    process.stdout.write(`ACK ${seq} ${d.fingerprint} ${status}\n`);
  };
  // Three decisions, then the first save (save-as from memory into <path>).
  for (const fp of fps.slice(0, 3)) decide(fp, 'confirmed');
  await store.save(path);
  // Three more, and one earlier decision changed: committed into <path> as they are made.
  for (const fp of fps.slice(3)) decide(fp, 'dismissed');
  decide(fps[0] ?? '', 'dismissed');
  armed = true;
  if (phase === 'inTransaction') decide(fps[1] ?? '', 'dismissed');
  if (phase === 'inLargeTransaction') {
    // Imports gather in a batch; its commit (by its timer) is where the process dies.
    store.upsertReport({ ...imported('/docs/big.docx', 'h9'), html: 'x'.repeat(4_000_000) });
    store.upsertReport(imported('/docs/c.docx', 'h10'));
    await new Promise((r) => setTimeout(r, 5000));
  }
  if (phase === 'duringSave') await store.save(path.replace(/\.nianbao$/, '-copy.nianbao'));
  if (phase === 'afterCopy' || phase === 'beforeRename')
    await store.save(path.replace(/\.nianbao$/, '-copy.nianbao'));
  if (phase === 'whileDeciding')
    for (let i = 0; ; i++) decide(fps[i % fps.length] ?? '', i % 2 ? 'confirmed' : 'dismissed');
  process.stdout.write('SAVED\n');
}

main().catch((err: unknown) => {
  process.stderr.write(String(err) + '\n');
  process.exit(1);
});
