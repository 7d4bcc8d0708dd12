/**
 * Writing the letters and the briefing. Every file goes through saveFileAtomic (export/save.ts,
 * the workbook's writer): never half-written, and a file held open by Word gives the workbook's
 * clear Chinese message. Existing letters are never replaced silently: the caller says what to do
 * with the ones already in the folder (the CLI's --force, the app's question).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { saveFileAtomic } from '../save';
import { exists, type SaveHooks } from '../../store/atomic';
import { at } from '../../model/checked';
import { briefingDocx } from './briefing';
import type { BriefingFacts, BriefingInput } from './briefing-facts';
import {
  combinedLettersDocx,
  letterDocx,
  planLetters,
  type Letter,
  type LettersInput,
} from './letters';

/** What to do with letter files that already exist: replace them, or keep them and write only the new ones. */
export type ExistingPolicy = 'overwrite' | 'keep';

export interface LettersWritten {
  written: string[];
  /** Existing files left as they were (policy 'keep'). */
  kept: string[];
  /** Units with problems (one letter each). */
  letters: Letter[];
}

/** The letter files `writeLetters` would write into `dir`, and which of them already exist. */
export async function letterTargets(
  dir: string,
  input: LettersInput,
): Promise<{ letters: Letter[]; paths: string[]; existing: string[] }> {
  const letters = planLetters(input);
  const paths = letters.map((l) => join(dir, l.fileName));
  const existing: string[] = [];
  for (const p of paths) if (await exists(p)) existing.push(p);
  return { letters, paths, existing };
}

/** One .docx per unit with problems into `dir` (created when missing). */
export async function writeLetters(
  dir: string,
  input: LettersInput,
  policy: ExistingPolicy,
  hooks?: SaveHooks,
): Promise<LettersWritten> {
  await mkdir(dir, { recursive: true });
  const { letters, paths, existing } = await letterTargets(dir, input);
  const out: LettersWritten = { written: [], kept: [], letters };
  for (const [i, letter] of letters.entries()) {
    const path = at(paths, i);
    if (policy === 'keep' && existing.includes(path)) {
      out.kept.push(path);
      continue;
    }
    await saveFileAtomic(path, await letterDocx(letter, input), hooks, 'Word');
    out.written.push(path);
  }
  return out;
}

/** All letters in one .docx (page breaks between letters). Returns the number of letters; 0 writes nothing. */
export async function writeCombinedLetters(
  target: string,
  input: LettersInput,
  hooks?: SaveHooks,
): Promise<number> {
  const bytes = await combinedLettersDocx(input);
  if (!bytes) return 0;
  await saveFileAtomic(target, bytes, hooks, 'Word');
  return planLetters(input).length;
}

export async function writeBriefing(
  target: string,
  input: BriefingInput,
  hooks?: SaveHooks,
): Promise<BriefingFacts> {
  const { bytes, facts } = await briefingDocx(input);
  await saveFileAtomic(target, bytes, hooks, 'Word');
  return facts;
}
