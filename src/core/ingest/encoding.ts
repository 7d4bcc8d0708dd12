/**
 * Decoding text files as a Windows user produces them: UTF-8 with or without BOM, UTF-16 with
 * BOM, or GBK/GB2312/GB18030 (Notepad's "ANSI" on a Chinese system). Node's full ICU provides
 * the gb18030 decoder (a superset of GBK and GB2312).
 */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** Decodes with an explicit charset label (from an HTML meta tag); falls back to detection. */
export function decodeWith(bytes: Uint8Array, label: string | null | undefined): Decoded {
  const l = (label ?? '').trim().toLowerCase();
  if (/^(gbk|gb2312|gb_2312-80|gb18030|x-gbk|cp936|euc-cn)$/.test(l)) {
    // A page that says GBK may still be UTF-8 (re-saved by an editor): trust valid UTF-8 first.
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null && /[\u4e00-\u9fff]/.test(utf8)) return { text: utf8, encoding: 'utf-8' };
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
  return decodeText(bytes);
}

/** Detects the encoding: BOM first, then strict UTF-8, else GB18030. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Bytes that are clearly binary (NUL bytes in the first 8 KB outside UTF-16): not a text report. */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
