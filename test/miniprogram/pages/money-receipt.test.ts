import {
  answer,
  callMethod,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aFundsReceipt, aLinkInfo, anAccount, aUnitAccount } from './money-fixtures';

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
    expect(textOf(page.querySelector('.behalf'))).toBe('王小明（朋友） 代 钟*（5-02） 缴纳');
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
