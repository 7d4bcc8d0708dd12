/**
 * The BIFF8 record layer of .xls workbooks ([MS-XLS]): the record stream, strings that run on
 * across CONTINUE records, short strings and RK numbers, and the reader's Chinese messages.
 */
import { IngestError } from './errors';

export const DAMAGED =
  'Excel 工作簿（.xls）内容已损坏或结构异常，无法解析，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。';
export const ENCRYPTED_XLS =
  '这是设置了打开密码的 Excel 工作簿（.xls/.et 已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入。';
export const OLD_EXCEL =
  '这是 Excel 5.0/95 或更早版本的工作簿，格式过旧无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。';

export const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  BLANK: 0x0201,
  MULBLANK: 0x00be,
  MERGEDCELLS: 0x00e5,
  XF: 0x00e0,
  FORMAT: 0x041e,
} as const;

export interface Rec {
  type: number;
  data: Buffer;
  /** Offset of the record header in the stream. */
  at: number;
}

export function* records(stream: Buffer, from: number): Generator<Rec> {
  let p = from;
  while (p + 4 <= stream.length) {
    const type = stream.readUInt16LE(p);
    const len = stream.readUInt16LE(p + 2);
    if (p + 4 + len > stream.length) throw new IngestError(DAMAGED, 'corrupt');
    yield { type, data: stream.subarray(p + 4, p + 4 + len), at: p };
    p += 4 + len;
  }
}

/** Reads strings that may run on across CONTINUE records (each continuation restarts with a flags byte). */
export class Segments {
  private i = 0;
  private p = 0;
  constructor(private readonly segs: readonly Buffer[]) {}
  private cur(): Buffer {
    for (let s = this.segs[this.i]; s !== undefined; s = this.segs[this.i]) {
      if (this.p < s.length) return s;
      this.i++;
      this.p = 0;
    }
    throw new IngestError(DAMAGED, 'corrupt');
  }
  u8(): number {
    const b = this.cur();
    return b.readUInt8(this.p++);
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    let left = n;
    while (left > 0) {
      const b = this.cur();
      const take = Math.min(left, b.length - this.p);
      this.p += take;
      left -= take;
    }
  }
  chars(cch: number, high: boolean): string {
    let out = '';
    let wide = high;
    let left = cch;
    while (left > 0) {
      const before = this.i;
      let b = this.cur();
      if (this.i !== before) {
        // The characters run on into a CONTINUE record: it starts with a fresh flags byte that
        // says their width (the first part may be 8-bit and the rest UTF-16, or the reverse).
        wide = (b.readUInt8(this.p++) & 1) === 1;
        b = this.cur();
      }
      const avail = Math.floor((b.length - this.p) / (wide ? 2 : 1));
      const take = Math.min(left, avail);
      if (take === 0) throw new IngestError(DAMAGED, 'corrupt');
      const slice = b.subarray(this.p, this.p + take * (wide ? 2 : 1));
      out += wide ? slice.toString('utf16le') : slice.toString('latin1');
      this.p += slice.length;
      left -= take;
    }
    return out;
  }
  /** XLUnicodeRichExtendedString. */
  richString(): string {
    const cch = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const s = this.chars(cch, (flags & 1) === 1);
    this.skip(runs * 4 + ext);
    return s;
  }
}

/** XLUnicodeString of a LABEL/STRING record (2-byte count) or a BOUNDSHEET name (1-byte count). */
export function shortString(data: Buffer, at: number, countBytes: 1 | 2): string {
  if (at + countBytes + 1 > data.length) return '';
  const cch = countBytes === 1 ? data.readUInt8(at) : data.readUInt16LE(at);
  const flags = data.readUInt8(at + countBytes);
  const start = at + countBytes + 1;
  return flags & 1
    ? data.toString('utf16le', start, Math.min(data.length, start + cch * 2))
    : data.toString('latin1', start, Math.min(data.length, start + cch));
}

export function rk(v: number): number {
  let n: number;
  if (v & 0x02) n = v >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(v & 0xfffffffc, 4);
    n = b.readDoubleLE(0);
  }
  return v & 0x01 ? n / 100 : n;
}
