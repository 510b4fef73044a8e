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
import {
  aFundsReceipt,
  aLedgerSummary,
  aLinkInfo,
  anAccount,
  answerLedger,
  aUnitAccount,
  entriesPage,
} from './money-fixtures';

beforeEach(resetWx);

function tap(page: Rendered, selector: string): void {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
}

function rowsOf(page: Rendered): Record<string, string> {
  const values = page.querySelectorAll('.row-value').map((v) => textOf(v));
  return Object.fromEntries(
    page.querySelectorAll('.row-label').map((l, i) => [textOf(l), values[i] ?? '']),
  );
}

describe('receipt page', () => {
  it('names payer and owner after a pay link, with what is left on the link’s unit', async () => {
    answer('funds', 'receipt', ok(aFundsReceipt()));
    answer(
      'funds',
      'payLinkInfo',
      ok(aLinkInfo({ leftFen: 0, leftLabel: '¥0.00', payable: false })),
    );
    const page = mount('pages/receipt/index');
    await callMethod(page, 'onLoad', { id: 't-pay-2', link: 'lk-7f3a' });
    expect(textOf(page.querySelector('.amount'))).toBe('¥12,345.67');
    expect(textOf(page.querySelector('.behalf'))).toBe('王小明（朋友） 为 5-02 业主 钟* 缴纳');
    expect(rowsOf(page)).toMatchObject({
      方式: '代付链接',
      时间: '12月13日 12:23',
      账本序号: '第 213 笔',
      账本哈希: '9c01bb4e…aabbccdd',
      还需缴纳: '¥0.00',
    });
    const clip = jest.spyOn(wx, 'setClipboardData');
    tap(page, '.copy-hash');
    await flush();
    expect(clip.mock.calls[0]?.[0]).toMatchObject({
      data: '9c01bb4e77d03f2a1122334455667788990011223344556677889900aabbccdd',
    });
    clip.mockRestore();
  });

  it('shows what is left on my own unit', async () => {
    answer('funds', 'receipt', ok(aFundsReceipt({ unitNo: '12-03' })));
    answer('funds', 'myAccount', ok(anAccount([aUnitAccount()])));
    const page = mount('pages/receipt/index');
    await callMethod(page, 'onLoad', { id: 't-pay-2' });
    expect(rowsOf(page)['还需缴纳']).toBe('¥7,345.67');
  });

  it('still shows the receipt to a reader who may not see the unit’s account', async () => {
    answer('funds', 'receipt', ok(aFundsReceipt()));
    answer('funds', 'myAccount', fail('FORBIDDEN', '您没有权限进行这项操作'));
    const page = mount('pages/receipt/index');
    await callMethod(page, 'onLoad', { id: 't-pay-2' });
    expect(textOf(page.querySelector('.amount'))).toBe('¥12,345.67');
    expect(rowsOf(page)['还需缴纳']).toBeUndefined();
  });

  it('says when a receipt does not exist', async () => {
    answer('funds', 'receipt', fail('NOT_FOUND', 'no such transfer'));
    const page = mount('pages/receipt/index');
    await callMethod(page, 'onLoad', { id: 'nope' });
    expect(page.data.status).toBe('empty');
    expect(page.data.statusMessage).toBe('没有找到这张收据');
  });
});

describe('public ledger page', () => {
  async function open(total = 45): Promise<Rendered> {
    answerLedger('ledger', 'publicSummary', ok(aLedgerSummary({ entryCount: total })));
    answerLedger('ledger', 'publicEntries', (request: Record<string, unknown>) =>
      ok(entriesPage(Number(request.offset), Number(request.limit), total)),
    );
    const page = mount('pages/ledger/index');
    await callMethod(page, 'onLoad');
    await flush();
    return page;
  }

  it('shows progress, the head hash, rooms by how far they paid, and expenses with invoices', async () => {
    const page = await open();
    expect(textOf(page.querySelector('.progress-percent'))).toBe('64.3%');
    expect(textOf(page.querySelector('.hash'))).toBe(aLedgerSummary().headHash);
    expect(page.querySelectorAll('.group-head').map((g) => textOf(g))).toEqual([
      '已缴清1 户 ▾',
      '部分缴纳1 户 ▾',
      '未缴2 户 ▾',
    ]);
    expect(page.querySelector('.group-units')).toBeUndefined();
    page.querySelectorAll('.group-head')[2]?.dispatchEvent('tap');
    await flush();
    expect(page.querySelectorAll('.group-unit').map((u) => textOf(u))).toEqual([
      '5-02 钟*',
      '7-04 李*华',
    ]);
    const invoices = page.querySelectorAll('.invoice');
    expect(invoices).toHaveLength(2);
    const preview = jest.spyOn(wx, 'previewImage');
    invoices[1]?.dispatchEvent('tap');
    await flush();
    expect(preview.mock.calls[0]?.[0]).toMatchObject({
      current: tempUrlFor('cloud://env/invoices/e1-2.jpg'),
      urls: [
        tempUrlFor('cloud://env/invoices/e1-1.jpg'),
        tempUrlFor('cloud://env/invoices/e1-2.jpg'),
      ],
    });
    preview.mockRestore();
    const clip = jest.spyOn(wx, 'setClipboardData');
    tap(page, '.copy-hash');
    await flush();
    expect(clip.mock.calls[0]?.[0]).toMatchObject({ data: aLedgerSummary().headHash });
    clip.mockRestore();
  });

  it('lists every entry newest first, twenty at a time, until all are shown', async () => {
    const page = await open(45);
    const seqs = (): string[] =>
      page.querySelectorAll('.entry-kind').map((e) => textOf(e).split(' ')[0] ?? '');
    expect(seqs()).toHaveLength(20);
    expect(seqs()[0]).toBe('#45');
    expect(textOf(page.querySelector('.entry'))).toContain('12-03 · 微信支付');
    tap(page, '.more');
    await flush();
    await flush();
    tap(page, '.more');
    await flush();
    await flush();
    expect(seqs()).toHaveLength(45);
    expect(seqs()[44]).toBe('#1');
    expect(page.querySelector('.more')).toBeUndefined();
    const pages = cloudCalls()
      .filter((c) => c.data.action === 'publicEntries')
      .map((c) => c.data.offset);
    expect(pages).toEqual([0, 20, 40]);
  });

  it('keeps what is shown when the next page fails, and says so', async () => {
    const page = await open(45);
    answerLedger('ledger', 'publicEntries', fail('INTERNAL', 'boom'));
    tap(page, '.more');
    await flush();
    await flush();
    expect(page.querySelectorAll('.entry')).toHaveLength(20);
    expect(textOf(page.querySelector('.error'))).toBe('服务暂时出了问题，请稍后再试');
    expect(page.querySelector('.more')).toBeDefined();
  });
});
