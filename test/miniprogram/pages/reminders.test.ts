/**
 * The reminders page: the reminders that concern me with how many messages are left of each, and
 * "订阅提醒" asking WeChat for that one template from the tap, then showing the new count.
 */
import type { ReminderTemplateView } from '../../../typings/api';
import {
  answer,
  callMethod,
  cloudCalls,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { asReadToday } from '../dates';

beforeEach(resetWx);

function template(over: Partial<ReminderTemplateView>): ReminderTemplateView {
  return {
    key: 'voteDeadline',
    templateId: 'tpl-deadline',
    title: '投票截止提醒',
    when: '截止前 24 小时，您还没有投票时提醒',
    forMe: true,
    remaining: 0,
    lastSentAt: null,
    refusedAt: null,
    ...over,
  };
}

const TEMPLATES = [
  template({ remaining: 2, lastSentAt: '2026-12-13T04:23:00Z' }),
  template({
    key: 'progressUpdate',
    templateId: 'tpl-progress',
    title: '工程进度更新',
    refusedAt: '2026-12-01T00:00:00Z',
  }),
  template({ key: 'resultDue', templateId: 'tpl-result', title: '结果公示期限', forMe: false }),
];

async function open(): Promise<Rendered> {
  answer('reminders', 'mySubscriptions', ok({ templates: TEMPLATES }));
  const page = mount('pages/reminders/index');
  await callMethod(page, 'onLoad', {});
  return page;
}

describe('reminders page', () => {
  it('lists the reminders that concern me and how many messages are left', async () => {
    const page = await open();
    const titles = page.querySelectorAll('.reminder-title').map((n) => textOf(n));
    expect(titles).toEqual(['投票截止提醒', '工程进度更新']);
    const states = page.querySelectorAll('.reminder-state').map((n) => textOf(n));
    expect(states).toEqual(['还会提醒 2 次', '微信未能送达（可能已关闭提醒），请重新订阅']);
    expect(textOf(page.querySelector('.reminder--voteDeadline'))).toContain(
      asReadToday('上次提醒：2026年12月13日 12:23'),
    );
    expect(page.querySelectorAll('.subscribe').map((n) => textOf(n))).toEqual([
      '再订阅一次',
      '订阅提醒',
    ]);
  });

  it('asks WeChat for one template from the tap and shows the new count', async () => {
    const page = await open();
    const ask = jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(
      () =>
        Promise.resolve({
          errMsg: 'requestSubscribeMessage:ok',
          'tpl-progress': 'accept',
        }) as never,
    );
    answer(
      'reminders',
      'subscribe',
      ok({
        templates: [
          TEMPLATES[0] as ReminderTemplateView,
          template({
            key: 'progressUpdate',
            templateId: 'tpl-progress',
            title: '工程进度更新',
            remaining: 1,
          }),
        ],
      }),
    );
    page.querySelector('.reminder--progressUpdate .subscribe')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-progress'] });
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'subscribe',
      answers: { 'tpl-progress': 'accept' },
    });
    expect(page.querySelectorAll('.reminder-state').map((n) => textOf(n))).toEqual([
      '还会提醒 2 次',
      '还会提醒 1 次',
    ]);
    ask.mockRestore();
  });
});
