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
import { aSummaryRow } from './decisions-fixtures';

beforeEach(resetWx);

async function open(): Promise<Rendered> {
  const page = mount('pages/decisions/index');
  await callMethod(page, 'onLoad', {});
  return page;
}

describe('decisions list', () => {
  it('lists open votes first with their deadline, then the rest', async () => {
    answer(
      'decisions',
      'list',
      ok({
        decisions: [
          aSummaryRow({
            id: 'd0',
            title: '楼道照明改造',
            status: 'preliminary',
            statusLabel: '初步结果公示中',
            votingOpen: false,
            objectionEndsAt: '2027-01-09T10:00:00+08:00',
          }),
          aSummaryRow(),
        ],
      }),
    );
    const page = await open();
    const text = (selector: string) => page.querySelectorAll(selector).map((n) => textOf(n));
    expect(text('.decision-title')).toEqual(['电梯更换与自筹资金', '楼道照明改造']);
    expect(text('.badge')).toEqual(['投票中', '初步结果公示中']);
    // The year is written only when it is not this year (the clock's).
    const [deadline, objection] = text('.decision-when');
    expect(deadline).toMatch(/^(2026年)?12月31日 18:00 投票截止$/);
    expect(objection).toMatch(/^初步结果公示中，异议期至 (2027年)?1月9日 10:00$/);
  });

  it('opens a decision when its row is tapped', async () => {
    answer('decisions', 'list', ok({ decisions: [aSummaryRow()] }));
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = await open();
    page.querySelector('.decision')?.dispatchEvent('tap');
    await flush();
    expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({
      url: '/pages/decision-detail/index?id=d1',
    });
    navigateTo.mockRestore();
  });

  it('says there is nothing to vote on, and tells unbound users to bind first', async () => {
    answer('decisions', 'list', ok({ decisions: [] }));
    expect(textOf((await open()).querySelector('#status'))).toContain('暂时没有需要表决的事项');
    answer('decisions', 'list', fail('FORBIDDEN', '您当前的身份（未绑定用户）不能查看表决议题'));
    expect(textOf((await open()).querySelector('#status'))).toContain(
      '绑定房屋后才能查看议事和表决',
    );
  });
});
