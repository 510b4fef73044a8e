import type { InviteSheetFileView } from '../../../typings/api';
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
import { asReadToday } from '../dates';

const tempUrlCalls = (): jest.MockedFunction<typeof wx.cloud.getTempFileURL> =>
  jest.mocked(wx.cloud.getTempFileURL);

beforeEach(() => {
  resetWx();
  tempUrlCalls().mockClear();
});
afterEach(() => jest.restoreAllMocks());

const QR = 'cloud://env.bucket/invites/2026-11-29-1.png';

const PDF = 'cloud://env.bucket/notices/invites/sheet-1.pdf';

function aSheet(overrides: Partial<InviteSheetFileView> = {}): InviteSheetFileView {
  return {
    kind: 'invites',
    fileId: PDF,
    url: 'http://127.0.0.1/sheet.pdf',
    fileName: '慈爱鑫和公寓-邀请码名单-3户.pdf',
    pages: 1,
    bytes: 30_000,
    missingCharacters: [],
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

const issueCalls = (): number => cloudCalls().filter((c) => c.data.action === 'inviteSheet').length;

/** wx.cloud.downloadFile and wx.openDocument, watched: how the PDF reaches the phone's viewer. */
function watchDocuments(): { download: jest.Mock; openDocument: jest.SpyInstance } {
  const download = jest.fn(() => Promise.resolve({ tempFilePath: '/tmp/sheet.pdf' }));
  Object.assign(wx.cloud, { downloadFile: download });
  return { download, openDocument: jest.spyOn(wx, 'openDocument') };
}

describe('invite sheet page', () => {
  it('warns what issuing does and issues nothing until the organizer confirms', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('notices', 'inviteSheet', ok(aSheet()));
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
    answer('notices', 'inviteSheet', ok(aSheet()));
    confirmWith(true);
    const page = await open();
    await issue(page);

    expect(cloudCalls().find((c) => c.data.action === 'inviteSheet')?.data).toEqual({
      action: 'inviteSheet',
      scope: 'all',
    });
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
    expect(textOf(page.querySelector('.save-hint'))).toContain('转发给打印店、发到电脑或保存');
    expect(textOf(page.querySelector('.sheet-lost'))).toContain('名单遗失或损坏时');
    // The codes exist only on this screen: no button that would replace them.
    expect(page.querySelector('.issue')).toBeUndefined();
    await callMethod(page, 'onIssue');
    expect(issueCalls()).toBe(1);
  });

  it('opens the A4 PDF at once to forward or save, and again from its button', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('notices', 'inviteSheet', ok(aSheet()));
    confirmWith(true);
    const { download, openDocument } = watchDocuments();
    const page = await open();
    await issue(page);
    await flush();

    expect(download).toHaveBeenCalledWith({ fileID: PDF });
    expect(openDocument.mock.calls[0]?.[0]).toMatchObject({
      filePath: '/tmp/sheet.pdf',
      fileType: 'pdf',
      showMenu: true,
    });
    expect(textOf(page.querySelector('.open-file'))).toBe('打开打印版（PDF）');
    expect(textOf(page.querySelector('.save-hint'))).toContain('慈爱鑫和公寓-邀请码名单-3户.pdf');
    page.querySelector('.open-file')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(openDocument).toHaveBeenCalledTimes(2);
    expect(issueCalls()).toBe(1);
  });

  it('says how to try again when the PDF does not open, keeping the codes', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('notices', 'inviteSheet', ok(aSheet()));
    confirmWith(true);
    Object.assign(wx.cloud, {
      downloadFile: jest.fn(() => Promise.reject({ errMsg: 'cloud.downloadFile:fail timeout' })),
    });
    const page = await open();
    await issue(page);
    await flush();
    expect(textOf(page.querySelector('.file-note'))).toContain('打印版没有打开');
    expect(page.querySelectorAll('.code-row')).toHaveLength(3);
  });

  it('issues codes only for flats nobody has bound, from the second button', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('notices', 'inviteSheet', ok(aSheet()));
    const modal = confirmWith(true);
    watchDocuments();
    const page = await open();
    expect(textOf(page.querySelector('.lost'))).toContain('旧名单上的邀请码随即作废');
    page.querySelector('.issue-unbound')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(modal.mock.calls[0]?.[0]).toMatchObject({ title: '为未绑定的房屋生成' });
    expect(cloudCalls().find((c) => c.data.action === 'inviteSheet')?.data).toEqual({
      action: 'inviteSheet',
      scope: 'unbound',
    });
    expect(page.querySelectorAll('.code-row')).toHaveLength(3);
  });

  it('keeps the codes on screen when the code picture is missing', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('notices', 'inviteSheet', ok(aSheet({ qrFileId: null })));
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
    answer('notices', 'inviteSheet', ok(aSheet()));
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

  it('retries a picture that fails to load once, then shows the fallback line', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('notices', 'inviteSheet', ok(aSheet()));
    confirmWith(true);
    const page = await open();
    await issue(page);
    tempUrlCalls().mockClear();
    page.querySelector('.qr')?.dispatchEvent('error');
    await flush();
    await flush();
    // One fresh address first: a dropped connection should not cost the lobby its code.
    expect(tempUrlCalls()).toHaveBeenCalledWith({ fileList: [QR] });
    expect(page.querySelector('.qr')).toBeDefined();
    expect(page.querySelector('.qr-note')).toBeUndefined();
    page.querySelector('.qr')?.dispatchEvent('error');
    await flush();
    expect(page.querySelector('.qr')).toBeUndefined();
    expect(page.querySelector('.qr-note')).toBeDefined();
  });

  it('tells someone who may not issue codes why, and keeps the button', async () => {
    answer('households', 'summary', ok(aSummary()));
    answer('notices', 'inviteSheet', fail('FORBIDDEN', '您当前的身份（业主）不能生成邀请码'));
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
    answer('notices', 'inviteSheet', ok(aSheet({ rows: [] })));
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
    answer(
      'cockpit',
      'lastMile',
      ok({ work: { kind: 'money' }, rows: [], nextAfter: null, remaining: 0 }),
    );
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
