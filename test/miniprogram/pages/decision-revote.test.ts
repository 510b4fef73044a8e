import type { MyUnitBallotView } from '../../../typings/api';
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
import { aDetail, aMyUnit, aReceipt } from './decisions-fixtures';

beforeEach(resetWx);

async function open(): Promise<Rendered> {
  const page = mount('pages/decision-detail/index');
  await callMethod(page, 'onLoad', { id: 'd1' });
  return page;
}

async function tap(page: Rendered, selector: string): Promise<void> {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
  for (let i = 0; i < 4; i += 1) await flush();
}

function modalAnswers(...confirms: boolean[]): jest.Mock {
  const showModal = jest.fn();
  for (const confirm of confirms) showModal.mockResolvedValueOnce({ confirm, cancel: !confirm });
  Object.assign(wx, { showModal, showToast: jest.fn() });
  return showModal;
}

const votedYes = (overrides: Partial<MyUnitBallotView> = {}): MyUnitBallotView =>
  aMyUnit({
    ballot: {
      voice: 'owner',
      channel: 'online',
      channelLabel: '网上',
      castAt: '2026-12-18T09:30:00+08:00',
      choice: 'yes',
      choiceLabel: '同意',
      receipt: '3f2a9c01bb4e77d0aaaa',
      receiptShort: '3f2a-9c01-bb4e-77d0',
      enteredBy: null,
      witnessedBy: null,
      replacedOnline: null,
      replacedReceipts: [
        {
          receiptShort: '1111-2222-3333-4444',
          choiceLabel: '反对',
          castAt: '2026-12-17T10:00:00+08:00',
          replacedAt: '2026-12-18T09:30:00+08:00',
        },
      ],
    },
    ...overrides,
  });

const casts = () => cloudCalls().filter((c) => c.data.action === 'cast');

describe('after voting, the page says so every time it opens', () => {
  it('shows 已投票 with the choice, the current receipt, the rule and the void receipts', async () => {
    answer('decisions', 'detail', ok(aDetail({ myUnits: [votedYes()] })));
    const page = await open();

    expect(textOf(page.querySelector('.receipt-title'))).toBe('已投票：同意');
    expect(textOf(page.querySelector('.receipt-code'))).toBe('3f2a-9c01-bb4e-77d0');
    expect(textOf(page.querySelector('.receipt-cast'))).toContain('12月18日 09:30');
    expect(textOf(page.querySelector('.revote-rule'))).toBe('截止前可改票，以最后一次为准');
    expect(textOf(page.querySelector('.replaced-line'))).toBe(
      '1111-2222-3333-4444（反对，12月17日 10:00 投，12月18日 09:30 改票后作废）',
    );
    expect(textOf(page.querySelector('.revote-hint'))).toContain('您已投「同意」');
  });

  it('says on whose behalf a proxy voted, on the receipt and over the choices', async () => {
    answer(
      'decisions',
      'detail',
      ok(
        aDetail({
          myUnits: [votedYes({ as: 'proxy', onBehalfOf: '钟霞', coveredUnitNos: ['5-02'] })],
        }),
      ),
    );
    const page = await open();

    expect(textOf(page.querySelector('.receipt-units'))).toBe('代 钟霞（5-02）投票');
    expect(textOf(page.querySelector('.ballot-for'))).toBe('代 钟霞（5-02）投票');
    expect(textOf(page.querySelector('.my-unit-no'))).toBe('5-02（钟霞的房屋，我代为投票）');
  });

  it('no longer says one may change the vote once voting is closed', async () => {
    answer('decisions', 'detail', ok(aDetail({ votingOpen: false, myUnits: [votedYes()] })));
    const page = await open();

    expect(textOf(page.querySelector('.receipt-title'))).toBe('已投票：同意');
    expect(page.querySelector('.revote-rule')).toBeUndefined();
  });
});

describe('changing a vote', () => {
  it('asks first; "不改了" sends nothing and keeps the receipt', async () => {
    answer('decisions', 'detail', ok(aDetail({ myUnits: [votedYes()] })));
    const showModal = modalAnswers(false);
    const page = await open();

    await tap(page, '.choice--no');
    await tap(page, '.confirm-button');

    expect(showModal).toHaveBeenCalledTimes(1);
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '确定改票吗？' });
    expect(String(showModal.mock.calls[0][0].content)).toBe(
      '您已投「同意」。改投「反对」后，原回执作废，以最后一次投票为准。',
    );
    expect(casts()).toHaveLength(0);
    expect(textOf(page.querySelector('.receipt-code'))).toBe('3f2a-9c01-bb4e-77d0');
  });

  it('on "确定改票" casts, shows the new receipt and lists the old one as void', async () => {
    answer('decisions', 'detail', ok(aDetail({ myUnits: [votedYes()] })));
    answer(
      'decisions',
      'cast',
      ok(
        aReceipt({
          choice: 'no',
          choiceLabel: '反对',
          receipt: 'ffff',
          receiptShort: 'ffff-0000',
          casts: 3,
        }),
      ),
    );
    modalAnswers(true);
    const page = await open();

    await tap(page, '.choice--no');
    await tap(page, '.confirm-button');

    expect(casts()).toHaveLength(1);
    expect(textOf(page.querySelector('.receipt-title'))).toBe('已投票：反对');
    expect(textOf(page.querySelector('.receipt-code'))).toBe('ffff-0000');
    const void_ = page.querySelectorAll('.replaced-line').map((l) => textOf(l));
    expect(void_[0]).toContain('3f2a-9c01-bb4e-77d0');
    expect(void_).toHaveLength(2);
  });

  it('does not ask when the first vote is cast', async () => {
    answer('decisions', 'detail', ok(aDetail()));
    answer('decisions', 'cast', ok(aReceipt()));
    const showModal = modalAnswers();
    const page = await open();

    await tap(page, '.choice--yes');
    await tap(page, '.confirm-button');

    expect(showModal).not.toHaveBeenCalled();
    expect(casts()).toHaveLength(1);
  });
});
