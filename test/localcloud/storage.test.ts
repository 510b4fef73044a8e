import { randomBytes } from 'node:crypto';
import { parseFileId, type StorageModule } from '../../localcloud/storage';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { type ServerClock, stopServerClock } from '../helpers/serverClock';
import { loadWxSdk, pointSdkAt, sdkFailure, services, type WxServerSdk } from '../helpers/wxSdk';

/* Cloud storage of the real local cloud through the unmodified wx-server-sdk. */

let clock: ServerClock;
let t: TestCloud;
let cloud: WxServerSdk;
let storage: StorageModule;

beforeAll(async () => {
  clock = stopServerClock(Date.parse('2025-03-01T08:00:00Z'));
  t = await startTestCloud();
  storage = t.cloud.storage;
  pointSdkAt(t.cloud, 'o-uploader');
  cloud = services(loadWxSdk());
});

afterAll(async () => {
  await t.stop();
  clock.restore();
});

/** What the server recorded in its outbox, as `{kind, ...fields, seq, at}` entries. */
const outbox = (kind?: string): Array<Record<string, unknown>> => t.cloud.outbox.list(kind);

/** Bytes that break any text round trip: NULs, 0xff, invalid UTF-8. */
function binary(size: number): Buffer {
  return Buffer.concat([Buffer.from([0, 0xff, 0xfe, 0x80, 0x0d, 0x0a]), randomBytes(size)]);
}

describe('uploadFile / downloadFile', () => {
  test('upload then download gives the same bytes, under a real-looking fileID', async () => {
    const content = binary(200_000);
    const { fileID } = await cloud.uploadFile({
      cloudPath: 'receipts/2025/收据 01.pdf',
      fileContent: content,
    });

    expect(fileID).toMatch(
      /^cloud:\/\/[a-z0-9-]+\.[0-9a-f]{4}-[a-z0-9-]+-\d+\/receipts\/2025\/收据 01\.pdf$/,
    );
    expect(parseFileId(fileID)?.cloudPath).toBe('receipts/2025/收据 01.pdf');
    const downloaded = await cloud.downloadFile({ fileID });
    expect(Buffer.compare(downloaded.fileContent, content)).toBe(0);
    expect(outbox('storage.uploadFile')).toContainEqual({
      seq: expect.any(Number),
      at: expect.any(String),
      kind: 'storage.uploadFile',
      fileID,
      cloudPath: 'receipts/2025/收据 01.pdf',
      size: content.length,
    });
  });

  test('uploading to the same path replaces the file', async () => {
    const first = await cloud.uploadFile({
      cloudPath: 'a/same.txt',
      fileContent: Buffer.from('one'),
    });
    const second = await cloud.uploadFile({
      cloudPath: 'a/same.txt',
      fileContent: Buffer.from('two'),
    });

    expect(second.fileID).toBe(first.fileID);
    expect((await cloud.downloadFile({ fileID: first.fileID })).fileContent.toString()).toBe('two');
  });

  test('a cloudPath that climbs out of the bucket is refused before any upload', async () => {
    const error = await sdkFailure(
      cloud.uploadFile({ cloudPath: 'a/../../escape.txt', fileContent: Buffer.from('x') }),
    );

    expect(error.errMsg).toMatch(/^uploadFile:fail .*segment/);
    expect(outbox().some((entry) => JSON.stringify(entry).includes('escape'))).toBe(false);
  });

  test('the upload URL refuses a body without a valid signature, COS style', async () => {
    const res = await fetch(`${t.cloud.url}/storage/upload/tongti-local/forged.txt`, {
      method: 'PUT',
      headers: { authorization: 'q-sign-time=1;9999999999&q-signature=00' },
      body: 'forged',
    });

    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(
      await storage.readFile(`cloud://tongti-local.746f-tongti-local-1300000000/forged.txt`),
    ).toBeNull();
  });
});

describe('getTempFileURL', () => {
  test('the temp URL serves the bytes with a content type, then expires', async () => {
    const content = binary(1000);
    const { fileID } = await cloud.uploadFile({
      cloudPath: 'img/avatar.png',
      fileContent: content,
    });

    const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
    expect(fileList).toEqual([
      expect.objectContaining({
        fileID,
        status: 0,
        errMsg: 'ok',
        tempFileURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/storage\/files\//),
      }),
    ]);
    const url = fileList[0]?.tempFileURL ?? '';
    const res = await fetch(encodeURI(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), content)).toBe(0);

    clock.advance(61_000);
    const expired = await fetch(encodeURI(url));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });

  test('a temp URL is good only for its own file', async () => {
    const { fileID } = await cloud.uploadFile({
      cloudPath: 'x/one.txt',
      fileContent: Buffer.from('1'),
    });
    await cloud.uploadFile({ cloudPath: 'x/two.txt', fileContent: Buffer.from('2') });
    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] });
    const tampered = (fileList[0]?.tempFileURL ?? '').replace('one.txt', 'two.txt');

    expect((await fetch(tampered)).status).toBe(403);
  });

  test('a missing file gets the real per-file error while others succeed', async () => {
    const { fileID } = await cloud.uploadFile({
      cloudPath: 'x/here.txt',
      fileContent: Buffer.from('h'),
    });
    const missing = fileID.replace('here.txt', 'gone.txt');

    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID, missing] });

    expect(fileList[0]).toEqual(expect.objectContaining({ fileID, status: 0 }));
    expect(fileList[1]).toEqual(
      expect.objectContaining({ fileID: missing, status: -503003, tempFileURL: '' }),
    );
  });
});

describe('deleteFile', () => {
  test('delete then download fails with the SDK error; deleting again reports the file missing', async () => {
    const { fileID } = await cloud.uploadFile({
      cloudPath: 'tmp/doomed.txt',
      fileContent: Buffer.from('bye'),
    });

    const removed = await cloud.deleteFile({ fileList: [fileID] });
    expect(removed.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);

    const error = await sdkFailure(cloud.downloadFile({ fileID }));
    expect(error.errMsg).toMatch(/^downloadFile:fail /);
    expect(error.errMsg).toContain('file not exist');

    const again = await cloud.deleteFile({ fileList: [fileID] });
    expect(again.fileList[0]).toEqual(expect.objectContaining({ fileID, status: -503003 }));
    expect(outbox('storage.deleteFile')).toHaveLength(2);
  });

  test('a malformed fileID is an invalid parameter, not a crash', async () => {
    const { fileList } = await cloud.deleteFile({ fileList: ['cloud://nope/../../etc/passwd'] });

    expect(fileList[0]).toEqual(expect.objectContaining({ status: -501007 }));
  });
});

describe('module API', () => {
  test('putFile seeds a file the SDK can then download', async () => {
    const fileID = await storage.putFile('seed/notice.txt', Buffer.from('公告'));

    expect((await cloud.downloadFile({ fileID })).fileContent.toString('utf8')).toBe('公告');
    expect(storage.localPath(fileID)).toContain(t.dataDir);
  });
});
