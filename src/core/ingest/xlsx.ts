import type { SourceDocument } from '../model/types';
import { IngestError } from './errors';

// Placeholder until the xlsx reader lands (issue 2, in progress in this session).
export async function read(_bytes: Buffer, _fileName: string): Promise<SourceDocument> {
  throw new IngestError('暂不支持读取此类文件。');
}
