import type { MySharesView } from '../../../typings/api';
import { answer, callMethod, fail, flush, mount, ok, resetWx, textOf } from '../harness';
import { aDetail } from './decisions-fixtures';

beforeEach(resetWx);

const PLANS = {
  kind: 'plans' as const,
  text: '选择方案',
  plans: [
    { key: 'A' as const, title: '保留导轨', summary: '工期 45 天', costFen: 98_000_000 },
    { key: 'B' as const, title: '整体更换', summary: '工期 60 天', costFen: 168_000_000 },
  ],
};

function shares(): MySharesView {
  const plan = (key: 'A' | 'B', fen: number, label: string) => ({
    planKey: key,
    planTitle: key === 'A' ? '保留导轨' : '整体更换',
    costFen: key === 'A' ? 98_000_000 : 168_000_000,
    costLabel: key === 'A' ? '¥980,000.00' : '¥1,680,000.00',
    schemeId: null,
    method: 'area' as const,
    methodLabel: '按面积分摊',
    units: [{ unitId: 'u12-03', unitNo: '12-03', fen, label }],
    totalFen: fen,
    label: `方案${key}：您家约 ${label}`,
  });
  return {
    decisionId: 'd1',
    plans: [plan('A', 720_145, '¥7,201.45'), plan('B', 1_234_567, '¥12,345.67')],
  };
}

describe('decision detail: my share under each plan', () => {
  it('shows my share under each plan before I vote', async () => {
    answer('decisions', 'detail', ok(aDetail({ question: PLANS })));
    answer('funds', 'myShares', ok(shares()));
    const page = mount('pages/decision-detail/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    await flush();
    expect(page.querySelectorAll('.share-label').map((s) => textOf(s))).toEqual([
      '方案A：您家约 ¥7,201.45',
      '方案B：您家约 ¥12,345.67',
    ]);
    expect(textOf(page.querySelector('.share-basis'))).toBe('按面积分摊 · 总额 ¥980,000.00');
    // The vote itself is untouched: the choices are still there.
    expect(page.querySelectorAll('.choice').length).toBeGreaterThan(0);
  });

  it('leaves the decision readable when the shares cannot be had', async () => {
    answer('decisions', 'detail', ok(aDetail({ question: PLANS })));
    answer('funds', 'myShares', fail('INTERNAL', 'boom'));
    const page = mount('pages/decision-detail/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    await flush();
    expect(page.data.status).toBe('ready');
    expect(page.querySelector('.shares')).toBeUndefined();
  });

  it('does not ask for shares when no plan has a cost', async () => {
    const noCost = {
      ...PLANS,
      plans: PLANS.plans.map((p) => ({ ...p, costFen: null })),
    };
    answer('decisions', 'detail', ok(aDetail({ question: noCost })));
    const page = mount('pages/decision-detail/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    expect(page.querySelector('.shares')).toBeUndefined();
    expect(textOf(page.querySelector('.title'))).toBe('电梯更换与自筹资金');
  });
});
