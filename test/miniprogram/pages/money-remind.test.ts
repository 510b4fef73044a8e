/**
 * The 筹款 tab's "提醒我": a payer is offered the share-due and cash-posted reminders, WeChat is
 * asked for both from the tap, and the accepts are recorded; someone with no unit is not offered
 * them.
 */
import type { ReminderTemplateView } from '../../../typings/api';
import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aMe } from './households-fixtures';
import { anAccount, anOverview, aScheme } from './money-fixtures';

beforeEach(resetWx);

function template(key: ReminderTemplateView['key'], templateId: string): ReminderTemplateView {
  return {
    key,
    templateId,
    title: key,
    when: '',
    forMe: true,
    remaining: 0,
    lastSentAt: null,
    refusedAt: null,
  };
}

const TEMPLATES = [
  template('voteDeadline', 'tpl-deadline'),
  template('shareDue', 'tpl-share'),
  template('receiptPosted', 'tpl-receipt'),
  template('progressUpdate', 'tpl-progress'),
];

function answerAll(): void {
  answer('funds', 'listSchemes', ok({ schemes: [aScheme()] }));
  answer('ledger', 'overview', ok(anOverview()));
  answer('reminders', 'mySubscriptions', ok({ templates: TEMPLATES }));
}

async function open(): Promise<Rendered> {
  const page = mount('pages/money/index');
  await callMethod(page, 'onLoad');
  return page;
}

describe('筹款 tab reminders', () => {
  it('offers no reminder to someone with no unit', async () => {
    answerAll();
    answer('funds', 'myAccount', fail('FORBIDDEN', '您没有权限进行这项操作'));
    answer('households', 'me', ok(aMe({ roles: [], units: [] })));
    const page = await open();
    expect(page.querySelector('.no-unit')).toBeDefined();
    expect(page.querySelector('.remind-button')).toBeUndefined();
  });

  it('asks WeChat for the share-due and cash-posted reminders from the tap, and records the accepts', async () => {
    answerAll();
    answer('funds', 'myAccount', ok(anAccount()));
    answer('households', 'me', ok(aMe()));
    const page = await open();
    expect(textOf(page.querySelector('.remind-line'))).toBe(
      '缴费到期前、现金收据入账时，微信提醒您',
    );
    const ask = jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(
      () =>
        Promise.resolve({
          errMsg: 'requestSubscribeMessage:ok',
          'tpl-share': 'accept',
          'tpl-receipt': 'reject',
        }) as never,
    );
    answer('reminders', 'subscribe', ok({ templates: TEMPLATES }));
    page.querySelector('.remind-button')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-share', 'tpl-receipt'] });
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'subscribe',
      answers: { 'tpl-share': 'accept', 'tpl-receipt': 'reject' },
    });
    expect(textOf(page.querySelector('.remind-line'))).toBe('已订阅：到时微信会提醒您');
    ask.mockRestore();
  });

  it('says how to turn messages back on when they are switched off', async () => {
    answerAll();
    answer('funds', 'myAccount', ok(anAccount()));
    answer('households', 'me', ok(aMe()));
    const page = await open();
    const ask = jest
      .spyOn(wx, 'requestSubscribeMessage')
      .mockImplementation(() => Promise.reject(new Error('requestSubscribeMessage:fail')) as never);
    const modal = jest.spyOn(wx, 'showModal');
    const calls = cloudCalls().length;
    page.querySelector('.remind-button')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(modal.mock.calls[0]?.[0]).toMatchObject({ title: '消息提醒已关闭' });
    expect(cloudCalls()).toHaveLength(calls);
    expect(textOf(page.querySelector('.remind-button'))).toBe('提醒我');
    ask.mockRestore();
    modal.mockRestore();
  });
});
