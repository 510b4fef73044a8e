import { parseFileId } from '../../localcloud/storage/fileIds';
import { signedFormPhoto } from './photos';

/**
 * Pictures for the evidence the demo's records point to — signed paper ballots and written proxy
 * authorizations — so every photo link of the demo opens (the same drawn form for each).
 */
export function evidencePhotos(
  records: readonly ({ photoFileId?: string | null } | { evidenceFileId?: string | null })[],
): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  let form: Buffer | null = null;
  for (const record of records) {
    const fileId =
      ('photoFileId' in record ? record.photoFileId : null) ??
      ('evidenceFileId' in record ? record.evidenceFileId : null);
    const parsed = fileId ? parseFileId(fileId) : null;
    if (!parsed) continue;
    form ??= signedFormPhoto();
    files[parsed.cloudPath] = form;
  }
  return files;
}
