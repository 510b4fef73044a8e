import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aDetail, aMyUnit, aReceipt } from './decisions-fixtures';
import { asReadToday } from '../dates';
import { choiceColor } from '../../../miniprogram/utils/choiceColors';

beforeEach(resetWx);

/** Opens the page as a shared link does: /pages/decision-detail/index?id=d1. */
async function openShared(): Promise<Rendered> {
  const page = mount('pages/decision-detail/index');
  await callMethod(page, 'onLoad', { id: 'd1' });
  return page;
}

function tap(page: Rendered, selector: string): void {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
}

describe('decision detail page', () => {
  it('votes in two taps from a shared link and shows the receipt', async () => {
    answer('decisions', 'detail', ok(aDetail()));
    answer('decisions', 'cast', ok(aReceipt()));
    const page = await openShared();
    expect(textOf(page.querySelector('.title'))).toBe('电梯更换与自筹资金');
    expect(page.querySelectorAll('.choice').map((c) => textOf(c))).toEqual([
      '同意',
      '反对',
      '弃权',
    ]);
    // The same colours for the same choices on every page: one palette.
    expect(page.querySelectorAll('.choice').map((c) => c.dom?.getAttribute('style'))).toEqual(
      ['yes', 'no', 'abstain'].map((key) => `border-left: 16px solid ${choiceColor(key)}`),
    );

    tap(page, '.choice--yes'); // tap 1
    await flush();
    expect(textOf(page.querySelector('.confirm-text'))).toBe('您选择：同意');
    expect(cloudCalls().filter((c) => c.data.action === 'cast')).toHaveLength(0);

    tap(page, '.confirm-button'); // tap 2
    await flush();
    await flush();
    expect(cloudCalls().find((c) => c.data.action === 'cast')).toEqual({
      name: 'decisions',
      data: { action: 'cast', decisionId: 'd1', unitId: 'u12-03', choice: 'yes' },
    });
    expect(textOf(page.querySelector('.receipt-title'))).toBe('已投票：同意');
    expect(textOf(page.querySelector('.receipt-units'))).toBe('房号 12-03');
    expect(textOf(page.querySelector('.receipt-code'))).toBe('3f2a-9c01-bb4e-77d0');
  });

  it('lets the voter take the choice back before confirming', async () => {
    answer('decisions', 'detail', ok(aDetail()));
    const page = await openShared();
    tap(page, '.choice--no');
    await flush();
    tap(page, '.cancel-button');
    await flush();
    expect(page.querySelector('.confirm')).toBeUndefined();
    expect(page.querySelectorAll('.choice')).toHaveLength(3);
  });

  it('sends a cast again when the server answers CONFLICT', async () => {
    answer('decisions', 'detail', ok(aDetail()));
    let attempts = 0;
    answer('decisions', 'cast', () => {
      attempts += 1;
      return attempts < 3 ? fail('CONFLICT', '同时投票的人较多，请稍后再试') : ok(aReceipt());
    });
    const page = await openShared();
    tap(page, '.choice--yes');
    await flush();
    tap(page, '.confirm-button');
    for (let i = 0; i < 4; i += 1) await flush();
    expect(attempts).toBe(3);
    expect(textOf(page.querySelector('.receipt-title'))).toBe('已投票：同意');
  });

  it('shows the server’s refusal, and no receipt, when the owner already voted', async () => {
    answer(
      'decisions',
      'detail',
      ok(aDetail({ myUnits: [aMyUnit({ as: 'proxy', onBehalfOf: '钟霞' })] })),
    );
    answer('decisions', 'cast', fail('FORBIDDEN', '业主本人已表决，代理人不能更改业主本人的表决'));
    const page = await openShared();
    expect(textOf(page.querySelector('.ballot-for'))).toBe('代 钟霞（12-03）投票');
    tap(page, '.choice--no');
    await flush();
    tap(page, '.confirm-button');
    await flush();
    await flush();
    expect(textOf(page.querySelector('.vote-error'))).toBe(
      '业主本人已表决，代理人不能更改业主本人的表决',
    );
    expect(page.querySelector('.receipt')).toBeUndefined();
  });

  it('shows who voted for my unit, the rule, plans and documents, and no vote buttons when closed', async () => {
    answer(
      'decisions',
      'detail',
      ok(
        aDetail({
          votingOpen: false,
          status: 'closed',
          statusLabel: '已截止，待计票',
          question: {
            kind: 'plans',
            text: '选择方案',
            plans: [
              { key: 'A', title: '保留导轨', summary: '工期 45 天', costFen: 98_000_000 },
              { key: 'B', title: '整体更换', summary: '工期 60 天', costFen: null },
            ],
          },
          myUnits: [
            aMyUnit({
              canVote: false,
              coveredUnitNos: ['3-01', '3-02'],
              ballot: {
                voice: 'proxy',
                channel: 'paper',
                channelLabel: '纸质',
                castAt: '2026-12-20T10:05:00+08:00',
                choice: 'A',
                choiceLabel: '方案A：保留导轨',
                receipt: 'x',
                receiptShort: 'x',
                enteredBy: '王小红（社区工作者）',
                witnessedBy: null,
                replacedOnline: { reason: '业主当面确认改投', at: '2026-12-20T11:00:00+08:00' },
                replacedReceipts: [],
              },
            }),
          ],
        }),
      ),
    );
    const page = await openShared();
    expect(page.querySelector('.vote')).toBeUndefined();
    expect(textOf(page.querySelector('.badge'))).toBe('已截止，待计票');
    // Voting is over: the count is no longer "live".
    expect(textOf(page.querySelector('.link-results'))).toBe('查看计票结果');
    expect(textOf(page.querySelector('.rule'))).toBe(
      '参与表决的业主人数和面积均须达到三分之二，且四分之三以上同意（人数和面积）',
    );
    expect(page.querySelectorAll('.plan-title').map((p) => textOf(p))).toEqual([
      '方案A：保留导轨',
      '方案B：整体更换',
    ]);
    expect(textOf(page.querySelector('.plan'))).toContain('估算 ¥980,000.00');
    expect(textOf(page.querySelector('.document'))).toContain('第三方检测报告');
    expect(textOf(page.querySelector('.my-unit-no'))).toBe('3-01、3-02');
    expect(textOf(page.querySelector('.my-unit-status'))).toBe(
      asReadToday(
        '代理人已于 2026年12月20日 10:05 投票（纸质表决票，王小红（社区工作者）录入）。您的在线投票已由纸质表决票替换，另一位组织者确认的理由：业主当面确认改投',
      ),
    );
    expect(page.querySelector('.link-results')).toBeDefined();
  });

  it('offers one ballot per person and a picker when the caller votes for several people', async () => {
    answer(
      'decisions',
      'detail',
      ok(
        aDetail({
          myUnits: [
            aMyUnit({ unitId: 'u3-01', unitNo: '3-01', coveredUnitNos: ['3-01', '3-02'] }),
            aMyUnit({ unitId: 'u3-02', unitNo: '3-02', coveredUnitNos: ['3-01', '3-02'] }),
            aMyUnit({
              unitId: 'u9-04',
              unitNo: '9-04',
              as: 'proxy',
              coveredUnitNos: ['9-04'],
              onBehalfOf: '钟霞',
            }),
          ],
        }),
      ),
    );
    answer('decisions', 'cast', ok(aReceipt({ unitNos: ['9-04'], voice: 'proxy' })));
    const page = await openShared();
    expect(page.data.view.votable).toEqual([
      {
        unitId: 'u3-01',
        units: '3-01、3-02',
        as: '本人投票',
        forLine: '为 3-01、3-02 投票（本人投票）',
        currentChoice: '',
        currentLabel: '',
      },
      {
        unitId: 'u9-04',
        units: '9-04',
        as: '代 钟霞（9-04）投票',
        forLine: '代 钟霞（9-04）投票',
        currentChoice: '',
        currentLabel: '',
      },
    ]);
    page.querySelector('.ballot-picker')?.dispatchEvent('change', { detail: { value: '1' } });
    await flush();
    tap(page, '.choice--abstain');
    await flush();
    tap(page, '.confirm-button');
    await flush();
    expect(cloudCalls().find((c) => c.data.action === 'cast')?.data).toMatchObject({
      unitId: 'u9-04',
      choice: 'abstain',
    });
    await flush();
    // The receipt says on whose behalf it was cast.
    expect(textOf(page.querySelector('.receipt-units'))).toBe('代 钟霞（9-04）投票');
  });

  it('shows the decision as it now stands when it is shown again', async () => {
    answer('decisions', 'detail', ok(aDetail()));
    const page = await openShared();
    expect(page.querySelector('.link-published')).toBeUndefined();
    // The organizer closed it and posted the result on the page above, then came back.
    answer(
      'decisions',
      'detail',
      ok(aDetail({ votingOpen: false, status: 'preliminary', statusLabel: '初步结果公示中' })),
    );
    await callMethod(page, 'onShow');
    await flush();
    expect(textOf(page.querySelector('.badge'))).toBe('初步结果公示中');
    expect(page.querySelector('.link-published')).toBeDefined();
    expect(page.querySelector('.vote')).toBeUndefined();
    expect(cloudCalls().filter((c) => c.data.action === 'detail')).toHaveLength(2);
  });

  it('shares itself as a link to the same decision', async () => {
    answer('decisions', 'detail', ok(aDetail()));
    const page = await openShared();
    expect(callMethod(page, 'onShareAppMessage')).toMatchObject({
      title: '请为「电梯更换与自筹资金」投票',
      path: '/pages/decision-detail/index?id=d1',
    });
  });

  it('files an objection during the objection period and shows the answers', async () => {
    const ends = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    answer(
      'decisions',
      'detail',
      ok(aDetail({ votingOpen: false, status: 'preliminary', objectionEndsAt: ends })),
    );
    answer(
      'decisions',
      'objections',
      ok({
        objections: [
          {
            id: 'ob1',
            unitNo: '5-02',
            voiceLabel: '代理人',
            text: '纸质票没有计入',
            photoFileId: null,
            filedAt: '2026-12-20T10:00:00+08:00',
            answer: { text: '已复核，已计入', at: '2026-12-21T09:00:00+08:00' },
          },
        ],
        unanswered: 0,
        canAnswer: false,
      }),
    );
    answer(
      'decisions',
      'object',
      ok({
        id: 'ob2',
        unitNo: '12-03',
        voiceLabel: '业主',
        text: '面积登记有误',
        photoFileId: null,
        filedAt: '2026-12-22T10:00:00+08:00',
        answer: null,
      }),
    );
    const page = await openShared();
    await flush();
    expect(textOf(page.querySelector('.objection-answer'))).toContain('已复核，已计入');
    tap(page, '.objection-send');
    await flush();
    expect(textOf(page.querySelector('.error'))).toBe('请写下您的异议');
    expect(cloudCalls().some((c) => c.data.action === 'object')).toBe(false);
    await callMethod(page, 'onObjectionInput', { detail: { value: '面积登记有误' } });
    tap(page, '.objection-send');
    await flush();
    await flush();
    expect(cloudCalls().find((c) => c.data.action === 'object')).toEqual({
      name: 'decisions',
      data: { action: 'object', decisionId: 'd1', unitId: 'u12-03', text: '面积登记有误' },
    });
  });

  it('shows a long notice in paragraphs, one per line the organizer wrote', async () => {
    answer('decisions', 'detail', ok(aDetail({ summary: '检测结论如下。\n\n费用按面积分摊。\n' })));
    const page = await openShared();
    expect(page.querySelectorAll('.paragraph').map((p) => textOf(p))).toEqual([
      '检测结论如下。',
      '费用按面积分摊。',
    ]);
  });

  it('says so when the decision cannot be found', async () => {
    answer('decisions', 'detail', fail('NOT_FOUND', '没有找到这个表决议题'));
    const page = await openShared();
    expect(page.data.status).toBe('empty');
    expect(textOf(page.querySelector('#status'))).toContain('没有找到这个议题');
  });
});
