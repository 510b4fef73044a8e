/**
 * How a decision's page tells the owner about the ways votes come in and what will be posted:
 * the notice's privacy sentence, and a ballot staff took for them by video or at the door, named
 * with its channel and both staff members.
 */
import { callMethod, answer, mount, ok, resetWx, textOf } from '../harness';
import { aDetail, aMyUnit } from './decisions-fixtures';
import { asReadToday } from '../dates';

beforeEach(resetWx);

const RECEIPTS =
  '本次表决不公开每户的表决意见：结果公示时只列出参加表决的房号和面积；表决意见另以回执编号列出，您可以凭自己的回执编号核对，任何人都可以按回执清单复核票数。';

describe('decision page: channels and privacy', () => {
  it('states on the notice what the result will post, and how my flat’s vote came in', async () => {
    answer(
      'decisions',
      'detail',
      ok(
        aDetail({
          privacy: 'receipts',
          privacyStatement: RECEIPTS,
          myUnits: [
            aMyUnit({
              canVote: true,
              ballot: {
                voice: 'owner',
                channel: 'visit',
                channelLabel: '上门',
                castAt: '2026-12-18T10:00:00+08:00',
                choice: 'yes',
                choiceLabel: '同意',
                receipt: '3f2a9c01bb4e77d0',
                receiptShort: '3f2a-9c01-bb4e-77d0',
                enteredBy: '王小红（社区工作者）',
                witnessedBy: '李建国（社区工作者）',
                replacedOnline: null,
                replacedReceipts: [],
              },
            }),
          ],
        }),
      ),
    );
    const page = mount('pages/decision-detail/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    expect(textOf(page.querySelector('.privacy-line'))).toBe(RECEIPTS);
    expect(textOf(page.querySelector('.receipt-cast'))).toMatch(/^业主本人上门投票 · /);
    expect(textOf(page.querySelector('.my-unit-status'))).toBe(
      asReadToday(
        '业主本人已于 2026年12月18日 10:00 投票（上门表决，王小红（社区工作者）和李建国（社区工作者）录入）',
      ),
    );
  });
});
