/**
 * Sharing the 进度 tab: the link opens the progress for anyone (the page is public, so 朋友圈 too),
 * the card shows the current stage, the percent done and the next key date, and the link goes
 * alone when no card can be drawn.
 */
import type { ShareCardContent } from '../../../miniprogram/utils/shareCard';
import {
  answer,
  callMethod,
  flush,
  mount,
  ok,
  openPage,
  resetWx,
  tap,
  type Rendered,
} from '../harness';
import { anOverview } from './progress-fixtures';
import { type CardShare, stubCard } from './share-helpers';

beforeEach(() => {
  resetWx();
  answer('updates', 'overview', ok(anOverview()));
});

function open(): Promise<Rendered> {
  return openPage('pages/progress/index');
}

const TITLE = '慈爱鑫和公寓换电梯：方案表决，已完成 18%';

describe('sharing the progress', () => {
  it('shares the public deep link with the stage card, and allows 朋友圈', async () => {
    const menu = jest.spyOn(wx, 'showShareMenu');
    const page = await open();
    expect(menu).toHaveBeenCalledWith(
      expect.objectContaining({ menus: ['shareAppMessage', 'shareTimeline'] }),
    );
    menu.mockRestore();
    stubCard(page, () => Promise.resolve('wxfile://progress.png'));
    const share = callMethod(page, 'onShareAppMessage') as CardShare;
    expect(share).toMatchObject({ title: TITLE, path: '/pages/progress/index' });
    await expect(share.promise).resolves.toEqual({
      title: TITLE,
      path: '/pages/progress/index',
      imageUrl: 'wxfile://progress.png',
    });
    const card = page.instance.data.shareCard as ShareCardContent;
    expect(card).toMatchObject({
      building: '慈爱鑫和公寓',
      kicker: '换梯进度 · 进行中',
      headline: '当前阶段：方案表决',
      subline: '12月18日 方案表决计划完成',
      bar: { fraction: 0.18, target: null, label: '18%' },
    });
    expect(callMethod(page, 'onShareTimeline')).toEqual({ title: TITLE, query: '' });
  });

  it('falls back to the link alone when the card cannot be drawn', async () => {
    const page = await open();
    stubCard(page, () => Promise.reject(new Error('no canvas')));
    const share = callMethod(page, 'onShareAppMessage') as CardShare;
    await expect(share.promise).resolves.toEqual({ title: TITLE, path: '/pages/progress/index' });
  });

  it('shares the link alone before the progress has loaded', async () => {
    answer('updates', 'overview', () => new Promise(() => undefined));
    const page = mount('pages/progress/index');
    void callMethod(page, 'onLoad', {});
    const share = callMethod(page, 'onShareAppMessage') as CardShare;
    await expect(share.promise).resolves.toEqual({
      title: '同梯 · 换梯进度',
      path: '/pages/progress/index',
    });
  });

  it('shows the card with its share and save buttons from a tap, and drops it on reload', async () => {
    const page = await open();
    expect(page.querySelector('.share-button')).toBeUndefined();
    tap(page, '.make-card');
    await flush();
    expect(page.querySelector('.make-card')).toBeUndefined();
    expect(page.querySelector('.share-button')).toBeDefined();
    expect((page.instance.data.shareCard as ShareCardContent).headline).toBe('当前阶段：方案表决');

    answer('updates', 'overview', ok(anOverview({ percent: 30 })));
    await callMethod(page, 'onPullDownRefresh');
    await flush();
    expect(page.instance.data.shareCard).toBeNull();
    stubCard(page, () => Promise.resolve('wxfile://p2.png'));
    const share = callMethod(page, 'onShareAppMessage') as CardShare;
    await share.promise;
    expect((page.instance.data.shareCard as ShareCardContent).bar?.label).toBe('30%');
  });
});
