import simulate from 'miniprogram-simulate';
import snapshotPlugin from 'miniprogram-simulate/jest-snapshot-plugin';
import type { AreaCardOpenDetail } from '../../../miniprogram/components/area-card/index';
import { anArea } from '../fixtures';
import { definitionOf, flush, mount, resetWx, textOf } from '../harness';

expect.addSnapshotSerializer(snapshotPlugin);

beforeEach(resetWx);

const card = anArea({
  area: 'money',
  title: '筹款',
  headline: '已筹 ¥1,234,567.00',
  detail: '96 户已缴',
  path: '/pages/money/index',
});

it('shows the title, headline and detail', () => {
  const rendered = mount('components/area-card/index', { ...card });

  expect(textOf(rendered.querySelector('.title'))).toBe('筹款');
  expect(textOf(rendered.querySelector('.headline'))).toBe('已筹 ¥1,234,567.00');
  expect(textOf(rendered.querySelector('.detail'))).toBe('96 户已缴');
  expect(rendered.toJSON()).toMatchSnapshot();
});

it('leaves the detail line out when there is none', () => {
  const rendered = mount('components/area-card/index', { ...card, detail: '' });

  expect(rendered.querySelector('.detail')).toBeUndefined();
});

it('emits open with its area and path when tapped', async () => {
  // Mounted inside a host, as a page uses it, so the event goes through a real bind:open.
  const opened: AreaCardOpenDetail[] = [];
  const hostId = simulate.load({
    usingComponents: { 'area-card': definitionOf('components/area-card/index') },
    template: `<area-card class="card" area="money" title="筹款" headline="h" path="/pages/money/index"
      bind:open="onOpen" />`,
    methods: {
      onOpen(event: WechatMiniprogram.CustomEvent<AreaCardOpenDetail>) {
        opened.push(event.detail);
      },
    },
  });
  const host = simulate.render(hostId);
  host.attach(document.createElement('parent-wrapper'));

  host.querySelector('.card')?.querySelector('.card')?.dispatchEvent('tap');
  await flush();

  expect(opened).toEqual([{ area: 'money', path: '/pages/money/index' }]);
});
