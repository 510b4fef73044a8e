import { answer, cloudCalls, flush, ok, openPage, resetWx, tap, textOf } from '../harness';
import { anUpdate } from './progress-fixtures';

beforeEach(resetWx);

describe('progress update page', () => {
  it('shows every photo with its caption and opens them full screen', async () => {
    answer('updates', 'update', ok(anUpdate()));
    const previewImage = jest.fn();
    Object.assign(wx, { previewImage });
    const page = await openPage('pages/progress-update/index', { id: 'pu-1' });
    expect(cloudCalls()[0]?.data).toEqual({ action: 'update', updateId: 'pu-1' });
    expect(page.querySelectorAll('.caption').map((c) => textOf(c))).toEqual(['说明会', '张贴方案']);
    tap(page, '.photo', 1);
    await flush();
    expect(previewImage).toHaveBeenCalledWith({
      urls: ['https://tmp.test/a.png', 'https://tmp.test/b.png'],
      current: 'https://tmp.test/b.png',
    });
  });
});
