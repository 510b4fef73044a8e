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
import { anUpdate } from './progress-fixtures';

beforeEach(resetWx);

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i += 1) await flush();
}

async function open(path: string, query: Record<string, string> = {}): Promise<Rendered> {
  const page = mount(path);
  await callMethod(page, 'onLoad', query);
  await settle();
  return page;
}

function tap(page: Rendered, selector: string, index = 0): void {
  const target = page.querySelectorAll(selector)[index];
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
}

describe('progress update page', () => {
  it('shows every photo with its caption and opens them full screen', async () => {
    answer('updates', 'update', ok(anUpdate()));
    const previewImage = jest.fn();
    Object.assign(wx, { previewImage });
    const page = await open('pages/progress-update/index', { id: 'pu-1' });
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
