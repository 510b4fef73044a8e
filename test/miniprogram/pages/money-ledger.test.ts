import type { RoleName } from '../../../typings/api';
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
import { aMe } from './households-fixtures';
import { anExpense, anOverview, aStanding, entriesPage } from './money-fixtures';

beforeEach(resetWx);

async function tap(page: Rendered, selector: string, index = 0): Promise<void> {
  const target = page.querySelectorAll(selector)[index];
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
  for (let i = 0; i < 3; i += 1) await flush();
}

async function open(total = 45, roles: RoleName[] = ['owner']): Promise<Rendered> {
  answer('ledger', 'overview', ok(anOverview({ entryCount: total })));
  answer('ledger', 'entries', (request) =>
    ok(entriesPage(request.beforeSeq as number | undefined, Number(request.limit), total)),
  );
  answer(
    'ledger',
    'expenses',
    ok({
      expenses: [
        anExpense(),
        anExpense({ id: 'e2', invoiceFileId: 'cloud://env/invoices/e2.jpg', status: 'proposed' }),
      ],
    }),
  );
  answer('households', 'me', ok(aMe({ roles })));
  const page = mount('pages/ledger/index');
  await callMethod(page, 'onLoad');
  await flush();
  return page;
}

describe('public ledger page', () => {
  it('shows progress, the head hash to copy, and expenses with their invoices to preview', async () => {
    const page = await open();
    expect(textOf(page.querySelector('.progress-percent'))).toBe('64.3%');
    expect(textOf(page.querySelector('.progress-line'))).toBe(
      '已筹 ¥1,080,432.00 / 目标 ¥1,680,000.00',
    );
    expect(textOf(page.querySelector('.hash'))).toBe(anOverview().headHash);
    expect(page.querySelectorAll('.expense-title').map((e) => textOf(e))).toEqual([
      '合同定金',
      '合同定金',
    ]);
    const preview = jest.spyOn(wx, 'previewImage');
    await tap(page, '.invoice', 1);
    expect(preview.mock.calls[0]?.[0]).toMatchObject({
      current: tempUrlFor('cloud://env/invoices/e2.jpg'),
      urls: [tempUrlFor('cloud://env/invoices/e1.jpg'), tempUrlFor('cloud://env/invoices/e2.jpg')],
    });
    preview.mockRestore();
    const clip = jest.spyOn(wx, 'setClipboardData');
    await tap(page, '.copy-hash');
    expect(clip.mock.calls[0]?.[0]).toMatchObject({ data: anOverview().headHash });
    clip.mockRestore();
  });

  it('counts rooms by standing and lists one group’s rooms, names masked, when opened', async () => {
    const page = await open();
    answer('ledger', 'units', (request) =>
      ok(
        request.after === undefined
          ? { units: [aStanding('5-02', '钟*'), aStanding('7-04', '李*华')], nextAfter: 'u7-04' }
          : { units: [aStanding('9-01', '王*')], nextAfter: null },
      ),
    );
    expect(page.querySelectorAll('.group-head').map((g) => textOf(g))).toEqual([
      '已缴清80 户 ▾',
      '部分缴纳12 户 ▾',
      '未缴45 户 ▾',
    ]);
    await tap(page, '.group-head', 2);
    expect(page.querySelectorAll('.group-unit').map((u) => textOf(u))).toEqual([
      '5-02 钟*',
      '7-04 李*华',
    ]);
    await tap(page, '.more-units');
    expect(page.querySelectorAll('.group-unit').map((u) => textOf(u))).toEqual([
      '5-02 钟*',
      '7-04 李*华',
      '9-01 王*',
    ]);
    expect(page.querySelector('.more-units')).toBeUndefined();
    expect(
      cloudCalls()
        .filter((c) => c.data.action === 'units')
        .map((c) => c.data),
    ).toEqual([
      { action: 'units', status: 'unpaid', limit: 100 },
      { action: 'units', status: 'unpaid', after: 'u7-04', limit: 100 },
    ]);
    // Closing and opening again does not fetch the rooms again.
    await tap(page, '.group-head', 2);
    await tap(page, '.group-head', 2);
    expect(cloudCalls().filter((c) => c.data.action === 'units')).toHaveLength(2);
  });

  it('lists every entry newest first, twenty at a time, until the first', async () => {
    const page = await open(45);
    const seqs = (): string[] =>
      page.querySelectorAll('.entry-kind').map((e) => textOf(e).split(' ')[0] ?? '');
    expect(seqs()).toHaveLength(20);
    expect(seqs()[0]).toBe('#45');
    expect(textOf(page.querySelector('.entry'))).toContain(
      '12月13日 12:23 · 12-03 · 微信支付 · 孙*国',
    );
    await tap(page, '.more');
    await tap(page, '.more');
    expect(seqs()).toHaveLength(45);
    expect(seqs()[44]).toBe('#1');
    expect(page.querySelector('.more')).toBeUndefined();
    const asked = cloudCalls()
      .filter((c) => c.data.action === 'entries')
      .map((c) => c.data.beforeSeq);
    expect(asked).toEqual([undefined, 26, 6]);
  });

  it('keeps what is shown when the next page fails, and says so', async () => {
    const page = await open(45);
    answer('ledger', 'entries', fail('INTERNAL', 'boom'));
    await tap(page, '.more');
    expect(page.querySelectorAll('.entry')).toHaveLength(20);
    expect(textOf(page.querySelector('.error'))).toBe('服务暂时出了问题，请稍后再试');
    expect(page.querySelector('.more')).toBeDefined();
  });

  it('lets the treasurer export the ledger for the committee, and no one else', async () => {
    const owner = await open(5, ['owner']);
    expect(owner.querySelector('.export-button')).toBeUndefined();

    resetWx();
    const page = await open(5, ['treasurer']);
    answer(
      'ledger',
      'export',
      ok({ fileId: 'cloud://env/exports/ledger.xlsx', fileName: 'ledger.xlsx', rows: 5 }),
    );
    const download = jest.fn(() => Promise.resolve({ tempFilePath: '/tmp/ledger.xlsx' }));
    Object.assign(wx.cloud, { downloadFile: download });
    const openDocument = jest.spyOn(wx, 'openDocument');
    await tap(page, '.export-button');
    expect(cloudCalls().find((c) => c.data.action === 'export')?.data).toEqual({
      action: 'export',
      format: 'xlsx',
    });
    expect(download).toHaveBeenCalledWith({ fileID: 'cloud://env/exports/ledger.xlsx' });
    expect(openDocument.mock.calls[0]?.[0]).toMatchObject({ filePath: '/tmp/ledger.xlsx' });
    openDocument.mockRestore();
  });
});
