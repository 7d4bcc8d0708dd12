/**
 * 文件 as an office reads it: the path relative to the folder all the inputs share
 * (「2023/教育局.docx」), or the bare file name when they all sit in one folder — not the full path
 * as typed (「/home/…/年报/2023/教育局.docx」), which fills the column and says nothing new.
 * Both separators count: the app on Windows gives 「D:\年报\…」.
 */
const SEP = /[\\/]/;

export interface ShortNames {
  /** File as given → the name shown. */
  names: Map<string, string>;
  /** The folder the names are relative to, as written in the inputs ('' when they share none). */
  folder: string;
}

export function shortFileNames(files: readonly string[]): ShortNames {
  const split = [...new Set(files)].map((f) => ({ file: f, parts: f.split(SEP) }));
  // The common folder: directory parts every file shares (never a file's own name).
  let common = split.length ? Math.min(...split.map((s) => s.parts.length - 1)) : 0;
  for (let i = 0; i < common; i++) {
    const part = split[0]?.parts[i];
    if (split.some((s) => s.parts[i] !== part)) {
      common = i;
      break;
    }
  }
  const first = split[0]?.file ?? '';
  // The folder as typed: the first file's text up to its common-th separator.
  let cut = 0;
  for (let i = 0; i < common; i++) cut = first.slice(cut).search(SEP) + cut + 1;
  return {
    names: new Map(split.map((s) => [s.file, s.parts.slice(common).join('/')])),
    folder: common > 0 ? first.slice(0, Math.max(0, cut - 1)) : '',
  };
}
