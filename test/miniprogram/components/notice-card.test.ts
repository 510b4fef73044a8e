import { aNotice } from '../fixtures';
import { flush, mount, resetWx, textOf } from '../harness';

beforeEach(resetWx);

it('shows the title, the date in Chinese and the summary, not the body', () => {
  const rendered = mount('components/notice-card/index', {
    notice: aNotice({ publishedAt: '2026-11-28T16:30:00Z' }),
  });

  expect(textOf(rendered.querySelector('.title'))).toBe('电梯更新方案公示');
  // 16:30 UTC on the 28th is already the 29th in Shanghai.
  expect(textOf(rendered.querySelector('.date'))).toBe('2026年11月29日');
  expect(textOf(rendered.querySelector('.summary'))).toContain('第三方检测结论');
  expect(rendered.querySelector('.body')).toBeUndefined();
});

it('unfolds the full text on a tap and folds it on the next', async () => {
  const rendered = mount('components/notice-card/index', { notice: aNotice() });
  const card = rendered.querySelector('.notice');

  card?.dispatchEvent('tap');
  await flush();
  expect(textOf(rendered.querySelector('.body'))).toContain('保留导轨，其余整体更换');
  expect(rendered.querySelector('.summary')).toBeUndefined();
  expect(textOf(rendered.querySelector('.toggle'))).toBe('收起 ▴');

  card?.dispatchEvent('tap');
  await flush();
  expect(rendered.querySelector('.body')).toBeUndefined();
  expect(textOf(rendered.querySelector('.toggle'))).toBe('展开全文 ▾');
});

it('renders nothing without a notice', () => {
  const rendered = mount('components/notice-card/index');

  expect(rendered.querySelector('.notice')).toBeUndefined();
});
