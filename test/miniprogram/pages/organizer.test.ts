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
import { aBinding, aContact, aLastMile } from './households-fixtures';
import type { RosterImportResult } from '../../../typings/api';
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
  answer('households', 'lastMile', (request) =>
    ok(
      request.filter === 'elderly'
        ? aLastMile([aContact({ unitNo: '6-02', unitId: 'u6-02', elderly: true, overseas: false })])
        : aLastMile(),
    ),
  );
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
  it('shows the approvals queue, the import status and the unreached households', async () => {
    answerAll();
    const page = await open();
    expect(page.querySelectorAll('.request-title').map((r) => textOf(r))).toEqual([
      '15-05 · 业主 秦磊',
      '7-03 · 家属或租户 周小雨',
    ]);
    expect(textOf(page.querySelector('.import-line'))).toBe(
      asReadToday('2026年11月19日 16:00 物业房屋名册.xlsx：新增 138，更新 0，未变 0'),
    );
    expect(textOf(page.querySelector('.counts'))).toBe(
      '已联系 131 / 138 户，未联系上 7 户，需上门 5 户',
    );
    expect(textOf(page.querySelector('.contact-tags'))).toBe('外地/海外');
    expect(textOf(page.querySelector('.contact-last'))).toBe(
      '未联系上 · 电话 1 次 · 时差，电话无人接听',
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

  it('filters the tracker and logs a contact', async () => {
    answerAll();
    answer(
      'households',
      'logContact',
      ok({ row: aContact({ reached: true, lastChannel: 'visit', attempts: 2, note: '' }) }),
    );
    const sheet = jest
      .spyOn(wx, 'showActionSheet')
      .mockImplementation((() =>
        Promise.resolve({ tapIndex: 1, errMsg: 'showActionSheet:ok' })) as never);
    const page = await open();
    page.querySelectorAll('.filter')[2]?.dispatchEvent('tap');
    await flush();
    expect(page.data.filter).toBe('elderly');
    expect(textOf(page.querySelector('.contact-unit'))).toBe('6-02');

    page.querySelectorAll('.filter')[0]?.dispatchEvent('tap');
    await flush();
    page.querySelector('.log')?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'logContact',
      unitId: 'u9-04',
      channel: 'visit',
      reached: true,
    });
    expect(textOf(page.querySelector('.contact-last'))).toBe('已联系上 · 上门 2 次');
    sheet.mockRestore();
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
    answer('households', 'lastMile', ok(aLastMile()));
    const page = await open();
    expect(page.data.status).toBe('error');
    expect(textOf(page)).toContain('您当前的身份（业主）不能查看绑定申请');
  });
});
