import { answer, callMethod, cloudCalls, mount, ok, resetWx, settle, textOf } from '../harness';
import { anUpdate } from './progress-fixtures';

beforeEach(resetWx);

describe('all updates of a stage', () => {
  it('lists them newest first and loads earlier ones from where the list ends', async () => {
    const page20 = Array.from({ length: 20 }, (_, i) =>
      anUpdate({ id: `pu-${i}`, stageLabel: '检测' }),
    );
    answer('updates', 'updates', (request) =>
      request.offset === 0
        ? ok({ updates: page20, more: true, today: '2026-12-07' })
        : ok({
            updates: [anUpdate({ id: 'pu-old', text: '最早的一条' })],
            more: false,
            today: '2026-12-07',
          }),
    );
    const page = mount('pages/progress-updates/index');
    await callMethod(page, 'onLoad', { stage: 'inspection' });
    await settle();
    expect(cloudCalls()[0]?.data).toEqual({ action: 'updates', stage: 'inspection', offset: 0 });
    expect(textOf(page.querySelector('.tt-title'))).toBe('检测 · 全部进展');
    expect(page.querySelectorAll('.update')).toHaveLength(20);
    page.querySelector('.more')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls()[1]?.data).toEqual({ action: 'updates', stage: 'inspection', offset: 20 });
    expect(page.querySelectorAll('.update')).toHaveLength(21);
    expect(page.querySelector('.more')).toBeUndefined();
  });

  it('ignores a stage it does not know and lists every update', async () => {
    answer('updates', 'updates', ok({ updates: [anUpdate()], more: false, today: '2026-12-07' }));
    const page = mount('pages/progress-updates/index');
    await callMethod(page, 'onLoad', { stage: 'nonsense' });
    await settle();
    expect(cloudCalls()[0]?.data).toEqual({ action: 'updates', offset: 0 });
    expect(textOf(page.querySelector('.tt-title'))).toBe('全部进展');
  });
});
