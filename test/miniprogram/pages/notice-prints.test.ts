import type { NoticeFileView, RoleName } from '../../../typings/api';
import { noticePrintsFor } from '../../../miniprogram/utils/noticePrints';
import { idFromQuery } from '../../../miniprogram/utils/scene';
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
import { aDetail } from './decisions-fixtures';
import { aMe } from './households-fixtures';
import { anOverview, entriesPage } from './money-fixtures';

/**
 * 打印版 where each notice belongs: the decision's notice and result on the decision pages for
 * those who post them, the money summary on the ledger; each downloads the PDF and opens it with
 * the menu to forward or print. And the decision's documents open as what they are.
 */

beforeEach(resetWx);
afterEach(() => jest.restoreAllMocks());

function aFile(overrides: Partial<NoticeFileView> = {}): NoticeFileView {
  return {
    kind: 'decision',
    fileId: 'cloud://env.bucket/notices/decision/d1-1.pdf',
    url: 'http://127.0.0.1/d1.pdf',
    fileName: '慈爱鑫和公寓-表决公告-电梯更换.pdf',
    pages: 1,
    bytes: 40_000,
    missingCharacters: [],
    ...overrides,
  };
}

function watchDocuments(): { download: jest.Mock; openDocument: jest.SpyInstance } {
  const download = jest.fn((o: { fileID: string }) =>
    Promise.resolve({ tempFilePath: `/tmp/${o.fileID.split('/').pop() ?? ''}` }),
  );
  Object.assign(wx.cloud, { downloadFile: download });
  return { download, openDocument: jest.spyOn(wx, 'openDocument') };
}

async function tap(page: Rendered, selector: string, index = 0): Promise<void> {
  const target = page.querySelectorAll(selector)[index];
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
  for (let i = 0; i < 4; i += 1) await flush();
}

describe('which notices a decision offers to print', () => {
  const staff = { canOrganize: false, canEnterPaper: true };
  it('offers the notice once posted and the result once published, to organizers and staff', () => {
    expect(noticePrintsFor({ status: 'draft', canOrganize: true, canEnterPaper: true })).toEqual(
      [],
    );
    expect(noticePrintsFor({ status: 'open', ...staff }).map((p) => p.action)).toEqual([
      'decisionNotice',
    ]);
    expect(noticePrintsFor({ status: 'preliminary', ...staff }).map((p) => p.label)).toEqual([
      '表决公告打印版（PDF）',
      '初步结果打印版（PDF）',
    ]);
    expect(
      noticePrintsFor({ status: 'final', canOrganize: true, canEnterPaper: false }).map(
        (p) => p.label,
      ),
    ).toEqual(['表决公告打印版（PDF）', '最终结果打印版（PDF）']);
    expect(noticePrintsFor({ status: 'final', canOrganize: false, canEnterPaper: false })).toEqual(
      [],
    );
  });
});

describe('the code on a printed notice', () => {
  it('reads the decision from the scene WeChat passes, or from a link', () => {
    expect(idFromQuery({ scene: encodeURIComponent('id=d-elevator-plan') })).toBe(
      'd-elevator-plan',
    );
    expect(idFromQuery({ id: 'd1', scene: 'id%3Dd2' })).toBe('d1');
    expect(idFromQuery({ scene: 'bind' })).toBe('');
    expect(idFromQuery({})).toBe('');
  });

  it('opens the decision and its results from a scanned code', async () => {
    answer('decisions', 'detail', ok(aDetail({ id: 'd-elevator-plan' })));
    const detail = mount('pages/decision-detail/index');
    await callMethod(detail, 'onLoad', { scene: encodeURIComponent('id=d-elevator-plan') });
    expect(cloudCalls().find((c) => c.data.action === 'detail')?.data).toEqual({
      action: 'detail',
      decisionId: 'd-elevator-plan',
    });
    const results = mount('pages/decision-results/index');
    await callMethod(results, 'onLoad', { scene: 'id%3Dd-elevator-plan' });
    expect(results.data.id).toBe('d-elevator-plan');
  });
});

describe('decision detail: print and documents', () => {
  async function openDetail(overrides: Parameters<typeof aDetail>[0]): Promise<Rendered> {
    answer('decisions', 'detail', ok(aDetail(overrides)));
    const page = mount('pages/decision-detail/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    await flush();
    return page;
  }

  it('shows no print button to an owner', async () => {
    const page = await openDetail({ status: 'final', statusLabel: '最终结果' });
    expect(page.querySelector('.link-print')).toBeUndefined();
  });

  it('prints the final result for staff: the PDF downloads and opens with its menu', async () => {
    const page = await openDetail({
      status: 'final',
      statusLabel: '最终结果',
      canEnterPaper: true,
      passed: true,
    });
    expect(page.querySelectorAll('.link-print').map((b) => textOf(b))).toEqual([
      '表决公告打印版（PDF）',
      '最终结果打印版（PDF）',
    ]);
    answer('notices', 'decisionResult', ok(aFile({ kind: 'result' })));
    const { download, openDocument } = watchDocuments();
    await tap(page, '.link-print', 1);
    expect(cloudCalls().find((c) => c.name === 'notices')?.data).toEqual({
      action: 'decisionResult',
      decisionId: 'd1',
    });
    expect(download).toHaveBeenCalledWith({ fileID: aFile().fileId });
    expect(openDocument.mock.calls[0]?.[0]).toMatchObject({
      filePath: '/tmp/d1-1.pdf',
      fileType: 'pdf',
      showMenu: true,
    });
  });

  it('warns the printer about characters drawn as □, and shows a refusal', async () => {
    const page = await openDetail({ status: 'open', canOrganize: true });
    answer('notices', 'decisionNotice', ok(aFile({ missingCharacters: ['喆', '堃'] })));
    watchDocuments();
    const modal = jest.spyOn(wx, 'showModal');
    await tap(page, '.link-print');
    expect(modal.mock.calls[0]?.[0]).toMatchObject({
      content: expect.stringContaining('喆、堃') as unknown,
    });

    answer('notices', 'decisionNotice', fail('FORBIDDEN', '您当前的身份（业主）不能打印表决公告'));
    const toast = jest.spyOn(wx, 'showToast');
    await tap(page, '.link-print');
    expect(toast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '您当前的身份（业主）不能打印表决公告' }),
    );
  });

  it('opens a PDF document as a document and a picture in the image viewer', async () => {
    const photo = 'cloud://env.bucket/decisions/shaft.png';
    const page = await openDetail({
      documents: [
        { kind: 'inspection', title: '第三方检测报告', fileId: 'cloud://env.bucket/d/report.pdf' },
        { kind: 'other', title: '井道照片', fileId: photo },
      ],
    });
    const { download, openDocument } = watchDocuments();
    const preview = jest.spyOn(wx, 'previewImage');
    await tap(page, '.document', 0);
    expect(download).toHaveBeenCalledWith({ fileID: 'cloud://env.bucket/d/report.pdf' });
    expect(openDocument.mock.calls[0]?.[0]).toMatchObject({ fileType: 'pdf', showMenu: true });
    await tap(page, '.document', 1);
    expect(preview).toHaveBeenCalledWith(
      expect.objectContaining({ urls: [tempUrlFor(photo)], current: tempUrlFor(photo) }),
    );
    expect(download).toHaveBeenCalledTimes(1);
  });
});

describe('decision organize: print', () => {
  it('offers the notice and the preliminary result to print', async () => {
    answer(
      'decisions',
      'detail',
      ok(aDetail({ status: 'preliminary', statusLabel: '初步结果公示中', canOrganize: true })),
    );
    const page = mount('pages/decision-organize/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    await flush();
    expect(page.querySelectorAll('.print').map((b) => textOf(b))).toEqual([
      '表决公告打印版（PDF）',
      '初步结果打印版（PDF）',
    ]);
    answer('notices', 'decisionNotice', ok(aFile()));
    const { openDocument } = watchDocuments();
    await tap(page, '.print', 0);
    expect(openDocument).toHaveBeenCalledTimes(1);

    answer('notices', 'decisionResult', fail('CONFLICT', '表决结果公示后才能打印结果'));
    await tap(page, '.print', 1);
    expect(textOf(page.querySelector('.error'))).toBe('表决结果公示后才能打印结果');
  });
});

describe('ledger: the money summary', () => {
  async function openLedger(roles: RoleName[]): Promise<Rendered> {
    answer('ledger', 'overview', ok(anOverview({ entryCount: 5 })));
    answer('ledger', 'entries', ok(entriesPage(undefined, 20, 5)));
    answer('ledger', 'expenses', ok({ expenses: [] }));
    answer('households', 'me', ok(aMe({ roles })));
    const page = mount('pages/ledger/index');
    await callMethod(page, 'onLoad');
    for (let i = 0; i < 3; i += 1) await flush();
    return page;
  }

  it('lets staff print the summary with the head hash, and not an owner', async () => {
    expect((await openLedger(['owner'])).querySelector('.print-summary')).toBeUndefined();
    resetWx();
    const page = await openLedger(['staff']);
    answer('notices', 'moneySummary', ok(aFile({ kind: 'money' })));
    const { openDocument } = watchDocuments();
    await tap(page, '.print-summary');
    expect(cloudCalls().find((c) => c.name === 'notices')?.data).toEqual({
      action: 'moneySummary',
    });
    expect(openDocument.mock.calls[0]?.[0]).toMatchObject({ fileType: 'pdf', showMenu: true });
  });
});
