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
  it('says in two rows whether turnout and approval are enough, each bar against its line', async () => {
    // 70 of the 85 who took part, 7,000.00 of 8,787.50 m²: three quarters on both axes.
    const met = { met: true, ownersShort: 0, areaShortHundredths: 0, areaShort: '0.00' };
    answer(
      'decisions',
      'results',
      ok(aResults({ options: [{ ...aResults().options[0]!, approval: met }] })),
    );
    const page = await open();
    expect(cloudCalls()).toEqual([
      { name: 'decisions', data: { action: 'results', decisionId: 'd1' } },
    ]);
    const gauge = page.querySelector('#gauge');
    const all = (selector: string) => gauge?.querySelectorAll(selector) ?? [];
    const texts = (selector: string) => all(selector).map((l) => textOf(l));
    const style = (selector: string, i: number) =>
      all(selector)[i]?.dom?.getAttribute('style') ?? '';
    expect(textOf(gauge?.querySelector('.headline'))).toBe('按目前的票数，还不能通过');
    expect(texts('.row-title')).toEqual(['参与', '同意']);
    expect(texts('.verdict')).toEqual(['还不够', '够了']);
    expect(texts('.sentence')).toEqual(['参与还差 7 户、412.50 m²', '同意已够四分之三']);
    // Each figure in its own box, with thousands separators and its unit.
    expect(texts('.value')).toEqual(['85 户', '8,787.50 m²', '70 户', '7,000.00 m²']);
    expect(texts('.of')).toEqual([
      '共 138 户',
      '共 1.38 万 m²',
      '参与的 85 户中',
      '参与的 8,787.50 m² 中',
    ]);
    // 参与 against the building at two thirds; 同意 against those who took part at three quarters.
    expect(style('.fill', 0)).toContain('61.59%');
    expect(style('.line', 0)).toContain('66.67%');
    expect(style('.fill', 1)).toContain('63.68%');
    expect(style('.fill', 2)).toContain('82.35%');
    expect(style('.line', 2)).toContain('75%');
    expect(style('.fill', 3)).toContain('79.66%');
    // The legend draws the same colours as the bars and the lines.
    expect(style('.fill', 2)).toContain('#07c160');
    expect(style('.swatch', 1)).toContain('#07c160');
    expect(style('.line', 0)).toContain('#1a1a1a');
    expect(style('.swatch-line', 0)).toContain('#1a1a1a');
    expect(texts('.legend-text')).toEqual(['已参与', '三分之二线', '同意', '四分之三线']);
    const column = (selector: string) => page.querySelectorAll(selector).map((n) => textOf(n));
    expect(column('.choice-label')).toEqual(['同意', '反对', '弃权']);
    expect(column('.choice-owners')).toEqual(['70 户', '10 户', '5 户']);
    expect(column('.choice-area')).toEqual(['7,000.00 m²', '1,287.50 m²', '500.00 m²']);
    // One colour per choice: 同意 green like its button, 反对 red.
    const dots = page.querySelectorAll('.choice-dot').map((d) => d.dom?.getAttribute('style'));
    expect(dots[0]).toContain('#07c160');
    expect(dots[1]).toContain('#fa5151');
    expect(page.querySelector('.refresh')).toBeDefined();
  });

  it('marks the met thresholds and follows the leading plan in its own colour', () => {
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
    expect(gauge.optionLabel).toBe('方案B：整体更换');
    expect(gauge.headline).toBe('按目前的票数，可以通过');
    expect(gauge.rows.map((r) => [r.title, r.verdict, r.sentence])).toEqual([
      ['参与', '够了', '参与已够三分之二'],
      ['同意', '够了', '同意已过半数'],
    ]);
    expect(gauge.rows[1]?.note).toBe('按票数最多的方案B：整体更换计');
    expect(gauge.rows[1]?.color).toBe('#1485ee');
    expect(gauge.rows[1]?.fillLabel).toBe('选方案B');
    expect(gauge.rows[1]?.bars.map((b) => b.linePct)).toEqual(['50%', '50%']);
  });

  it('says what the shortfall is in households and m², with separators, live and once counted', () => {
    const short = { met: false, ownersShort: 15, areaShortHundredths: 177207, areaShort: '' };
    const results = aResults({
      options: [{ ...aResults().options[0]!, approval: short }],
    });
    expect(toGauge(results).rows[1]?.sentence).toBe('同意还差 15 户、1,772.07 m²');
    const counted = toGauge({ ...results, status: 'final' });
    expect(counted.headline).toBe('');
    expect(counted.rows.map((r) => [r.verdict, r.sentence])).toEqual([
      ['不够', '参与不够三分之二，差 7 户、412.50 m²'],
      ['不够', '同意不够四分之三，差 15 户、1,772.07 m²'],
    ]);
    // 53 owners have not voted: asking for 60 more yes votes says it cannot carry on them alone.
    const beyond = aResults({
      options: [{ ...aResults().options[0]!, approval: { ...short, ownersShort: 60 } }],
    });
    expect(toGauge(beyond).rows[1]?.sentence).toBe(
      '同意还差 60 户、1,772.07 m²，没投票的都同意也不够',
    );
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
      '还差 12 户、1,356.45 m²',
      '没投票的 53 户都选它也不够',
      '没投票的 53 户都选它也不够',
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
