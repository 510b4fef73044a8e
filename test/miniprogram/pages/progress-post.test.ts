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
import { anOverview, anUpdate } from './progress-fixtures';

beforeEach(resetWx);

describe('organizer posts', () => {
  it('uploads chosen photos under progress/ and publishes them with captions', async () => {
    answer('updates', 'overview', ok(anOverview({ canPost: true })));
    answer('updates', 'post', ok(anUpdate({ id: 'pu-new' })));
    const chooseMedia = jest.fn(async () => ({
      tempFiles: [{ tempFilePath: 'wxfile://a.jpg' }, { tempFilePath: 'wxfile://b.png' }],
    }));
    let n = 0;
    const uploadFile = jest.fn(async (o: { cloudPath: string }) => {
      n += 1;
      return { fileID: `cloud://env/${o.cloudPath}#${n}` };
    });
    const redirectTo = jest.fn();
    Object.assign(wx, { chooseMedia, redirectTo });
    Object.assign(wx.cloud, { uploadFile });
    const page = await openPage('pages/progress-post/index', { mode: 'update', stage: 'planVote' });

    tap(page, '.publish');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('请写下这次进展的内容');

    page
      .querySelector('.text-input')
      ?.dispatchEvent('input', { detail: { value: '说明会开过了' } });
    tap(page, '.add-photos');
    await settle();
    expect(uploadFile.mock.calls.map((c) => c[0].cloudPath)).toEqual([
      expect.stringMatching(/^progress\/planVote\/\d+-0\.jpg$/),
      expect.stringMatching(/^progress\/planVote\/\d+-1\.png$/),
    ]);
    page
      .querySelectorAll('.caption-input')[1]
      ?.dispatchEvent('input', { detail: { value: '张贴' } });
    tap(page, '.publish');
    await settle();
    const sent = cloudCalls().find((c) => c.data.action === 'post')?.data;
    expect(sent).toMatchObject({ stage: 'planVote', text: '说明会开过了' });
    expect((sent?.photos as Array<{ caption: string }>).map((p) => p.caption)).toEqual([
      '',
      '张贴',
    ]);
    expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/progress-update/index?id=pu-new' });
  });

  it('shows the server’s refusal of a stage change', async () => {
    answer('updates', 'overview', ok(anOverview({ canPost: true })));
    answer('updates', 'setMilestone', fail('CONFLICT', '请先开始“费用分摊”，再开始“签约”'));
    const page = await openPage('pages/progress-post/index', { mode: 'stage', stage: 'contract' });
    tap(page, '.status-choice--active');
    await flush();
    tap(page, '.save-stage');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'setMilestone')?.data).toEqual({
      action: 'setMilestone',
      stage: 'contract',
      status: 'active',
      plannedStart: null,
      plannedEnd: null,
      actualStart: null,
      actualEnd: null,
    });
    expect(textOf(page.querySelector('.message'))).toBe('请先开始“费用分摊”，再开始“签约”');
  });

  it('refuses to load for someone who may not post', async () => {
    answer('updates', 'overview', ok(anOverview({ canPost: false })));
    const page = await openPage('pages/progress-post/index', { mode: 'update' });
    expect(textOf(page)).toContain('只有换梯小组可以发布进展');
    expect(page.querySelector('.publish')).toBeUndefined();
  });
});
