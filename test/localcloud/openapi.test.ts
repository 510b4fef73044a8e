import QRCode from 'qrcode';
import { parseWxacodeText, wxacodeText } from '../../localcloud/openapi';
import type { OpenApiModule } from '../../localcloud/openapi';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { type ServerClock, stopServerClock } from '../helpers/serverClock';
import { loadWxSdk, pointSdkAt, sdkFailure, services, type WxServerSdk } from '../helpers/wxSdk';

/* `cloud.openapi.*` of the real local cloud through the unmodified wx-server-sdk. */

let clock: ServerClock;
let t: TestCloud;
let cloud: WxServerSdk;
let openapi: OpenApiModule;
/** Outbox entries before this index belong to earlier tests. */
let mark = 0;

beforeAll(async () => {
  clock = stopServerClock(Date.parse('2025-03-01T08:00:00Z'));
  t = await startTestCloud();
  openapi = t.cloud.openapi;
  pointSdkAt(t.cloud, 'o-sender');
  cloud = services(loadWxSdk());
});

afterAll(async () => {
  await t.stop();
  clock.restore();
});

beforeEach(() => {
  openapi.reset();
  mark = t.cloud.outbox.list().length;
});

/** What this test's calls left in the server's outbox, each as its kind and its fields. */
function records(): Array<{ kind: string; entry: Record<string, unknown> }> {
  return t.cloud.outbox
    .list()
    .slice(mark)
    .map(({ kind, seq: _seq, at: _at, ...entry }) => ({ kind, entry }));
}

async function postJson(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${t.cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const message = {
  touser: 'o-resident-1',
  templateId: 'TPL-vote-open',
  page: 'pages/decision/index?id=d1',
  data: { thing1: { value: '电梯更新方案表决' }, time2: { value: '2025年3月8日 20:00' } },
  miniprogramState: 'developer',
};

describe('subscribeMessage.send', () => {
  test('is accepted and recorded with its fields', async () => {
    const result = await cloud.openapi.subscribeMessage.send(message);

    expect(result.errCode).toBe(0);
    expect(result.errMsg).toBe('openapi.subscribeMessage.send:ok');
    expect(typeof result.msgid).toBe('number');
    expect(records()).toEqual([
      {
        kind: 'openapi.subscribeMessage.send',
        entry: expect.objectContaining({
          touser: 'o-resident-1',
          templateId: 'TPL-vote-open',
          page: 'pages/decision/index?id=d1',
          data: message.data,
          miniprogramState: 'developer',
          errcode: 0,
          msgid: result.msgid,
        }),
      },
    ]);
  });

  test('answers 43101 for a user the test switch says refused, and still sends to others', async () => {
    const set = await postJson('/openapi/rules', { refusedSubscribers: ['o-resident-1'] });
    expect(set.status).toBe(200);

    const error = await sdkFailure(cloud.openapi.subscribeMessage.send(message));
    expect(error.errCode).toBe(43101);
    expect(error.errMsg).toMatch(
      /^openapi\.subscribeMessage\.send:fail user refuse to accept the msg/,
    );
    expect(records()[0]?.entry).toEqual(expect.objectContaining({ errcode: 43101 }));

    const other = await cloud.openapi.subscribeMessage.send({ ...message, touser: 'o-resident-2' });
    expect(other.errCode).toBe(0);
  });

  test('with grants required, one accepted subscription allows exactly one send', async () => {
    openapi.setRules({ requireSubscribeGrants: true });
    const granted = await postJson('/openapi/subscriptions', {
      openid: 'o-resident-1',
      templateIds: ['TPL-vote-open'],
    });
    expect(granted.status).toBe(200);

    expect((await cloud.openapi.subscribeMessage.send(message)).errCode).toBe(0);
    expect((await sdkFailure(cloud.openapi.subscribeMessage.send(message))).errCode).toBe(43101);
  });

  test('checks data values against their keyword limits (thing ≤ 20 characters)', async () => {
    const error = await sdkFailure(
      cloud.openapi.subscribeMessage.send({
        ...message,
        data: { thing1: { value: '这是一个超过二十个字符长度限制的非常长的事项名称啊' } },
      }),
    );

    expect(error.errCode).toBe(47003);
    expect(error.errMsg).toContain('data.thing1.value');
  });

  test('a missing recipient is an invalid openid', async () => {
    const error = await sdkFailure(cloud.openapi.subscribeMessage.send({ ...message, touser: '' }));

    expect(error.errCode).toBe(40003);
  });
});

describe('security.msgSecCheck', () => {
  const check = (content: string, version = 2): Promise<Record<string, unknown>> =>
    cloud.openapi.security.msgSecCheck({ content, version, scene: 2, openid: 'o-sender' });

  test('v2 passes ordinary text with the real result shape', async () => {
    const result = await check('三楼的电梯按钮坏了，请物业看看');

    expect(result).toEqual(
      expect.objectContaining({
        errCode: 0,
        result: { suggest: 'pass', label: 100 },
        traceId: expect.any(String),
      }),
    );
    expect(records()[0]).toEqual({
      kind: 'openapi.security.msgSecCheck',
      entry: expect.objectContaining({ suggest: 'pass', openid: 'o-sender', scene: 2 }),
    });
  });

  test('v2 flags a blocklisted word as risky, naming the keyword', async () => {
    await postJson('/openapi/rules', { blockedWords: ['赌博', { word: 'spam', label: 10001 }] });

    const risky = await check('楼下有人聚众赌博');
    expect(risky.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(risky.detail).toContainEqual(
      expect.objectContaining({ strategy: 'keyword', suggest: 'risky', keyword: '赌博' }),
    );
    expect((await check('buy SPAM now')).result).toEqual({ suggest: 'risky', label: 10001 });
    expect((await check('楼下有人下棋')).result).toEqual({ suggest: 'pass', label: 100 });
  });

  test('v1 rejects risky content with 87014', async () => {
    openapi.setRules({ blockedWords: ['赌博'] });

    const error = await sdkFailure(cloud.openapi.security.msgSecCheck({ content: '赌博' }));
    expect(error.errCode).toBe(87014);
  });

  test('v2 without an openid is refused', async () => {
    const error = await sdkFailure(
      cloud.openapi.security.msgSecCheck({ content: 'hi', version: 2, scene: 2 }),
    );
    expect(error.errCode).toBe(40003);
  });
});

/** pngjs comes with qrcode and has no typings; this is the part the test uses. */
interface PngJs {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
const { PNG } = jest.requireActual<PngJs>('pngjs');

/** No PNG filtering: adaptive filtering is slow under jest and the pixels are what we compare. */
const unfilteredPng = { deflateLevel: 1, filterType: 0 };

describe('wxacode.getUnlimited', () => {
  test('returns a real PNG QR code encoding page and scene, as the SDK returns a buffer', async () => {
    const result = await cloud.openapi.wxacode.getUnlimited({
      scene: 'd=d1&u=1203',
      page: 'pages/decision/index',
      width: 300,
      checkPath: false,
    });

    expect(result.contentType).toBe('image/png');
    const buffer = result.buffer as Buffer;
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    const image = PNG.sync.read(buffer);
    expect(image.width).toBe(300);
    expect(image.height).toBe(300);

    const text = wxacodeText('pages/decision/index', 'd=d1&u=1203');
    expect(parseWxacodeText(text)).toEqual({
      page: 'pages/decision/index',
      query: { scene: 'd=d1&u=1203' },
    });
    // The same text drawn the same way gives the same modules: the code encodes page and scene.
    const expected = PNG.sync.read(
      await QRCode.toBuffer(text, {
        type: 'png',
        width: 300,
        margin: 2,
        errorCorrectionLevel: 'M',
        color: { dark: '#000000ff', light: '#ffff' },
        rendererOpts: unfilteredPng,
      }),
    );
    expect(Buffer.compare(image.data, expected.data)).toBe(0);
    expect(records()[0]).toEqual({
      kind: 'openapi.wxacode.getUnlimited',
      entry: expect.objectContaining({ scene: 'd=d1&u=1203', page: 'pages/decision/index', text }),
    });
  });

  test('a scene longer than 32 characters gets 40169', async () => {
    const error = await sdkFailure(cloud.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33) }));

    expect(error.errCode).toBe(40169);
  });

  test('with known pages configured, an unknown page gets 41030 unless checkPath is false', async () => {
    openapi.setRules({ knownPages: ['pages/index/index'] });

    const error = await sdkFailure(
      cloud.openapi.wxacode.getUnlimited({ scene: 'a', page: 'pages/nope/index' }),
    );
    expect(error.errCode).toBe(41030);
    const unchecked = await cloud.openapi.wxacode.getUnlimited({
      scene: 'a',
      page: 'pages/nope/index',
      checkPath: false,
    });
    expect(unchecked.contentType).toBe('image/png');
  });
});

describe('phonenumber.getPhoneNumber', () => {
  test('a registered code maps to its number once; reusing it gives 40029', async () => {
    openapi.registerPhoneCode('code-1', '13800138000');

    const result = await cloud.openapi.phonenumber.getPhoneNumber({ code: 'code-1' });
    expect(result.phoneInfo).toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
      watermark: { timestamp: Math.floor(clock.now() / 1000), appid: expect.any(String) },
    });

    const reused = await sdkFailure(cloud.openapi.phonenumber.getPhoneNumber({ code: 'code-1' }));
    expect(reused.errCode).toBe(40029);
    expect(reused.errMsg).toMatch(/^openapi\.phonenumber\.getPhoneNumber:fail invalid code/);
  });

  test('an unknown code gives 40029', async () => {
    const error = await sdkFailure(
      cloud.openapi.phonenumber.getPhoneNumber({ code: 'never-issued' }),
    );

    expect(error.errCode).toBe(40029);
  });

  test('codes issued through the raw route work, and expire after 5 minutes', async () => {
    const issued = await postJson('/openapi/phone-codes', { phone: '+1 415-555-0100' });
    expect(issued.status).toBe(200);
    const { code } = issued.json as { code: string };
    const result = await cloud.openapi.phonenumber.getPhoneNumber({ code });
    expect(result.phoneInfo).toEqual(
      expect.objectContaining({
        phoneNumber: '+14155550100',
        purePhoneNumber: '4155550100',
        countryCode: '1',
      }),
    );

    openapi.registerPhoneCode('late', '13900139000');
    clock.advance(5 * 60 * 1000 + 1);
    expect(
      (await sdkFailure(cloud.openapi.phonenumber.getPhoneNumber({ code: 'late' }))).errCode,
    ).toBe(40029);
  });

  test('a malformed phone number is refused by the raw route', async () => {
    const issued = await postJson('/openapi/phone-codes', { phone: 'not a phone' });

    expect(issued.status).toBe(400);
  });
});

test('an openapi the local cloud does not emulate fails loudly with an invalid-param error', async () => {
  const error = await sdkFailure(cloud.openapi.customerServiceMessage.send({ touser: 'o-1' }));

  expect(error.errCode).toBe(-501007);
  expect(error.errMsg).toContain('not emulated');
  expect(records()[0]?.kind).toBe('openapi.customerServiceMessage.send');
});
