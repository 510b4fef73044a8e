/**
 * Sharing and reminders on the vote and results pages: the share is the deep link to the same
 * page with the drawn card (or the link alone when no card can be drawn within the time), the
 * card shows the turnout, a person who is not bound is told to bind rather than shown an error,
 * and "提醒我投票" asks WeChat from the tap and records what was accepted.
 */
import type { ShareCardContent } from '../../../miniprogram/utils/shareCard';
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
import { aDetail, aResults } from './decisions-fixtures';

const TEMPLATES = [
  {
    key: 'voteOpened',
    templateId: 'tpl-opened',
    title: '表决开始',
    when: '',
    forMe: true,
    remaining: 0,
    lastSentAt: null,
    refusedAt: null,
  },
  {
    key: 'voteDeadline',
    templateId: 'tpl-deadline',
    title: '投票截止提醒',
    when: '',
    forMe: true,
    remaining: 0,
    lastSentAt: null,
    refusedAt: null,
  },
] as const;

beforeEach(() => {
  resetWx();
  answer('households', 'summary', ok({ name: '慈爱鑫和公寓' } as never));
  answer('reminders', 'mySubscriptions', ok({ templates: [...TEMPLATES] }));
});

interface Share {
  title: string;
  path: string;
  imageUrl?: string;
  promise?: Promise<{ title: string; path: string; imageUrl?: string }>;
}

async function open(page: 'decision-detail' | 'decision-results'): Promise<Rendered> {
  const rendered = mount(`pages/${page}/index`);
  await callMethod(rendered, 'onLoad', { id: 'd1' });
  await flush();
  return rendered;
}

/** Stands in for the canvas: WeChat's canvas 2d is not in miniprogram-simulate. */
function stubCard(page: Rendered, exportImage: () => Promise<string>): void {
  const instance = page.instance as unknown as { selectComponent(s: string): unknown };
  instance.selectComponent = (selector: string) =>
    selector === '#share-card' ? { exportImage } : null;
}

describe('sharing a vote', () => {
  it('shares the deep link with the turnout card', async () => {
    answer('decisions', 'detail', ok(aDetail({ status: 'open', statusLabel: '投票中' })));
    answer(
      'decisions',
      'results',
      ok(aResults({ voted: { owners: 85, areaHundredths: 878750, area: '8,787.50' } })),
    );
    const page = await open('decision-detail');
    stubCard(page, () => Promise.resolve('wxfile://card.png'));
    const share = callMethod(page, 'onShareAppMessage') as Share;
    expect(share).toMatchObject({
      title: '请为「电梯更换与自筹资金」投票',
      path: '/pages/decision-detail/index?id=d1',
    });
    await expect(share.promise).resolves.toEqual({
      title: '请为「电梯更换与自筹资金」投票',
      path: '/pages/decision-detail/index?id=d1',
      imageUrl: 'wxfile://card.png',
    });
    const card = page.instance.data.shareCard as ShareCardContent;
    expect(card).toMatchObject({
      building: '慈爱鑫和公寓',
      headline: '已投票 85/138 户',
      subline: '还差 7 户达三分之二',
    });
    expect(callMethod(page, 'onShareTimeline')).toEqual({
      title: '「电梯更换与自筹资金」业主表决',
      query: 'id=d1',
    });
  });

  it('falls back to the link alone when the card cannot be drawn', async () => {
    answer(
      'decisions',
      'detail',
      ok(aDetail({ status: 'notice', statusLabel: '公示中', votingOpen: false })),
    );
    const page = await open('decision-detail');
    stubCard(page, () => Promise.reject(new Error('no canvas')));
    const share = callMethod(page, 'onShareAppMessage') as Share;
    await expect(share.promise).resolves.toEqual({ title: share.title, path: share.path });
    // A notice shows the stage, so no results were asked for.
    expect(cloudCalls().some((c) => c.data.action === 'results')).toBe(false);
    expect((page.instance.data.shareCard as ShareCardContent).kicker).toBe('业主表决 · 公示中');
  });

  it('tells someone who is not bound how to see it, instead of an error', async () => {
    answer('decisions', 'detail', fail('FORBIDDEN', '您当前的身份（未绑定用户）不能查看表决详情'));
    const page = await open('decision-detail');
    expect(textOf(page.querySelector('#status'))).toContain('绑定您的房屋后，就能查看议题并投票');
    const navigate = jest.spyOn(wx, 'navigateTo');
    page.querySelector('.bind-button')?.dispatchEvent('tap');
    await flush();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/bind/index' }));
    navigate.mockRestore();
  });
});

describe('reminders on the vote page', () => {
  it('asks WeChat from the tap for both templates during the notice and records the accepts', async () => {
    answer(
      'decisions',
      'detail',
      ok(aDetail({ status: 'notice', statusLabel: '公示中', votingOpen: false })),
    );
    answer('reminders', 'subscribe', ok({ templates: [...TEMPLATES] }));
    const ask = jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(
      () =>
        Promise.resolve({
          errMsg: 'requestSubscribeMessage:ok',
          'tpl-opened': 'accept',
          'tpl-deadline': 'reject',
        }) as never,
    );
    const page = await open('decision-detail');
    expect(textOf(page.querySelector('.remind-button'))).toBe('提醒我投票');
    expect(textOf(page.querySelector('.remind-line'))).toBe(
      '投票开始时、截止前一天还没投票时，微信提醒您',
    );
    page.querySelector('.remind-button')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-opened', 'tpl-deadline'] });
    expect(cloudCalls().find((c) => c.data.action === 'subscribe')?.data).toEqual({
      action: 'subscribe',
      answers: { 'tpl-opened': 'accept', 'tpl-deadline': 'reject' },
    });
    expect(textOf(page.querySelector('.remind-line'))).toContain('已订阅');
    ask.mockRestore();
  });

  it('offers no reminder once voting is over, or to someone with no flat in the vote', async () => {
    answer(
      'decisions',
      'detail',
      ok(aDetail({ status: 'closed', statusLabel: '已截止，待计票', votingOpen: false })),
    );
    expect((await open('decision-detail')).querySelector('.remind')).toBeUndefined();
    answer('decisions', 'detail', ok(aDetail({ myUnits: [] })));
    expect((await open('decision-detail')).querySelector('.remind')).toBeUndefined();
  });

  it('records nothing when the person refuses or has turned messages off', async () => {
    answer('decisions', 'detail', ok(aDetail({ status: 'open' })));
    const ask = jest
      .spyOn(wx, 'requestSubscribeMessage')
      .mockImplementation(
        () => Promise.reject({ errMsg: 'requestSubscribeMessage:fail 20004' }) as never,
      );
    const modal = jest.spyOn(wx, 'showModal');
    const page = await open('decision-detail');
    expect(textOf(page.querySelector('.remind-line'))).toBe('截止前一天您还没投票时，微信提醒您');
    page.querySelector('.remind-button')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-deadline'] });
    expect(cloudCalls().some((c) => c.data.action === 'subscribe')).toBe(false);
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '消息提醒已关闭' }));
    ask.mockRestore();
    modal.mockRestore();
  });
});

describe('sharing results', () => {
  it('shares the results page with the turnout card, from the results already loaded', async () => {
    answer('decisions', 'results', ok(aResults({ status: 'final', passed: true })));
    const page = await open('decision-results');
    stubCard(page, () => Promise.resolve('wxfile://results.png'));
    const share = callMethod(page, 'onShareAppMessage') as Share;
    expect(share.path).toBe('/pages/decision-results/index?id=d1');
    await expect(share.promise).resolves.toMatchObject({ imageUrl: 'wxfile://results.png' });
    expect(cloudCalls().filter((c) => c.data.action === 'results')).toHaveLength(1);
    expect(page.instance.data.shareCard).toMatchObject({ subline: '表决结果：通过' });
  });

  it('tells someone who is not bound how to see the results', async () => {
    answer('decisions', 'results', fail('FORBIDDEN', '您当前的身份（未绑定用户）不能查看表决结果'));
    const page = await open('decision-results');
    expect(page.instance.data).toMatchObject({
      status: 'empty',
      needsBinding: true,
      statusMessage: '这是本楼业主的表决结果。绑定您的房屋后即可查看。',
    });
    expect(textOf(page.querySelector('.bind-button'))).toBe('去绑定房屋');
    expect(page.querySelector('.bind-button')).toBeDefined();
  });
});
