import {
  answer,
  callMethod,
  cloudCalls,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aBinding, aContact } from './households-fixtures';
import type {
  CockpitLastMileRowView,
  CockpitLastMileView,
  RosterImportResult,
} from '../../../typings/api';
import { asReadToday } from '../dates';

beforeEach(resetWx);

function answerAll(): void {
  answer(
    'households',
    'listBindingRequests',
    ok({
      requests: [
        aBinding(),
        aBinding({ id: 'res:u7-03:o2', unitNo: '7-03', as: 'resident', name: '周小雨' }),
      ],
    }),
  );
  answer(
    'households',
    'importHistory',
    ok({
      imports: [
        {
          id: 'imp1',
          at: '2026-11-19T16:00:00+08:00',
          source: 'cli',
          fileName: '物业房屋名册.xlsx',
          dryRun: false,
          applied: true,
          rows: 138,
          created: 138,
          updated: 0,
          unchanged: 0,
          errorCount: 0,
          errors: [],
        },
      ],
    }),
  );
  answer('cockpit', 'lastMile', (request) =>
    ok(
      request.after
        ? aWorkLastMile([aChase({ unitId: 'u12-01', unitNo: '12-01', phone: null })], null)
        : aWorkLastMile([
            aChase(),
            aChase({ unitId: 'u10-02', unitNo: '10-02', phone: '13900001111' }),
          ]),
    ),
  );
}

function aChase(
  over: { unitId?: string; unitNo?: string; phone?: string | null } = {},
): CockpitLastMileRowView {
  const contact = aContact({
    ...(over.unitId ? { unitId: over.unitId, unitNo: over.unitNo ?? '' } : {}),
  });
  const owner = contact.owners[0];
  return {
    contact: owner ? { ...contact, owners: [{ ...owner, phone: over.phone ?? null }] } : contact,
    status: 'notYet',
    statusLabel: '还没投',
  };
}

function aWorkLastMile(
  rows: CockpitLastMileRowView[],
  nextAfter: string | null = '10|10-02',
): CockpitLastMileView {
  return {
    work: { kind: 'vote', decisionId: 'd-outage', title: '施工期间停梯安排' },
    rows,
    nextAfter,
    remaining: 44,
  };
}

async function open(): Promise<Rendered> {
  const page = mount('pages/organizer/index');
  await callMethod(page, 'onLoad', {});
  return page;
}

const result = (overrides: Partial<RosterImportResult> = {}): RosterImportResult => ({
  fileName: '名册.csv',
  dryRun: true,
  applied: false,
  rows: 2,
  errors: [],
  ignoredColumns: [],
  created: ['25-01'],
  updated: [{ unitNo: '2-03', changes: ['area'] }],
  unchanged: 0,
  peopleCreated: 1,
  peopleUpdated: 0,
  missing: [],
  questions: [],
  ...overrides,
});

describe('organizer page', () => {
  it('shows the approvals queue, the import status and the last mile of the open vote', async () => {
    answerAll();
    const page = await open();
    expect(page.querySelectorAll('.request-title').map((r) => textOf(r))).toEqual([
      '15-05 · 业主 秦磊',
      '7-03 · 家属或租户 周小雨',
    ]);
    expect(textOf(page.querySelector('.import-line'))).toBe(
      asReadToday('2026年11月19日 16:00 物业房屋名册.xlsx：新增 138，更新 0，未变 0'),
    );
    expect(cloudCalls().find((c) => c.name === 'cockpit')?.data).toEqual({ action: 'lastMile' });
    expect(textOf(page.querySelector('.work-line'))).toBe(
      '催票：「施工期间停梯安排」还有 44 户没有投票',
    );
    expect(textOf(page.querySelector('.chase-status'))).toBe('还没投');
    expect(textOf(page.querySelector('.contact-tags'))).toBe('外地/海外');
    expect(textOf(page.querySelector('.contact-last'))).toBe(
      asReadToday('未联系上 · 电话 1 次 · 时差，电话无人接听 · 2026年11月25日 10:00'),
    );
    expect(page.querySelectorAll('.primary-button')).toHaveLength(1);
  });

  it('approves a request and takes it off the queue', async () => {
    answerAll();
    answer('households', 'decideBinding', ok({ binding: aBinding({ status: 'approved' }) }));
    const page = await open();
    page.querySelector('.approve')?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'decideBinding',
      bindingId: 'own:u15-05:p9',
      approve: true,
    });
    expect(page.querySelectorAll('.request')).toHaveLength(1);
  });

  it('turns a request down with the reason the organizer typed', async () => {
    answerAll();
    answer('households', 'decideBinding', ok({ binding: aBinding({ status: 'rejected' }) }));
    const modal = jest.spyOn(wx, 'showModal').mockImplementation((() =>
      Promise.resolve({
        confirm: true,
        cancel: false,
        content: '不是业主本人',
        errMsg: 'showModal:ok',
      })) as never);
    const page = await open();
    page.querySelectorAll('.reject')[1]?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'decideBinding',
      bindingId: 'res:u7-03:o2',
      approve: false,
      reason: '不是业主本人',
    });
    modal.mockRestore();
  });

  it('logs a visit in one tap, calls where a phone is shown, and pages on', async () => {
    answerAll();
    answer(
      'households',
      'logContact',
      ok({ row: aContact({ reached: true, lastChannel: 'visit', attempts: 2, note: '' }) }),
    );
    const call = jest.spyOn(wx, 'makePhoneCall');
    const page = await open();
    // Only the row whose owner's phone the caller may see has a call button.
    expect(page.querySelectorAll('.call')).toHaveLength(1);
    page.querySelector('.call')?.dispatchEvent('tap');
    await flush();
    expect(call).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '13900001111' }));

    page.querySelector('.visited')?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'logContact',
      unitId: 'u9-04',
      channel: 'visit',
      reached: true,
    });
    expect(textOf(page.querySelector('.contact-last'))).toBe(
      '已联系上 · 上门 2 次 · 11月25日 10:00',
    );
    expect(textOf(page.querySelector('.chase-status'))).toBe('还没投');

    page.querySelector('.more-chase')?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'lastMile',
      work: { kind: 'vote', decisionId: 'd-outage' },
      after: '10|10-02',
    });
    expect(page.querySelectorAll('.contact-unit').map((u) => textOf(u))).toEqual([
      '9-04',
      '10-02',
      '12-01',
    ]);
    expect(page.querySelector('.more-chase')).toBeUndefined();
    call.mockRestore();
  });

  it('logs another outcome from the action sheet', async () => {
    answerAll();
    answer(
      'households',
      'logContact',
      ok({ row: aContact({ reached: false, lastChannel: 'phone', attempts: 2, note: '' }) }),
    );
    const sheet = jest
      .spyOn(wx, 'showActionSheet')
      .mockImplementation((() =>
        Promise.resolve({ tapIndex: 3, errMsg: 'showActionSheet:ok' })) as never);
    const page = await open();
    page.querySelector('.log')?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'logContact',
      unitId: 'u9-04',
      channel: 'phone',
      reached: false,
    });
    expect(textOf(page.querySelector('.contact-last'))).toBe(
      '未联系上 · 电话 2 次 · 11月25日 10:00',
    );
    sheet.mockRestore();
  });

  it('opens the building map', async () => {
    answerAll();
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await open();
    page.querySelector('.map-entry')?.dispatchEvent('tap');
    await flush();
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/building-map/index' }),
    );
    navigate.mockRestore();
  });

  it('uploads the roster, previews it, and imports on confirmation', async () => {
    answerAll();
    const choose = jest.spyOn(wx, 'chooseMessageFile').mockImplementation((() =>
      Promise.resolve({
        tempFiles: [
          { path: 'wxfile://tmp/名册.csv', name: '名册.csv', size: 100, type: 'file', time: 0 },
        ],
        errMsg: 'ok',
      })) as never);
    const upload = jest.fn(() =>
      Promise.resolve({
        fileID: 'cloud://env.bucket/rosters/名册.csv',
        statusCode: 200,
        errMsg: 'ok',
      }),
    );
    Object.assign(wx.cloud, { uploadFile: upload });
    answer('households', 'importRoster', (request) =>
      ok(result({ dryRun: request.dryRun === true, applied: request.dryRun !== true })),
    );
    const page = await open();

    page.querySelector('.import')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(upload).toHaveBeenCalledTimes(1);
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'importRoster',
      fileId: 'cloud://env.bucket/rosters/名册.csv',
      fileName: '名册.csv',
      dryRun: true,
    });
    expect(textOf(page.querySelector('.preview-summary'))).toBe(
      '名册.csv：2 行，新增 1，更新 1，未变 0',
    );
    expect(page.querySelectorAll('.preview-line').map((l) => textOf(l))).toEqual([
      '新增 25-01',
      '更新 2-03',
    ]);

    page.querySelector('.confirm-import')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(
      cloudCalls()
        .filter((c) => c.data.action === 'importRoster')
        .map((c) => c.data.dryRun),
    ).toEqual([true, false]);
    expect(page.querySelector('.confirm-import')).toBeUndefined();
    choose.mockRestore();
  });

  it('shows every bad row and offers no import', async () => {
    answerAll();
    const choose = jest.spyOn(wx, 'chooseMessageFile').mockImplementation((() =>
      Promise.resolve({
        tempFiles: [{ path: 'p', name: 'bad.csv', size: 1, type: 'file', time: 0 }],
        errMsg: 'ok',
      })) as never);
    Object.assign(wx.cloud, {
      uploadFile: jest.fn(() => Promise.resolve({ fileID: 'cloud://e.b/bad.csv' })),
    });
    answer(
      'households',
      'importRoster',
      ok(
        result({
          fileName: 'bad.csv',
          errors: [{ line: 3, column: '面积', message: '面积“abc”不对' }],
        }),
      ),
    );
    const page = await open();
    page.querySelector('.import')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(textOf(page.querySelector('.preview-summary'))).toBe(
      'bad.csv 有 1 处错误，请改正后重新上传：',
    );
    expect(textOf(page.querySelector('.preview-line'))).toBe('第 3 行 面积：面积“abc”不对');
    expect(page.querySelector('.confirm-import')).toBeUndefined();
    choose.mockRestore();
  });

  it('tells someone who is not an organizer so', async () => {
    answer('households', 'listBindingRequests', {
      ok: false,
      code: 'FORBIDDEN',
      message: '您当前的身份（业主）不能查看绑定申请',
    });
    answer('households', 'importHistory', ok({ imports: [] }));
    answer('cockpit', 'lastMile', {
      ok: false,
      code: 'FORBIDDEN',
      message: '您当前的身份（业主）不能查看待联系的住户',
    });
    const page = await open();
    expect(page.data.status).toBe('error');
    expect(textOf(page)).toContain('您当前的身份（业主）不能查看待联系的住户');
  });

  it('gives staff the map and the last mile, without the organizer’s approvals and import', async () => {
    answerAll();
    for (const action of ['listBindingRequests', 'importHistory'] as const) {
      answer('households', action, {
        ok: false,
        code: 'FORBIDDEN',
        message: '您当前的身份（社区工作者）不能查看绑定申请',
      });
    }
    const page = await open();
    expect(page.data.status).toBe('ready');
    expect(page.querySelector('.import')).toBeUndefined();
    expect(page.querySelector('.no-requests')).toBeUndefined();
    expect(page.querySelector('.invite-sheet-entry')).toBeUndefined();
    expect(page.querySelector('.map-entry')).toBeDefined();
    expect(textOf(page.querySelector('.work-line'))).toBe(
      '催票：「施工期间停梯安排」还有 44 户没有投票',
    );
    expect(page.querySelectorAll('.contact-unit')).toHaveLength(2);
  });
});
