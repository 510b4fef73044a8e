import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { CloudError } from '../errors';
import type { AdminAction, AdminBody, CloudServices, LocalCloudModule, RawRoute } from '../module';
import { DEFAULT_ENV_ID } from '../sdkEnv';
import { contentTypeFor } from './contentTypes';
import { buildFileId, cloudPathProblem, parseFileId } from './fileIds';
import { UrlSigner } from './signing';

export { buildFileId, parseFileId, bucketFor } from './fileIds';

/**
 * The cloud storage stand-in. The SDK asks `storage.getUploadMetadata` for a signed upload URL
 * and PUTs the bytes there (COS style: empty body on success, XML <Error> otherwise);
 * `storage.batchGetDownloadUrl` hands out signed, expiring temp URLs that `downloadFile` then
 * fetches; `storage.batchDeleteFile` removes files. Files live at
 * `<dataDir>/storage/<env>/<cloudPath>`.
 */
export interface StorageOptions {
  now?: () => number;
  /** Env used when a request names none (the SDK sends '' outside WeChat Cloud). */
  env?: string;
  /** Lifetime of temp URLs asked for without maxAge, in seconds. */
  defaultMaxAge?: number;
}

export interface StorageModule extends LocalCloudModule {
  /** Stores a file directly (seeding, tests) and returns its fileID. */
  putFile(cloudPath: string, content: Buffer, env?: string): Promise<string>;
  /** The file's bytes, or null when it does not exist. */
  readFile(fileID: string): Promise<Buffer | null>;
  /** The file's location on disk (whether or not it exists), or null for a malformed fileID. */
  localPath(fileID: string): string | null;
}

const UPLOAD_PREFIX = '/storage/upload/';
const FILES_PREFIX = '/storage/files/';
const UPLOAD_TTL_S = 600;

export function createStorage(
  services: CloudServices,
  options: StorageOptions = {},
): StorageModule {
  const now = options.now ?? Date.now;
  const defaultEnv = options.env ?? DEFAULT_ENV_ID;
  const defaultMaxAge = options.defaultMaxAge ?? 86_400;
  const root = path.join(services.dataDir, 'storage');
  const signer = new UrlSigner();
  const seconds = (): number => Math.floor(now() / 1000);
  const envOf = (body: AdminBody): string =>
    typeof body.envName === 'string' && body.envName !== '' ? body.envName : defaultEnv;
  const diskPath = (env: string, cloudPath: string): string =>
    path.join(root, env, ...cloudPath.split('/'));
  const baseUrl = (): string => services.baseUrl().replace(/\/+$/, '');

  const getUploadMetadata: AdminAction = (body) => {
    const cloudPath = typeof body.path === 'string' ? body.path.replace(/^\/+/, '') : '';
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw new CloudError('INVALID_PARAM', problem);
    const env = envOf(body);
    const start = seconds();
    const expires = start + UPLOAD_TTL_S;
    const signature = signer.sign(['put', env, cloudPath, expires]);
    return {
      data: {
        url: `${baseUrl()}${UPLOAD_PREFIX}${env}/${encodePath(cloudPath)}`,
        token: randomBytes(16).toString('hex'),
        authorization: `q-sign-algorithm=sha1&q-ak=local&q-sign-time=${start};${expires}&q-key-time=${start};${expires}&q-header-list=&q-url-param-list=&q-signature=${signature}`,
        fileId: buildFileId(env, cloudPath),
        cosFileId: randomBytes(12).toString('hex'),
      },
    };
  };

  const batchGetDownloadUrl: AdminAction = async (body) => {
    if (!Array.isArray(body.file_list)) {
      throw new CloudError('INVALID_PARAM', 'file_list must be an array');
    }
    const list: Record<string, unknown>[] = [];
    for (const item of body.file_list as unknown[]) {
      const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<
        string,
        unknown
      >;
      const fileID = typeof entry.fileid === 'string' ? entry.fileid : '';
      const maxAge =
        typeof entry.max_age === 'number' && entry.max_age > 0 ? entry.max_age : defaultMaxAge;
      const parsed = parseFileId(fileID);
      if (!parsed) {
        list.push(failure(fileID, 'INVALID_PARAM', 'invalid fileID', maxAge));
        continue;
      }
      if (!(await isFile(diskPath(parsed.env, parsed.cloudPath)))) {
        list.push(failure(fileID, 'STORAGE_FILE_NONEXIST', 'file not exist', maxAge));
        continue;
      }
      const expires = seconds() + maxAge;
      const sign = signer.sign(['get', parsed.env, parsed.cloudPath, expires]);
      list.push({
        code: 'SUCCESS',
        fileID,
        maxAge,
        tempFileURL: `${baseUrl()}${FILES_PREFIX}${parsed.env}/${parsed.cloudPath}?sign=${sign}&t=${expires}`,
      });
    }
    services.record('storage.getTempFileURL', {
      files: list.map((f) => ({ fileID: f.fileID, code: f.code })),
    });
    return { data: { download_list: list } };
  };

  const batchDeleteFile: AdminAction = async (body) => {
    if (!Array.isArray(body.fileid_list)) {
      throw new CloudError('INVALID_PARAM', 'fileid_list must be an array');
    }
    const list: Record<string, unknown>[] = [];
    for (const item of body.fileid_list as unknown[]) {
      const fileID = typeof item === 'string' ? item : '';
      const parsed = parseFileId(fileID);
      if (!parsed) {
        list.push(failure(fileID, 'INVALID_PARAM', 'invalid fileID'));
        continue;
      }
      try {
        await fs.unlink(diskPath(parsed.env, parsed.cloudPath));
        list.push({ code: 'SUCCESS', fileID });
      } catch (e) {
        if (!isMissing(e)) throw e;
        list.push(failure(fileID, 'STORAGE_FILE_NONEXIST', 'file not exist'));
      }
    }
    services.record('storage.deleteFile', {
      files: list.map((f) => ({ fileID: f.fileID, code: f.code })),
    });
    return { data: { delete_list: list } };
  };

  const upload: RawRoute = {
    method: 'PUT',
    prefix: UPLOAD_PREFIX,
    async handle(req, res, url, body) {
      const target = targetOf(url.pathname, UPLOAD_PREFIX);
      if (!target) return cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI.');
      const auth = String(req.headers.authorization ?? '');
      const signTime = /q-sign-time=(\d+);(\d+)/.exec(auth);
      const signature = /q-signature=([0-9a-f]+)/.exec(auth)?.[1] ?? '';
      const expires = Number(signTime?.[2] ?? 0);
      if (!signer.verify(['put', target.env, target.cloudPath, expires], signature)) {
        return cosError(
          res,
          403,
          'SignatureDoesNotMatch',
          'The Signature you specified is invalid.',
        );
      }
      if (expires < seconds()) {
        return cosError(res, 403, 'AccessDenied', 'Request has expired');
      }
      const file = diskPath(target.env, target.cloudPath);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const partial = `${file}.${randomBytes(6).toString('hex')}.uploading`;
      await fs.writeFile(partial, body);
      await fs.rename(partial, file);
      const fileID = buildFileId(target.env, target.cloudPath);
      services.record('storage.uploadFile', {
        fileID,
        cloudPath: target.cloudPath,
        size: body.length,
      });
      res.writeHead(200, {
        'content-length': 0,
        etag: `"${signer.sign(['etag', fileID, body.length])}"`,
      });
      res.end();
    },
  };

  const download: RawRoute = {
    method: 'GET',
    prefix: FILES_PREFIX,
    async handle(_req, res, url) {
      const target = targetOf(url.pathname, FILES_PREFIX);
      if (!target) return cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI.');
      const expires = Number(url.searchParams.get('t') ?? 0);
      const sign = url.searchParams.get('sign') ?? '';
      if (!signer.verify(['get', target.env, target.cloudPath, expires], sign)) {
        return cosError(res, 403, 'AccessDenied', 'Access Denied.');
      }
      if (expires < seconds()) return cosError(res, 403, 'AccessDenied', 'Request has expired');
      let content: Buffer;
      try {
        content = await fs.readFile(diskPath(target.env, target.cloudPath));
      } catch (e) {
        if (!isMissing(e)) throw e;
        return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      }
      services.record('storage.download', {
        fileID: buildFileId(target.env, target.cloudPath),
        size: content.length,
      });
      res.writeHead(200, {
        'content-type': contentTypeFor(target.cloudPath),
        'content-length': content.length,
      });
      res.end(content);
    },
  };

  return {
    actions: {
      'storage.getUploadMetadata': getUploadMetadata,
      'storage.batchGetDownloadUrl': batchGetDownloadUrl,
      'storage.batchDeleteFile': batchDeleteFile,
    },
    routes: [upload, download],
    async putFile(cloudPath, content, env = defaultEnv) {
      const problem = cloudPathProblem(cloudPath);
      if (problem) throw new CloudError('INVALID_PARAM', problem);
      const file = diskPath(env, cloudPath);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, content);
      return buildFileId(env, cloudPath);
    },
    async readFile(fileID) {
      const parsed = parseFileId(fileID);
      if (!parsed) return null;
      try {
        return await fs.readFile(diskPath(parsed.env, parsed.cloudPath));
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    localPath(fileID) {
      const parsed = parseFileId(fileID);
      return parsed ? diskPath(parsed.env, parsed.cloudPath) : null;
    },
  };
}

/** `/storage/files/<env>/<path>` → env and decoded cloud path, refusing anything unsafe. */
function targetOf(pathname: string, prefix: string): { env: string; cloudPath: string } | null {
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const env = rest.slice(0, slash);
  const cloudPath = rest.slice(slash + 1);
  if (!/^[A-Za-z0-9_-]+$/.test(env) || cloudPathProblem(cloudPath) !== null) return null;
  return { env, cloudPath };
}

function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}

function failure(
  fileID: string,
  code: string,
  message: string,
  maxAge?: number,
): Record<string, unknown> {
  const item: Record<string, unknown> = { code, fileID, message, tempFileURL: '' };
  if (maxAge !== undefined) item.maxAge = maxAge;
  return item;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch (e) {
    if (isMissing(e)) return false;
    throw e;
  }
}

function isMissing(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** COS answers failures as XML; the SDK reads Code, Message, RequestId and TraceId from it. */
function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  const requestId = randomBytes(12).toString('base64url');
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n` +
    `<Message>${message}</Message>\n<Resource>${requestId}</Resource>\n` +
    `<RequestId>${requestId}</RequestId>\n<TraceId>${requestId}</TraceId>\n</Error>`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(xml),
  });
  res.end(xml);
}
