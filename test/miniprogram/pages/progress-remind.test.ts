/**
 * The 进度 tab's "提醒我": anyone signed in is offered the progress-update reminder, and WeChat is
 * asked for it from the tap; when the templates cannot be read there is no button.
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
import { anOverview } from './progress-fixtures';

beforeEach(resetWx);

const PROGRESS: ReminderTemplateView = {
  key: 'progressUpdate',
  templateId: 'tpl-progress',
  title: '工程进度更新',
  when: '换梯工程有新进展时通知您',
  forMe: true,
  remaining: 0,
  lastSentAt: null,
  refusedAt: null,
};

async function open(): Promise<Rendered> {
  answer('updates', 'overview', ok(anOverview()));
  const page = mount('pages/progress/index');
  await callMethod(page, 'onLoad', {});
  for (let i = 0; i < 6; i += 1) await flush();
  return page;
}

describe('进度 tab reminders', () => {
  it('shows no button when the templates cannot be read (signed out)', async () => {
    answer('reminders', 'mySubscriptions', fail('UNAUTHENTICATED', '请先登录'));
    const page = await open();
    expect(page.querySelector('.current')).toBeDefined();
    expect(page.querySelector('.remind-button')).toBeUndefined();
  });

  it('asks WeChat for the progress-update reminder from the tap and records the accept', async () => {
    answer('reminders', 'mySubscriptions', ok({ templates: [PROGRESS] }));
    const page = await open();
    expect(textOf(page.querySelector('.remind-line'))).toBe('有新进展时，微信提醒您');
    const ask = jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(
      () =>
        Promise.resolve({
          errMsg: 'requestSubscribeMessage:ok',
          'tpl-progress': 'accept',
        }) as never,
    );
    answer('reminders', 'subscribe', ok({ templates: [{ ...PROGRESS, remaining: 1 }] }));
    page.querySelector('.remind-button')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-progress'] });
    expect(cloudCalls().at(-1)?.data).toEqual({
      action: 'subscribe',
      answers: { 'tpl-progress': 'accept' },
    });
    expect(textOf(page.querySelector('.remind-line'))).toBe('已订阅：有新进展时微信会提醒您');
    expect(textOf(page.querySelector('.remind-button'))).toBe('再订阅一次');
    ask.mockRestore();
  });
});
