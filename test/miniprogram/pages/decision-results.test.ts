import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aResults } from './decisions-fixtures';
import { toGauge } from '../../../miniprogram/utils/gauge';
import { toResultsView } from '../../../miniprogram/pages/decision-results/view';
import { asReadToday } from '../dates';

beforeEach(resetWx);

async function open(): Promise<Rendered> {
  const page = mount('pages/decision-results/index');
  await callMethod(page, 'onLoad', { id: 'd1' });
  return page;
}

describe('results page', () => {
  it('shows the gauge on both axes against the two-thirds and three-quarters lines', async () => {
    answer('decisions', 'results', ok(aResults()));
    const page = await open();
    expect(cloudCalls()).toEqual([
      { name: 'decisions', data: { action: 'results', decisionId: 'd1' } },
    ]);
    const gauge = page.querySelector('#gauge');
    expect(textOf(gauge?.querySelector('.headline'))).toBe(
      '还需 7 位业主、412.50 m² 参与表决（双过三分之二）',
    );
    const all = (selector: string) => gauge?.querySelectorAll(selector) ?? [];
    const style = (selector: string, i: number) =>
      all(selector)[i]?.dom?.getAttribute('style') ?? '';
    expect(all('.axis-label').map((l) => textOf(l))).toEqual(['人数', '面积']);
    expect(all('.voted').map((l) => textOf(l))).toEqual(['85 位参与', '8,787.50 m² 参与']);
    expect(all('.yes').map((l) => textOf(l))).toEqual(['70 位同意', '7,000.00 m² 同意']);
    expect(style('.bar--voted', 0)).toContain('61.59%');
    expect(style('.line--turnout', 0)).toContain('66.67%');
    // Three quarters of the 85 who voted, on the scale of all 138 owners.
    expect(style('.line--approval', 0)).toContain('46.20%');
    // Area: 8787.50 of 13800.00 m² took part; the approval mark at ¾ of that.
    expect(style('.bar--voted', 1)).toContain('63.68%');
    expect(style('.line--approval', 1)).toContain('47.76%');
    expect(textOf(page.querySelector('.turnout-line'))).toBe(
      '参与 85 / 138 位业主，还需 7 位、412.50 m²',
    );
    const column = (selector: string) => page.querySelectorAll(selector).map((n) => textOf(n));
    expect(column('.choice-label')).toEqual(['同意', '反对', '弃权']);
    expect(column('.choice-figures')).toEqual([
      '70 位 · 7,000.00 m²',
      '10 位 · 1,287.50 m²',
      '5 位 · 500.00 m²',
    ]);
    expect(page.querySelector('.refresh')).toBeDefined();
  });

  it('marks the met thresholds and lists how far each plan is from carrying', () => {
    const gauge = toGauge(
      aResults({
        rule: 'more-than-half',
        turnout: { met: true, ownersShort: 0, areaShortHundredths: 0, areaShort: '0.00' },
        leading: 'B',
        options: [
          {
            key: 'A',
            label: '方案A：保留导轨',
            owners: 20,
            areaHundredths: 200000,
            area: '2000.00',
            approval: { met: false, ownersShort: 30, areaShortHundredths: 1, areaShort: '0.01' },
            passed: false,
          },
          {
            key: 'B',
            label: '方案B：整体更换',
            owners: 60,
            areaHundredths: 600000,
            area: '6000.00',
            approval: { met: true, ownersShort: 0, areaShortHundredths: 0, areaShort: '0.00' },
            passed: true,
          },
        ],
      }),
    );
    expect(gauge.approvalLabel).toBe('过半数同意');
    expect(gauge.optionLabel).toBe('方案B：整体更换');
    expect(gauge.axes.map((a) => [a.turnoutMet, a.approvalMet])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(gauge.axes[0]?.approvalLinePct).toBe('30.80%');
  });

  it('says a plan cannot carry on the votes left rather than asking for more owners than exist', () => {
    const plan = (key: string, ownersShort: number, areaShortHundredths: number) => ({
      key,
      label: `方案${key}`,
      owners: 0,
      areaHundredths: 0,
      area: '0.00',
      approval: { met: false, ownersShort, areaShortHundredths, areaShort: '' },
      passed: false,
    });
    // 138 owners, 85 voted: 53 owners and 5012.50 m² have not.
    const view = toResultsView(
      aResults({
        options: [plan('A', 12, 135645), plan('B', 232, 2180000), plan('C', 40, 501251)],
      }),
    );
    expect(view.options.map((o) => o.line)).toEqual([
      '还差 12 位业主、1,356.45 m²',
      '即使未投票的 53 位业主都选它也达不到',
      '即使未投票的 53 位业主都选它也达不到',
    ]);
  });

  it('shows the published result as published, without the refresh button', async () => {
    answer('decisions', 'results', ok(aResults({ status: 'final', headline: '通过' })));
    const page = await open();
    expect(textOf(page.querySelector('.as-of'))).toBe(asReadToday('公示于 2026年12月20日 10:00'));
    expect(page.querySelector('.refresh')).toBeUndefined();
  });

  it('shows the server’s reason when there is no result yet', async () => {
    answer('decisions', 'results', fail('CONFLICT', '表决尚未开始，还没有结果'));
    const page = await open();
    expect(page.data.status).toBe('error');
    expect(textOf(page.querySelector('#status'))).toContain('表决尚未开始，还没有结果');
  });
});
