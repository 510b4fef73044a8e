import { answer, callMethod, cloudCalls, flush, mount, ok, resetWx, textOf } from '../harness';
import { aLine } from './decisions-fixtures';

beforeEach(resetWx);

const RECEIPTS_STATEMENT =
  '本次表决不公开每户的表决意见：结果公示时只列出参加表决的房号和面积；表决意见另以回执编号列出，您可以凭自己的回执编号核对，任何人都可以按回执清单复核票数。';

describe('published list page', () => {
  it('lists unit, area, choice, channel and receipt, finds a line by receipt, and loads more', async () => {
    answer('decisions', 'published', (request) =>
      ok({
        decisionId: 'd1',
        title: '电梯更换与自筹资金',
        status: 'final',
        privacy: 'open',
        privacyStatement:
          '本次表决公开每户的表决意见：结果公示时列出每户的房号、面积和表决意见，不列姓名。',
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
                  channelLabel: '纸质',
                  enteredBy: '社区工作者 王*红',
                }),
                aLine({
                  unitNo: '2-03',
                  receipt: '7777' + 'c'.repeat(60),
                  receiptShort: '7777-cccc-cccc-cccc',
                  channel: 'visit',
                  channelLabel: '上门',
                  enteredBy: '社区工作者 王*红',
                  witnessedBy: '社区工作者 李*国',
                }),
                aLine({
                  unitNo: '2-04',
                  receipt: '8888' + 'd'.repeat(60),
                  receiptShort: '8888-dddd-dddd-dddd',
                  channel: 'video',
                  channelLabel: '视频',
                  enteredBy: '换梯小组 郑*明',
                  witnessedBy: '社区工作者 王*红',
                }),
                aLine({
                  unitNo: '2-05',
                  receipt: '9999' + 'e'.repeat(60),
                  receiptShort: '9999-eeee-eeee-eeee',
                  channel: 'meeting',
                  channelLabel: '现场',
                  enteredBy: '社区工作者 王*红',
                }),
              ]
            : [
                aLine({
                  unitNo: '3-01',
                  receipt: '0011' + 'b'.repeat(60),
                  receiptShort: '0011-bbbb-bbbb-bbbb',
                }),
              ],
        receipts: [],
        ballots: request.offset === 0 ? 5 : 1,
        totalBallots: 6,
        nextOffset: request.offset === 0 ? 5 : null,
      }),
    );
    const page = mount('pages/decision-published/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    const column = (selector: string) => page.querySelectorAll(selector).map((n) => textOf(n));
    expect(column('.unit')).toEqual(['2-01', '2-02', '2-03', '2-04', '2-05']);
    expect(column('.area')).toEqual(['138.52', '138.52', '138.52', '138.52', '138.52']);
    expect(column('.choice')).toEqual(['同意', '反对', '同意', '同意', '同意']);
    expect(column('.channel')).toEqual([
      '网上投票',
      '纸质投票',
      '上门投票',
      '视频投票',
      '现场投票',
    ]);
    expect(column('.receipt')[0]).toBe('回执 ab12-cd34-ef56-ab12');
    expect(column('.staff-note')).toEqual([
      '社区工作者 王*红录入',
      '社区工作者 王*红和社区工作者 李*国签字',
      '换梯小组 郑*明录入，社区工作者 王*红见证',
      '社区工作者 王*红录入',
    ]);
    expect(textOf(page.querySelector('.total'))).toBe('共 6 张表决票 · 只列房号和面积，不列姓名');
    expect(textOf(page.querySelector('.privacy'))).toContain('公开每户的表决意见');
    expect(page.querySelector('.receipts')).toBeUndefined();
    page.querySelector('.search')?.dispatchEvent('input', { detail: { value: 'FFEE-aa' } });
    await flush();
    expect(column('.unit')).toEqual(['2-02']);
    page.querySelector('.search')?.dispatchEvent('input', { detail: { value: '' } });
    page.querySelector('.more')?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls().map((c) => c.data.offset)).toEqual([0, 5]);
    expect(column('.unit')).toHaveLength(6);
    expect(page.querySelector('.more')).toBeUndefined();
  });

  it('on a receipts decision shows who took part without choices, and the receipts apart', async () => {
    const participation = (unitNo: string) =>
      aLine({ unitNo, choice: null, choiceLabel: null, receipt: null, receiptShort: null });
    answer(
      'decisions',
      'published',
      ok({
        decisionId: 'd1',
        title: '续筹专项维修资金',
        status: 'preliminary',
        privacy: 'receipts',
        privacyStatement: RECEIPTS_STATEMENT,
        lines: [participation('2-01'), participation('2-02')],
        receipts: [
          {
            receipt: '0a0a' + '1'.repeat(60),
            receiptShort: '0a0a-1111-1111-1111',
            choice: 'no',
            choiceLabel: '反对',
          },
          {
            receipt: 'f0f0' + '2'.repeat(60),
            receiptShort: 'f0f0-2222-2222-2222',
            choice: 'yes',
            choiceLabel: '同意',
          },
        ],
        ballots: 2,
        totalBallots: 2,
        nextOffset: null,
      }),
    );
    const page = mount('pages/decision-published/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    const column = (selector: string) => page.querySelectorAll(selector).map((n) => textOf(n));
    expect(textOf(page.querySelector('.privacy'))).toBe(RECEIPTS_STATEMENT);
    expect(column('.unit')).toEqual(['2-01', '2-02']);
    expect(column('.channel')).toEqual(['网上', '网上']);
    // No choice and no receipt beside any flat.
    expect(column('.choice')).toEqual([]);
    expect(column('.receipt')).toEqual([]);
    expect(column('.receipt-no')).toEqual(['0a0a-1111-1111-1111', 'f0f0-2222-2222-2222']);
    expect(column('.receipt-choice')).toEqual(['反对', '同意']);
    page.querySelector('.search')?.dispatchEvent('input', { detail: { value: 'F0F0-2' } });
    await flush();
    expect(column('.receipt-no')).toEqual(['f0f0-2222-2222-2222']);
    expect(column('.unit')).toEqual([]);
    page.querySelector('.search')?.dispatchEvent('input', { detail: { value: '2-02' } });
    await flush();
    expect(column('.unit')).toEqual(['2-02']);
  });
});
