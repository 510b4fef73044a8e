import type { InviteCodeSheet } from '../../../typings/api';
import { aSummary } from '../fixtures';
import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  tempUrlFor,
  textOf,
  type Rendered,
} from '../harness';
import { aLastMile } from './households-fixtures';
import { asReadToday } from '../dates';

const tempUrlCalls = (): jest.MockedFunction<typeof wx.cloud.getTempFileURL> =>
  jest.mocked(wx.cloud.getTempFileURL);

beforeEach(() => {
  resetWx();
  tempUrlCalls().mockClear();
});
afterEach(() => jest.restoreAllMocks());

const QR = 'cloud://env.bucket/invites/2026-11-29-1.png';

function aSheet(overrides: Partial<InviteCodeSheet> = {}): InviteCodeSheet {
  return {
    issuedAt: '2026-11-29T10:05:00+08:00',
    page: 'pages/bind/index',
    qrFileId: QR,
    rows: [
      { unitId: 'u1-01', unitNo: '1-01', floor: 1, code: 'ABCD-EFGH' },
      { unitId: 'u1-02', unitNo: '1-02', floor: 1, code: 'JKLM-NPQR' },
      { unitId: 'u12-04', unitNo: '12-04', floor: 12, code: 'STUV-WXYZ' },
    ],
    ...overrides,
  };
}

function confirmWith(confirm: boolean): jest.SpyInstance {
  return jest
    .spyOn(wx, 'showModal')
    .mockImplementation((() =>
      Promise.resolve({ confirm, cancel: !confirm, errMsg: 'showModal:ok' })) as never);
}

async function open(): Promise<Rendered> {
  const page = mount('pages/invite-sheet/index');
  await callMethod(page, 'onLoad', {});
  return page;
}

async function issue(page: Rendered): Promise<void> {
  page.querySelector('.issue')?.dispatchEvent('tap');
  await flush();
  await flush();
}

const issueCalls = (): number =>
  cloudCalls().filter((c) => c.data.action === 'issueInviteCodes').length;

describe('invite sheet page', () => {
  it('warns what issuing does and issues nothing until the organizer confirms', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('households', 'issueInviteCodes', ok(aSheet()));
    const modal = confirmWith(false);
    const page = await open();

    const warning = textOf(page.querySelector('.warning'));
    expect(warning).toContain('之前张贴的邀请码全部作废');
    expect(warning).toContain('已经绑定的住户和已提交的申请不受影响');
    expect(warning).toContain('只显示这一次');
    expect(page.querySelectorAll('.primary-button')).toHaveLength(1);
    expect(textOf(page.querySelector('.primary-button'))).toBe('生成邀请码名单');

    await issue(page);
    expect(modal).toHaveBeenCalledTimes(1);
    expect(modal.mock.calls[0]?.[0]).toMatchObject({
      title: '生成新的邀请码',
      content: expect.stringContaining('之前张贴的邀请码将全部作废') as unknown,
    });
    expect(issueCalls()).toBe(0);
    expect(page.querySelector('.sheet')).toBeUndefined();
  });

  it('lays out the sheet to print: building, the code picture, steps, rooms and codes', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('households', 'issueInviteCodes', ok(aSheet()));
    confirmWith(true);
    const page = await open();
    await issue(page);

    expect(cloudCalls().at(-1)?.data).toEqual({ action: 'issueInviteCodes' });
    expect(tempUrlCalls()).toHaveBeenCalledWith({ fileList: [QR] });
    expect(textOf(page.querySelector('.sheet-building'))).toBe('慈爱鑫和公寓');
    expect(page.data.qrUrl).toBe(tempUrlFor(QR));
    expect(page.querySelector('.qr')).toBeDefined();
    expect(page.querySelector('.qr-note')).toBeUndefined();
    const steps = page.querySelectorAll('.step').map((s) => textOf(s));
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('扫描上面的小程序码');
    expect(steps[0]).toContain('“我的”→“绑定房屋”');
    expect(steps[1]).toContain('房号');
    expect(steps[1]).toContain('邀请码');
    const texts = (selector: string): string[] =>
      page.querySelectorAll(selector).map((e) => textOf(e));
    expect(texts('.room')).toEqual(['1-01', '1-02', '12-04']);
    expect(texts('.code')).toEqual(['ABCD-EFGH', 'JKLM-NPQR', 'STUV-WXYZ']);
    // A rule above the first flat of each floor after the first, to guide the eye on paper.
    expect(texts('.new-floor')).toEqual(['12-04STUV-WXYZ']);
    expect(textOf(page.querySelector('.issued'))).toBe(
      asReadToday('共 3 户 · 生成于 2026年11月29日 10:05 · 之前的邀请码已作废'),
    );
    expect(textOf(page.querySelector('.save-hint'))).toContain('截屏保存图片');
    expect(textOf(page.querySelector('.save-hint'))).toContain('打印');
    // The codes exist only on this screen: no button that would replace them.
    expect(page.querySelector('.issue')).toBeUndefined();
    await callMethod(page, 'onIssue');
    expect(issueCalls()).toBe(1);
  });

  it('keeps the codes on screen when the code picture is missing', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('households', 'issueInviteCodes', ok(aSheet({ qrFileId: null })));
    confirmWith(true);
    const page = await open();
    await issue(page);

    expect(tempUrlCalls()).not.toHaveBeenCalled();
    expect(page.querySelector('.qr')).toBeUndefined();
    expect(textOf(page.querySelector('.qr-note'))).toContain('“我的”→“绑定房屋”');
    expect(page.querySelectorAll('.code-row')).toHaveLength(3);
  });

  it('keeps the codes on screen when storage cannot sign the picture', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('households', 'issueInviteCodes', ok(aSheet()));
    tempUrlCalls().mockImplementationOnce((() =>
      Promise.resolve({
        errMsg: 'cloud.getTempFileURL:ok',
        fileList: [
          { fileID: QR, tempFileURL: '', maxAge: 0, status: -1, errMsg: 'file not exist' },
        ],
      })) as never);
    confirmWith(true);
    const page = await open();
    await issue(page);

    expect(page.data.qrUrl).toBe('');
    expect(page.querySelector('.qr-note')).toBeDefined();
    expect(page.querySelectorAll('.code-row')).toHaveLength(3);
  });

  it('swaps a picture that fails to load for the fallback line', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('households', 'issueInviteCodes', ok(aSheet()));
    confirmWith(true);
    const page = await open();
    await issue(page);
    page.querySelector('.qr')?.dispatchEvent('error');
    await flush();
    expect(page.querySelector('.qr')).toBeUndefined();
    expect(page.querySelector('.qr-note')).toBeDefined();
  });

  it('tells someone who may not issue codes why, and keeps the button', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer(
      'households',
      'issueInviteCodes',
      fail('FORBIDDEN', '您当前的身份（业主）不能生成邀请码'),
    );
    confirmWith(true);
    const toast = jest.spyOn(wx, 'showToast');
    const page = await open();
    await issue(page);

    expect(toast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '您当前的身份（业主）不能生成邀请码', icon: 'none' }),
    );
    expect(page.querySelector('.sheet')).toBeUndefined();
    expect(page.querySelector('.issue')).toBeDefined();
    expect(page.data.issuing).toBe(false);
  });

  it('says so when no flat needs a code', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('households', 'issueInviteCodes', ok(aSheet({ rows: [] })));
    confirmWith(true);
    const page = await open();
    await issue(page);
    expect(page.querySelector('.sheet')).toBeUndefined();
    expect(textOf(page)).toContain('没有需要邀请码的房屋');
  });

  it('shows a failed load with a retry that works', async () => {
    answer('households', 'summary', fail('INTERNAL', 'boom'));
    const page = await open();
    expect(page.data.status).toBe('error');
    expect(page.querySelector('.issue')).toBeUndefined();

    answer('households', 'summary', ok(aSummary()));
    await callMethod(page, 'onRetry');
    expect(page.data.status).toBe('ready');
    expect(page.querySelector('.issue')).toBeDefined();
  });
});

describe('organizer desk', () => {
  it('opens the lobby list from its own button', async () => {
    answer('households', 'listBindingRequests', ok({ requests: [] }));
    answer('households', 'importHistory', ok({ imports: [] }));
    answer('households', 'lastMile', ok(aLastMile()));
    const navigate = jest.spyOn(wx, 'navigateTo');
    const desk = mount('pages/organizer/index');
    await callMethod(desk, 'onLoad', {});
    desk.querySelector('.invite-sheet-entry')?.dispatchEvent('tap');
    await flush();
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/invite-sheet/index' }),
    );
  });
});
