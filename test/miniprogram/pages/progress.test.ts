import {
  answer,
  callMethod,
  fail,
  flush,
  ok,
  openPage,
  resetWx,
  settle,
  tap,
  textOf,
} from '../harness';
import { anOverview } from './progress-fixtures';

beforeEach(resetWx);

describe('进度 tab', () => {
  it('shows the percent, the current stage, the next key date and the outage first', async () => {
    answer('updates', 'overview', ok(anOverview()));
    const page = await openPage('pages/progress/index');
    expect(textOf(page.querySelector('.percent'))).toBe('18%');
    expect(textOf(page.querySelector('.current'))).toBe('方案表决');
    expect(textOf(page.querySelector('.next-key-date'))).toBe('12月18日');
    expect(textOf(page.querySelector('.next-key-what'))).toBe('方案表决计划完成 · 还有 11 天');
    expect(textOf(page.querySelector('.outage-title'))).toBe('1号梯（东）停用');
    expect(page.querySelectorAll('.stage')).toHaveLength(8);
    expect(page.querySelectorAll('.thumb')).toHaveLength(2);
    // A resident reads; only organizers post and set stages.
    expect(page.querySelector('.post-button')).toBeUndefined();
    expect(page.querySelector('.stage-set')).toBeUndefined();
  });

  it('opens the outage and the update, and gives organizers the post button', async () => {
    answer('updates', 'overview', ok(anOverview({ canPost: true })));
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = await openPage('pages/progress/index');
    tap(page, '.outage');
    tap(page, '.update');
    tap(page, '.post-button');
    tap(page, '.stage-set', 2);
    tap(page, '.stage', 0);
    tap(page, '.stage', 3); // no updates yet: nothing to open
    tap(page, '.all-updates');
    await flush();
    expect(navigateTo.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
      '/pages/outage/index?id=og-1',
      '/pages/progress-update/index?id=pu-1',
      '/pages/progress-post/index?mode=update&stage=planVote',
      '/pages/progress-post/index?mode=stage&stage=costSplit',
      '/pages/progress-updates/index?stage=inspection',
      '/pages/progress-updates/index',
    ]);
    navigateTo.mockRestore();
  });

  it('shares a deep link to itself with where the works stand', async () => {
    answer('updates', 'overview', ok(anOverview()));
    const page = await openPage('pages/progress/index');
    expect(callMethod(page, 'onShareAppMessage')).toMatchObject({
      title: '慈爱鑫和公寓换电梯：方案表决，已完成 18%',
      path: '/pages/progress/index',
    });
    expect(callMethod(page, 'onShareTimeline')).toEqual({
      title: '慈爱鑫和公寓换电梯：方案表决，已完成 18%',
      query: '',
    });
  });

  it('says what went wrong and retries', async () => {
    answer('updates', 'overview', fail('INTERNAL', 'boom'));
    const page = await openPage('pages/progress/index');
    expect(textOf(page.querySelector('#status'))).toContain('加载失败');
    answer('updates', 'overview', ok(anOverview()));
    await callMethod(page, 'onRetry');
    await settle();
    expect(textOf(page.querySelector('.percent'))).toBe('18%');
  });
});
