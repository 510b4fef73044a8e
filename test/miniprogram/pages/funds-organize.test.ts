import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  mount,
  ok,
  type Rendered,
  resetWx,
  settle,
  textOf,
} from '../harness';
import { aDetail, aSummaryRow } from './decisions-fixtures';
import { aCompared, aComparison, aScheme } from './funds-fixtures';
import { aContact, aLastMile } from './households-fixtures';
import { aRedLine, anExpense } from './ledger-fixtures';

beforeEach(resetWx);

const binding = aScheme({
  id: 's-bind',
  title: '按面积分摊（已表决）',
  status: 'binding',
  statusLabel: '已生效',
});

function answerAll(): void {
  answer('funds', 'listSchemes', ok({ schemes: [aScheme(), binding] }));
  answer(
    'households',
    'lastMile',
    ok(
      aLastMile([
        aContact({ unitNo: '2-01', unitId: 'u2-01', floor: 2 }),
        aContact({ unitNo: '3-01', unitId: 'u3-01', floor: 3 }),
      ]),
    ),
  );
  answer('decisions', 'list', ok({ decisions: [aSummaryRow({ id: 'd1' })] }));
  answer(
    'decisions',
    'detail',
    ok(
      aDetail({
        id: 'd1',
        title: '更换电梯',
        status: 'draft',
        question: {
          kind: 'plans',
          text: '选哪个方案？',
          plans: [{ key: 'A', title: '保留导轨', summary: '', costFen: 168000000 }],
        },
      }),
    ),
  );
  answer('funds', 'compareSchemes', (request) => {
    const ids = request.schemeIds as string[];
    return ok(
      aComparison({
        schemes: ids.map((id) => aCompared(id === 's-bind' ? binding : aScheme({ id }))),
        rows: [],
        total: 138,
      }),
    );
  });
}

async function open(): Promise<Rendered> {
  const page = mount('pages/funds-organize/index');
  await callMethod(page, 'onLoad', {});
  await settle();
  return page;
}

function compareCalls(): Array<Record<string, unknown>> {
  return cloudCalls()
    .filter((c) => c.data.action === 'compareSchemes')
    .map((c) => c.data);
}

describe('organizer money desk', () => {
  it('compares the schemes side by side with my share, the floor chart and the unit table', async () => {
    answerAll();
    const page = await open();
    expect(compareCalls()[0]).toEqual({
      action: 'compareSchemes',
      schemeIds: ['s-area', 's-bind'],
      offset: 0,
      limit: 50,
    });
    const cards = page.querySelectorAll('.compare-card');
    expect(cards).toHaveLength(2);
    expect(textOf(cards[0])).toContain('最低¥7,482.12中位¥12,045.11最高¥19,560.40我家¥12,345.67');
    expect(page.querySelectorAll('.chart-row')).toHaveLength(2);
    expect(textOf(page.querySelector('.chart-row'))).toBe('3层¥12,000.00¥12,000.00');

    // Unticking one compares the other alone.
    page.querySelectorAll('.scheme')[0]?.dispatchEvent('tap');
    await settle();
    expect(compareCalls().at(-1)?.schemeIds).toEqual(['s-bind']);
    expect(page.querySelectorAll('.compare-card')).toHaveLength(1);
  });

  it('drafts a scheme with the total from a plan quote and an exemption with its reason', async () => {
    answerAll();
    answer('funds', 'createScheme', (request) =>
      ok(aScheme({ id: 's-new', title: String(request.title) })),
    );
    const page = await open();
    page.querySelector('.open-form')?.dispatchEvent('tap');
    await settle();
    page
      .querySelector('.form-title')
      ?.dispatchEvent('input', { detail: { value: '楼层系数方案' } });
    callMethod(page, 'onFormPlan', { detail: { value: 1 } });
    callMethod(page, 'onFormMethod', { detail: { value: '1' } });
    await settle();
    page.querySelector('.rising')?.dispatchEvent('tap');
    page.querySelector('.add-exemption')?.dispatchEvent('tap');
    await settle();
    page.querySelector('.exemption-unit')?.dispatchEvent('input', { detail: { value: '2-01' } });
    page.querySelector('.save-scheme')?.dispatchEvent('tap');
    await settle();
    // No reason yet: nothing is sent, and the page says what is missing.
    expect(cloudCalls().some((c) => c.data.action === 'createScheme')).toBe(false);
    expect(textOf(page.querySelector('.form-message'))).toBe('请写明 2-01 免缴的原因');

    page
      .querySelector('.exemption-reason')
      ?.dispatchEvent('input', { detail: { value: '一楼商铺' } });
    page.querySelector('.save-scheme')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'createScheme')?.data).toEqual({
      action: 'createScheme',
      title: '楼层系数方案',
      method: 'floor-coefficient',
      coefficients: [
        { floor: 2, thousandths: 600 },
        { floor: 3, thousandths: 1200 },
      ],
      exemptions: [{ unitId: 'u2-01', reason: '一楼商铺' }],
      link: { decisionId: 'd1', planKey: 'A' },
    });
    expect(textOf(page.querySelector('.message'))).toContain('已保存草案：楼层系数方案');
    expect(compareCalls().at(-1)?.schemeIds).toEqual(['s-area', 's-bind', 's-new']);
  });

  it('issues charges only after a modal that says it cannot be undone', async () => {
    answerAll();
    answer(
      'funds',
      'issueCharges',
      ok({
        schemeId: 's-bind',
        issued: 138,
        alreadyIssued: 0,
        remaining: 0,
        chargedUnits: 138,
        chargedFen: 168000000,
      }),
    );
    const showModal = jest.fn(async () => ({ confirm: false, cancel: true }));
    Object.assign(wx, { showModal });
    const page = await open();
    page.querySelector('.tab-charges')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.charge-scheme'))).toContain('按面积分摊（已表决）');
    page.querySelector('.issue')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('请先选择缴款截止日期');
    expect(showModal).not.toHaveBeenCalled();

    callMethod(page, 'onDueDate', { detail: { value: '2026-12-31' } });
    page.querySelector('.issue')?.dispatchEvent('tap');
    await settle();
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        content:
          '将按「按面积分摊（已表决）」向 138 户出具应缴款，合计 ¥1,680,000.00，缴款截止 12月31日。出具后不能修改或撤回，如有错误只能另记一笔更正。',
      }),
    );
    expect(cloudCalls().some((c) => c.data.action === 'issueCharges')).toBe(false);

    showModal.mockResolvedValue({ confirm: true, cancel: false });
    page.querySelector('.issue')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'issueCharges')?.data).toEqual({
      action: 'issueCharges',
      schemeId: 's-bind',
      dueDate: '2026-12-31',
    });
    expect(textOf(page.querySelector('.issued'))).toBe(
      '本次出具 138 户；共 138 户，合计 ¥1,680,000.00',
    );
  });

  it('says why when the server refuses', async () => {
    answerAll();
    answer('funds', 'listSchemes', fail('FORBIDDEN', '只有换梯小组成员可以查看分摊方案草案'));
    const page = await open();
    expect(textOf(page.querySelector('#status'))).toContain('只有换梯小组成员可以查看分摊方案草案');
  });

  it('proposes a milestone payment to the contractor with an invoice photo', async () => {
    answerAll();
    answer(
      'ledger',
      'expenses',
      ok({
        expenses: [
          anExpense({ status: 'paid', statusLabel: '已付款', paidAt: '2026-12-16T15:00:00+08:00' }),
        ],
      }),
    );
    answer('ledger', 'proposeExpense', (request) =>
      ok(
        anExpense({
          id: 'expense:2',
          milestone: 'installation',
          amountFen: Number(request.amountFen),
        }),
      ),
    );
    const showModal = jest.fn(async () => ({ confirm: true, cancel: false }));
    const uploadFile = jest.fn(async () => ({ fileID: 'cloud://env/invoices/2.jpg' }));
    Object.assign(wx, {
      showModal,
      chooseMedia: jest.fn(async () => ({ tempFiles: [{ tempFilePath: 'wxfile://invoice.jpg' }] })),
    });
    Object.assign(wx.cloud, { uploadFile });
    const page = await open();
    page.querySelector('.tab-expenses')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.expense'))).toContain('付给 上海某电梯工程有限公司');
    expect(textOf(page.querySelector('.expense'))).toContain('付于 12月16日 15:00');
    // The payee is carried over from the last payment.
    expect(page.data.expense.payee).toBe('上海某电梯工程有限公司');

    callMethod(page, 'onExpenseMilestone', { detail: { value: 1 } });
    page.querySelector('.expense-amount')?.dispatchEvent('input', { detail: { value: '672000' } });
    page.querySelector('.propose-expense')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.expense-message'))).toBe('请拍摄或上传发票');
    page.querySelector('.invoice-photo')?.dispatchEvent('tap');
    await settle();
    page.querySelector('.propose-expense')?.dispatchEvent('tap');
    await settle();
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        content:
          '提出付款：安装完成款 ¥672,000.00，付给 上海某电梯工程有限公司。提出后由出纳付款并记入公开账本；提出的内容不能修改，出纳可以驳回。',
      }),
    );
    expect(cloudCalls().find((c) => c.data.action === 'proposeExpense')?.data).toEqual({
      action: 'proposeExpense',
      milestone: 'installation',
      payee: '上海某电梯工程有限公司',
      amountFen: 67200000,
      invoiceFileId: 'cloud://env/invoices/2.jpg',
    });
    expect(textOf(page.querySelector('.message'))).toBe(
      '已提出：安装完成款 ¥672,000.00，付给 上海某电梯工程有限公司，等待出纳付款',
    );
  });

  it('shows the red line beside the self-raised scheme, in numbers', async () => {
    answerAll();
    answer('ledger', 'redLine', ok(aRedLine()));
    const page = await open();
    page.querySelector('.tab-redline')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.red-headline'))).toBe(
      '138 户中有 97 户的维修基金余额低于首期归集的 30%',
    );
    expect(textOf(page.querySelector('.red-building'))).toBe(
      '全楼余额 ¥414,000.00，为首期归集 ¥1,656,000.00 的 25%',
    );
    expect(textOf(page.querySelector('.use-fund'))).toContain(
      '若动用维修基金：这 97 户须续筹到首期的 50%，共 ¥520,000.00',
    );
    expect(textOf(page.querySelector('.use-fund'))).toContain('业主大会须在 90 天内决定续筹方案');
    expect(textOf(page.querySelector('.self-raised'))).toContain('自筹方案：目标 ¥1,680,000.00');
    const lowest = page.querySelectorAll('.lowest-row');
    expect(lowest.map((r) => textOf(r))).toEqual([
      '3-0212.5%¥1,500.00 / ¥12,000.00',
      '20-0131%¥3,720.00 / ¥12,000.00',
    ]);
    expect(page.querySelectorAll('.lowest-percent.below')).toHaveLength(1);
  });
});
