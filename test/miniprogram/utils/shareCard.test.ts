/**
 * The share card's drawing module over a recording context: what it writes (building, headline,
 * the "还差 N 户" line, date), that long text shrinks and then ends in an ellipsis instead of
 * running off the card, and the turnout arithmetic (two thirds, boundary included).
 */
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  type CardCanvasContext,
  collectedCard,
  drawShareCard,
  fitText,
  payLinkCard,
  turnoutCard,
  twoThirdsOf,
} from '../../../miniprogram/utils/shareCard';

interface Op {
  op: string;
  args: unknown[];
  font: string;
  fill: unknown;
}

/** Records each call; text is as wide as its font size per character (CJK-like). */
function recorder(): { ctx: CardCanvasContext; ops: Op[] } {
  const ops: Op[] = [];
  const state = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    font: '10px x',
    textAlign: 'left',
    textBaseline: 'alphabetic',
  };
  const size = () => Number(/(\d+)px/.exec(state.font)?.[1] ?? 10);
  const record =
    (op: string) =>
    (...args: unknown[]) =>
      void ops.push({ op, args, font: state.font, fill: state.fillStyle });
  const ctx = Object.assign(state, {
    fillRect: record('fillRect'),
    fillText: record('fillText'),
    measureText: (text: string) => ({ width: [...text].length * size() }),
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    arc: record('arc'),
    closePath: record('closePath'),
    fill: record('fill'),
    stroke: record('stroke'),
    save: record('save'),
    restore: record('restore'),
    scale: record('scale'),
  });
  return { ctx, ops };
}

describe('the share card', () => {
  it('is 5:4', () => {
    expect(CARD_WIDTH * 4).toBe(CARD_HEIGHT * 5);
  });

  it('counts two thirds of owners with the boundary included', () => {
    expect(twoThirdsOf(138)).toBe(92);
    expect(twoThirdsOf(134)).toBe(90);
    expect(twoThirdsOf(3)).toBe(2);
    const short = turnoutCard({
      building: '慈爱鑫和公寓',
      title: '电梯更换',
      stage: '投票中',
      voted: 87,
      total: 134,
      date: '12月13日 12:23',
    });
    expect(short).toMatchObject({ headline: '已投票 87/134 户', subline: '还差 3 户达三分之二' });
    expect(short.bar).toMatchObject({ label: '64%' });
    expect(short.bar?.target).toBeCloseTo(90 / 134);
    const met = turnoutCard({
      building: 'b',
      title: 't',
      stage: 's',
      voted: 92,
      total: 138,
      date: '',
    });
    expect(met.subline).toBe('已达三分之二');
  });

  it('shows money collected in whole percent, from integer fen', () => {
    const card = collectedCard({
      building: 'b',
      kicker: '电梯更换自筹款',
      collected: '¥980,000.00',
      target: '¥1,260,000.00',
      collectedFen: 98_000_000,
      targetFen: 126_000_000,
      date: '',
    });
    expect(card).toMatchObject({
      headline: '已筹 ¥980,000.00',
      subline: '目标 ¥1,260,000.00',
      bar: { label: '77%', target: null },
    });
  });

  it('says which flat a pay link is for and what is left, without a bar', () => {
    const base = {
      building: 'b',
      unitNo: '5-02',
      left: '¥6,799.60',
      expires: '1月6日 23:59',
      date: '',
    };
    expect(payLinkCard({ ...base, ownerMasked: '钟*' })).toMatchObject({
      kicker: '代缴电梯分摊款 · 5-02（钟*）',
      headline: '还需缴纳 ¥6,799.60',
      subline: '链接有效期至 1月6日 23:59',
      bar: null,
    });
    expect(payLinkCard({ ...base, ownerMasked: '', expires: '' })).toMatchObject({
      kicker: '代缴电梯分摊款 · 5-02',
      subline: '',
    });
  });

  it('draws the building, the headline, the line under it and the date, scaled to the pixel ratio', () => {
    const { ctx, ops } = recorder();
    drawShareCard(
      ctx,
      turnoutCard({
        building: '慈爱鑫和公寓',
        title: '电梯更换',
        stage: '投票中',
        voted: 87,
        total: 134,
        date: '12月13日 12:23',
      }),
      2,
    );
    expect(ops[1]).toEqual(expect.objectContaining({ op: 'scale', args: [2, 2] }));
    const texts = ops.filter((o) => o.op === 'fillText').map((o) => o.args[0]);
    expect(texts).toEqual([
      '慈爱鑫和公寓',
      '电梯更换 · 投票中',
      '已投票 87/134 户',
      '还差 3 户达三分之二',
      '64%',
      '12月13日 12:23',
      '同梯 · 小程序',
    ]);
    // Nothing is written outside the card.
    for (const o of ops.filter((x) => x.op === 'fillText')) {
      const [, x, y] = o.args as [string, number, number];
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(CARD_WIDTH);
      expect(y).toBeLessThanOrEqual(CARD_HEIGHT);
    }
    // The headline is the largest text.
    const headline = ops.find((o) => o.args[0] === '已投票 87/134 户');
    expect(headline?.font).toMatch(/^bold 3\d|^bold 4\d|^bold 50/);
  });

  it('shrinks long text to fit, then cuts it with an ellipsis', () => {
    const { ctx } = recorder();
    expect(fitText(ctx, '一二三四五', 200, 50, 30)).toMatchObject({ text: '一二三四五', size: 40 });
    const cut = fitText(ctx, '一二三四五六七八九十一二三四五', 200, 50, 30);
    expect(cut.size).toBe(30);
    expect(cut.text).toBe('一二三四五…');
  });
});
