/**
 * Cloud storage names. A real fileID is `cloud://<env>.<bucket>/<path>` where the bucket is the
 * hex of the env's first two characters, the env and an account number, e.g.
 * `cloud://prod-1a2b.7072-prod-1a2b-1300000000/avatars/u1.png`. We build the same shape so code
 * that stores, compares or parses fileIDs behaves as it will in production.
 */
const ACCOUNT = '1300000000';

export function bucketFor(env: string): string {
  return `${Buffer.from(env.slice(0, 2), 'utf8').toString('hex')}-${env}-${ACCOUNT}`;
}

export function buildFileId(env: string, cloudPath: string): string {
  return `cloud://${env}.${bucketFor(env)}/${cloudPath}`;
}

export interface ParsedFileId {
  env: string;
  cloudPath: string;
}

export function parseFileId(fileId: string): ParsedFileId | null {
  const match = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileId);
  if (!match) return null;
  const [, env = '', bucket, cloudPath = ''] = match;
  if (bucket !== bucketFor(env) || cloudPathProblem(cloudPath) !== null) return null;
  return { env, cloudPath };
}

/**
 * Why a cloud path cannot be stored, or null. Beyond COS's own rules we refuse `?`, `#` and `%`:
 * temp URLs carry the path unencoded (the SDK runs encodeURI on them before downloading), so
 * those characters would not survive the round trip here or in production.
 */
export function cloudPathProblem(cloudPath: string): string | null {
  if (cloudPath.length === 0) return 'cloudPath is empty';
  if (cloudPath.length > 850) return 'cloudPath is longer than 850 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f?#%\\]/.test(cloudPath))
    return 'cloudPath contains ? # % \\ or control characters';
  for (const segment of cloudPath.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') {
      return `cloudPath has an empty, "." or ".." segment: ${cloudPath}`;
    }
  }
  return null;
}
