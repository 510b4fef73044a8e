import {
  answer,
  cloudCalls,
  fail,
  flush,
  ok,
  openPage,
  resetWx,
  settle,
  tap,
  textOf,
} from '../harness';
import { aHelp, anOutageDetail } from './progress-fixtures';

beforeEach(resetWx);

describe('outage page', () => {
  it('lets a neighbour sign up for a request', async () => {
    answer('updates', 'outage', ok(anOutageDetail()));
    answer('updates', 'volunteer', ok(aHelp({ iVolunteered: true, covered: true })));
    const page = await openPage('pages/outage/index', { id: 'og-1' });
    expect(textOf(page.querySelector('.schedule-title'))).toBe('1号梯（东）停用');
    expect(page.querySelector('.start-ask')).toBeUndefined();
    tap(page, '.volunteer');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'volunteer')?.data).toEqual({
      action: 'volunteer',
      requestId: 'h1',
    });
  });

  it('takes a registered household’s request: kind, day and slot', async () => {
    answer(
      'updates',
      'outage',
      ok(anOutageDetail({ myUnits: [{ unitNo: '19-03', floor: 19, eligible: true }] })),
    );
    answer('updates', 'requestHelp', ok(aHelp({ mine: true })));
    const page = await openPage('pages/outage/index', { id: 'og-1' });
    tap(page, '.start-ask');
    await flush();
    tap(page, '.submit-ask');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('请选择需要什么帮助');
    tap(page, '.kind--escort');
    page.querySelector('.day-picker')?.dispatchEvent('change', { detail: { value: 1 } });
    tap(page, '.slot--morning');
    page.querySelector('.note-input')?.dispatchEvent('input', { detail: { value: '去医院' } });
    await flush();
    tap(page, '.submit-ask');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'requestHelp')?.data).toEqual({
      action: 'requestHelp',
      outageId: 'og-1',
      unitNo: '19-03',
      kind: 'escort',
      date: '2027-01-27',
      slot: 'morning',
      note: '去医院',
    });
  });

  it('shows organizers who is covered and who has not asked', async () => {
    answer(
      'updates',
      'outage',
      ok(
        anOutageDetail({
          canRequestForOthers: true,
          coverage: {
            requests: 1,
            covered: 0,
            uncovered: 1,
            unasked: [{ unitNo: '23-05', floor: 23, why: '行动不便' }],
          },
        }),
      ),
    );
    const page = await openPage('pages/outage/index', { id: 'og-1' });
    expect(textOf(page.querySelector('.coverage-line'))).toBe('已有人帮 0 / 1 项');
    expect(textOf(page.querySelector('.uncovered-title'))).toBe('20-02（20 楼）· 代买搬运');
    expect(textOf(page.querySelector('.unasked'))).toBe('23-05（23 楼）行动不便，还没有申请');
    expect(textOf(page.querySelector('.start-ask'))).toBe('替住户申请帮助');
  });
});

describe('outage page for someone not bound yet', () => {
  it('says to bind a flat rather than offering a retry', async () => {
    answer(
      'updates',
      'outage',
      fail('FORBIDDEN', '您当前的身份（未绑定用户）不能查看停梯安排和求助'),
    );
    const page = await openPage('pages/outage/index', { id: 'og-1' });
    expect(textOf(page)).toContain('绑定房屋后才能查看和报名停梯期间的互助');
    expect(textOf(page)).not.toContain('重试');
  });
});
