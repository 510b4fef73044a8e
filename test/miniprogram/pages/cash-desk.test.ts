import {
  cashRequest,
  cashRow,
  cashSummary,
  depositMatch,
  depositRequest,
  emptyCashForm,
  emptyDepositForm,
  shanghaiParts,
} from '../../../miniprogram/pages/cash-desk/view';
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
  tempUrlFor,
  textOf,
} from '../harness';
import { aContact, aLastMile } from './households-fixtures';
import { aCash } from './ledger-fixtures';

beforeEach(resetWx);

// 2026-12-14 10:00 in Shanghai.
const NOW = Date.parse('2026-12-14T10:00:00+08:00');
const UNITS = new Map([['12-03', 'u12-03']]);

const inHand = [
  aCash(),
  aCash({
    id: 'receipt:R-0002',
    receiptNo: 'R-0002',
    unitNo: '3-01',
    amountFen: 500000,
    amountText: '¥5,000.00',
    heldDays: 5,
    overdue: true,
  }),
];

describe('cash desk view', () => {
  it('fills the time with now in Shanghai, whatever the phone says', () => {
    expect(shanghaiParts(Date.parse('2026-12-13T17:30:00Z'))).toEqual({
      date: '2026-12-14',
      time: '01:30',
    });
  });

  it('flags cash held more than 3 days in red and sums what is in hand', () => {
    const rows = inHand.map((r) => cashRow(r, []));
    expect(rows.map((r) => [r.title, r.stateText, r.overdue])).toEqual([
      ['12-03', '已在手 1 天，待存入银行', false],
      ['3-01', '已在手 5 天，超过 3 天，请尽快存入银行', true],
    ]);
    expect(cashSummary(inHand).line).toBe('在手现金 2 笔，共 ¥17,345.67，其中 1 笔超过 3 天');
    // Once deposited or settled it is no longer in hand, nor late, nor selectable.
    const deposited = cashRow(aCash({ depositId: 'deposit:B-1', overdue: true, heldDays: 6 }), []);
    expect([deposited.stateText, deposited.overdue, deposited.selectable]).toEqual([
      '已存入银行，待出纳确认',
      false,
      false,
    ]);
    expect(cashRow(aCash({ settlement: 'voided', voidReason: '重复登记' }), []).stateText).toBe(
      '已作废：重复登记',
    );
  });

  it('reads the form: room by number, amount to the fen, photo and receipt number required', () => {
    const form = {
      ...emptyCashForm(NOW),
      unitNo: ' 12-03 ',
      amountYuan: '12,345.67',
      receiptNo: 'R-0001',
      photoFileId: 'cloud://env/cash/1.jpg',
    };
    expect(cashRequest(form, UNITS, NOW)).toEqual({
      ok: true,
      request: {
        unitId: 'u12-03',
        amountFen: 1234567,
        receivedAt: '2026-12-14T10:00:00+08:00',
        receiptNo: 'R-0001',
        photoFileId: 'cloud://env/cash/1.jpg',
      },
      summary: '12-03 现金 ¥12,345.67，收据 R-0001',
    });
    const message = (f: typeof form): string => {
      const r = cashRequest(f, UNITS, NOW);
      return r.ok ? 'ok' : r.message;
    };
    // The room however it is written: 12-3, 1203, 12楼3室, full-width digits.
    for (const unitNo of ['12-3', '1203', '12楼3室', '１２０３']) {
      expect(cashRequest({ ...form, unitNo }, UNITS, NOW)).toMatchObject({
        ok: true,
        request: { unitId: 'u12-03' },
        summary: '12-03 现金 ¥12,345.67，收据 R-0001',
      });
    }
    expect(message({ ...form, unitNo: '25-3' })).toBe('没有找到房号 25-3，请按门牌填写，如 12-03');
    expect(message({ ...form, unitNo: ' ' })).toBe('请填写房号，如 12-03');
    expect(message({ ...form, amountYuan: '12.345' })).toBe('请填写收到的金额（元，最多两位小数）');
    expect(message({ ...form, time: '10:30' })).toBe('收款时间不能晚于现在');
    expect(message({ ...form, receiptNo: ' ' })).toBe('请填写纸质收据上的编号');
    expect(message({ ...form, photoFileId: '' })).toBe('请拍摄业主签字的纸质收据');
  });

  it('says the difference between the slip and the ticked receipts before sending', () => {
    const ids = inHand.map((r) => r.id);
    expect(depositMatch(inHand, [], '').line).toBe('请勾选这次存入银行的收据');
    expect(depositMatch(inHand, ids, '').line).toBe(
      '已选 2 张收据，合计 ¥17,345.67；请填写存款单上的金额',
    );
    expect(depositMatch(inHand, ids, '17345').line).toBe(
      '已选 2 张收据，合计 ¥17,345.67；存款单 ¥17,345.00，比收据少 ¥0.67，请核对',
    );
    expect(depositMatch(inHand, ids, '17400').line).toBe(
      '已选 2 张收据，合计 ¥17,345.67；存款单 ¥17,400.00，比收据多 ¥54.33，请核对',
    );
    const exact = depositMatch(inHand, ids, '17345.67');
    expect([exact.matches, exact.line]).toEqual([
      true,
      '已选 2 张收据，合计 ¥17,345.67，与存款单金额一致',
    ]);

    const form = {
      ...emptyDepositForm(NOW),
      amountYuan: '17345.67',
      slipNo: 'B-77',
      slipFileId: 'f',
    };
    expect(depositRequest({ ...form, amountYuan: '17345' }, inHand, ids)).toEqual({
      ok: false,
      message: '已选 2 张收据，合计 ¥17,345.67；存款单 ¥17,345.00，比收据少 ¥0.67，请核对',
    });
    expect(depositRequest({ ...form, slipFileId: '' }, inHand, ids)).toEqual({
      ok: false,
      message: '请拍摄银行存款单',
    });
    expect(depositRequest(form, inHand, ids)).toMatchObject({
      ok: true,
      request: {
        slipNo: 'B-77',
        amountFen: 1734567,
        depositedAt: '2026-12-14T10:00:00+08:00',
        receiptIds: ['receipt:R-0001', 'receipt:R-0002'],
      },
    });
  });
});

function answerAll(receipts = inHand): void {
  answer('ledger', 'myCash', ok({ receipts }));
  answer(
    'households',
    'lastMile',
    ok(
      aLastMile([
        aContact({
          unitId: 'u12-03',
          unitNo: '12-03',
          floor: 12,
          owners: [
            {
              name: '钱永康',
              phone: null,
              elderly: true,
              noSmartphone: true,
              overseas: false,
              livesIn: null,
            },
          ],
        }),
      ]),
    ),
  );
}

async function open(): Promise<Rendered> {
  const page = mount('pages/cash-desk/index');
  await callMethod(page, 'onLoad', {});
  await settle();
  return page;
}

function stubCamera(): jest.Mock {
  const uploadFile = jest.fn(async (param: { cloudPath: string }) => ({
    fileID: `cloud://env/${param.cloudPath}`,
  }));
  Object.assign(wx, {
    chooseMedia: jest.fn(async () => ({ tempFiles: [{ tempFilePath: 'wxfile://photo.jpg' }] })),
  });
  Object.assign(wx.cloud, { uploadFile });
  return uploadFile;
}

describe('cash desk page', () => {
  it('fills the room in when the building map sends a flat', async () => {
    answerAll();
    const page = mount('pages/cash-desk/index');
    await callMethod(page, 'onLoad', { unit: '12-03' });
    await settle();
    expect(page.data.cash.unitNo).toBe('12-03');
    expect(page.data.ownerLine).toBe('业主：钱永康');
  });

  it('records cash at the door with a photo of the signed receipt', async () => {
    answerAll();
    answer('ledger', 'recordCash', (request) =>
      ok(aCash({ receiptNo: String(request.receiptNo), heldDays: 0 })),
    );
    const uploadFile = stubCamera();
    const page = await open();
    expect(textOf(page.querySelector('.summary'))).toBe(
      '在手现金 2 笔，共 ¥17,345.67，其中 1 笔超过 3 天',
    );
    expect(page.querySelectorAll('.receipt--overdue')).toHaveLength(1);

    page.querySelector('.cash-unit')?.dispatchEvent('input', { detail: { value: '12-03' } });
    await settle();
    expect(textOf(page.querySelector('.owner-line'))).toBe('业主：钱永康');
    page.querySelector('.cash-amount')?.dispatchEvent('input', { detail: { value: '1000' } });
    page.querySelector('.cash-receipt-no')?.dispatchEvent('input', { detail: { value: 'R-0003' } });
    callMethod(page, 'onCashDate', { detail: { value: '2026-12-01' } });
    callMethod(page, 'onCashTime', { detail: { value: '09:15' } });

    // No photo yet: nothing is sent.
    page.querySelector('.record-cash')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.cash-message'))).toBe('请拍摄业主签字的纸质收据');
    expect(cloudCalls().some((c) => c.data.action === 'recordCash')).toBe(false);

    page.querySelector('.receipt-photo')?.dispatchEvent('tap');
    await settle();
    expect(uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        filePath: 'wxfile://photo.jpg',
        cloudPath: expect.stringMatching(/^ledger\/cash\/u12-03\/\d+\.jpg$/),
      }),
    );
    expect(textOf(page.querySelector('.receipt-photo'))).toBe('✓ 已拍摄签字收据，点此重拍');
    page.querySelector('.record-cash')?.dispatchEvent('tap');
    await settle();
    const sent = cloudCalls().find((c) => c.data.action === 'recordCash')?.data;
    expect(sent).toEqual({
      action: 'recordCash',
      unitId: 'u12-03',
      amountFen: 100000,
      receivedAt: '2026-12-01T09:15:00+08:00',
      receiptNo: 'R-0003',
      photoFileId: expect.stringMatching(/^cloud:\/\/env\/ledger\/cash\/u12-03\//),
    });
    expect(textOf(page.querySelector('.done'))).toBe(
      '已登记：12-03 现金 ¥1,000.00，收据 R-0003。该户显示“现金已收，待入账”，出纳确认后入账。',
    );
    // The form is cleared for the next door.
    expect(page.data.cash.receiptNo).toBe('');
  });

  it('shows the server refusal (a receipt number used twice) without clearing the form', async () => {
    answerAll();
    answer('ledger', 'recordCash', fail('CONFLICT', '收据 R-0001 已登记过'));
    stubCamera();
    const page = await open();
    page.querySelector('.cash-unit')?.dispatchEvent('input', { detail: { value: '12-03' } });
    page.querySelector('.cash-amount')?.dispatchEvent('input', { detail: { value: '1000' } });
    page.querySelector('.cash-receipt-no')?.dispatchEvent('input', { detail: { value: 'R-0001' } });
    callMethod(page, 'onCashTime', { detail: { value: '00:00' } });
    page.querySelector('.receipt-photo')?.dispatchEvent('tap');
    await settle();
    page.querySelector('.record-cash')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.cash-message'))).toBe('收据 R-0001 已登记过');
    expect(page.data.cash.receiptNo).toBe('R-0001');
  });

  it('records a deposit only when the ticked receipts add up to the slip', async () => {
    answerAll();
    answer(
      'ledger',
      'recordDeposit',
      ok({
        id: 'deposit:B-77',
        slipNo: 'B-77',
        amountFen: 1734567,
        amountText: '¥17,345.67',
        slipFileId: 'x',
        receiptIds: [],
        receiptNos: [],
        depositedAt: '2026-12-14T10:00:00+08:00',
        recordedBy: 'demo-staff1',
        recordedByLabel: '田玉珍',
        status: 'pending',
        statusLabel: '待出纳确认',
        reason: null,
      }),
    );
    stubCamera();
    const page = await open();
    page.querySelector('.tab-deposit')?.dispatchEvent('tap');
    await settle();
    const receipts = page.querySelectorAll('.receipt');
    expect(receipts).toHaveLength(2);
    receipts[0]?.dispatchEvent('tap');
    receipts[1]?.dispatchEvent('tap');
    await settle();
    page.querySelector('.deposit-amount')?.dispatchEvent('input', { detail: { value: '17000' } });
    await settle();
    expect(textOf(page.querySelector('.match'))).toBe(
      '已选 2 张收据，合计 ¥17,345.67；存款单 ¥17,000.00，比收据少 ¥345.67，请核对',
    );
    page.querySelector('.deposit-slip-no')?.dispatchEvent('input', { detail: { value: 'B-77' } });
    page.querySelector('.slip-photo')?.dispatchEvent('tap');
    await settle();
    page.querySelector('.record-deposit')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().some((c) => c.data.action === 'recordDeposit')).toBe(false);
    expect(textOf(page.querySelector('.deposit-message'))).toContain('比收据少 ¥345.67');

    page
      .querySelector('.deposit-amount')
      ?.dispatchEvent('input', { detail: { value: '17345.67' } });
    await settle();
    expect(textOf(page.querySelector('.match'))).toBe(
      '已选 2 张收据，合计 ¥17,345.67，与存款单金额一致',
    );
    page.querySelector('.record-deposit')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'recordDeposit')?.data).toMatchObject({
      slipNo: 'B-77',
      amountFen: 1734567,
      receiptIds: ['receipt:R-0001', 'receipt:R-0002'],
      slipFileId: expect.stringMatching(/^cloud:\/\/env\/ledger\/deposits\//),
    });
    expect(textOf(page.querySelector('.done'))).toBe(
      '已登记存款：存款单 B-77：2 张收据，¥17,345.67。请等待出纳确认。',
    );
  });

  it('opens the receipt photo full screen', async () => {
    answerAll();
    const previewImage = jest.fn(async () => ({}));
    Object.assign(wx, { previewImage });
    const page = await open();
    page.querySelector('.view-photo')?.dispatchEvent('tap');
    await settle();
    const url = tempUrlFor('cloud://env/cash/u12-03/1.jpg');
    expect(previewImage).toHaveBeenCalledWith({ urls: [url], current: url });
  });
});
