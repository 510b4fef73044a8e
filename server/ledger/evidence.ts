import { AppError } from '../errors';
import { fileExists } from '../platform';

/**
 * Photos that back a money record must be uploaded to our storage under the folder of their kind
 * (ledger/cash/, ledger/deposits/, ledger/invoices/) and must exist there: a made-up fileID or one
 * uploaded for something else is refused.
 */
export type EvidenceKind = 'cash' | 'deposits' | 'invoices';

const NAMES: Record<EvidenceKind, string> = {
  cash: '签字收据照片',
  deposits: '银行存款单照片',
  invoices: '发票照片',
};

export async function requireEvidence(fileId: string, kind: EvidenceKind): Promise<void> {
  if (!fileId.startsWith('cloud://') || !fileId.includes(`/ledger/${kind}/`)) {
    throw new AppError(
      'INVALID_INPUT',
      `${NAMES[kind]}须上传到 ledger/${kind}/ 目录，请重新拍照上传`,
    );
  }
  if (!(await fileExists(fileId))) {
    throw new AppError('INVALID_INPUT', `没有找到上传的${NAMES[kind]}，请重新拍照上传`);
  }
}
