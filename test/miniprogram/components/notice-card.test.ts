import { aNotice } from '../fixtures';
import { flush, mount, resetWx, textOf } from '../harness';
import { asReadToday } from '../dates';

beforeEach(resetWx);

it('shows the title, the date in Chinese and the summary, not the body', () => {
  const rendered = mount('components/notice-card/index', {
    notice: aNotice({ publishedAt: '2026-11-28T16:30:00Z' }),
  });

  expect(textOf(rendered.querySelector('.title'))).toBe('电梯更新方案公示');
  // 16:30 UTC on the 28th is already the 29th in Shanghai.
  expect(textOf(rendered.querySelector('.date'))).toBe(asReadToday('2026年11月29日'));
  expect(textOf(rendered.querySelector('.summary'))).toContain('第三方检测结论');
  expect(rendered.querySelector('.body')).toBeUndefined();
});

it('opens the article page on a tap, where the full text and its questions are', async () => {
  const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
  const rendered = mount('components/notice-card/index', {
    notice: aNotice({ id: 'notice-inspection' }),
  });

  rendered.querySelector('.notice')?.dispatchEvent('tap');
  await flush();
  expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/article/index?id=notice-inspection' });
  expect(textOf(rendered.querySelector('.toggle'))).toContain('阅读全文');
  navigateTo.mockRestore();
});

it('renders nothing without a notice', () => {
  const rendered = mount('components/notice-card/index');

  expect(rendered.querySelector('.notice')).toBeUndefined();
});
