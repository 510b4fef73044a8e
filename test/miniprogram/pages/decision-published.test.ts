import { answer, callMethod, cloudCalls, flush, mount, ok, resetWx, textOf } from '../harness';
import { aLine } from './decisions-fixtures';

beforeEach(resetWx);

describe('published list page', () => {
  it('lists unit, area, choice and receipt, finds a line by receipt, and loads more', async () => {
    answer('decisions', 'published', (request) =>
      ok({
        decisionId: 'd1',
        title: '电梯更换与自筹资金',
        status: 'final',
        lines:
          request.offset === 0
            ? [
                aLine(),
                aLine({
                  unitNo: '2-02',
                  receipt: 'ffee' + 'a'.repeat(60),
                  receiptShort: 'ffee-aaaa-aaaa-aaaa',
                  choice: 'no',
                  choiceLabel: '反对',
                  channel: 'paper',
                  enteredBy: '王小红（社区工作者）',
                }),
              ]
            : [
                aLine({
                  unitNo: '3-01',
                  receipt: '0011' + 'b'.repeat(60),
                  receiptShort: '0011-bbbb-bbbb-bbbb',
                }),
              ],
        ballots: request.offset === 0 ? 2 : 1,
        totalBallots: 3,
        nextOffset: request.offset === 0 ? 2 : null,
      }),
    );
    const page = mount('pages/decision-published/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    const column = (selector: string) => page.querySelectorAll(selector).map((n) => textOf(n));
    expect(column('.unit')).toEqual(['2-01', '2-02']);
    expect(column('.area')).toEqual(['138.52', '138.52']);
    expect(column('.choice')).toEqual(['同意', '反对']);
    expect(column('.receipt')).toEqual(['ab12-cd34-ef56-ab12', 'ffee-aaaa-aaaa-aaaa']);
    expect(column('.paper-note')).toEqual(['纸质表决票 · 王小红（社区工作者）录入']);
    expect(textOf(page.querySelector('.total'))).toBe('共 3 张表决票 · 只列房号和面积，不列姓名');
    page.querySelector('.search')?.dispatchEvent('input', { detail: { value: 'FFEE-aa' } });
    await flush();
    expect(page.querySelectorAll('.unit').map((u) => textOf(u))).toEqual(['2-02']);
    page.querySelector('.search')?.dispatchEvent('input', { detail: { value: '' } });
    page.querySelector('.more')?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls().map((c) => c.data.offset)).toEqual([0, 2]);
    expect(page.querySelectorAll('.unit').map((u) => textOf(u))).toEqual(['2-01', '2-02', '3-01']);
    expect(page.querySelector('.more')).toBeUndefined();
  });
});
