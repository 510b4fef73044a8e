/**
 * Sharing the public ledger: a member shares the deep link with the collected card (percent,
 * ¥ collected of the target, the head hash to compare); the ledger is for members, so there is no
 * 朋友圈, and a neighbour who is not bound sees how to bind instead of an error.
 */
import type { ShareCardContent } from '../../../miniprogram/utils/shareCard';
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
  type Rendered,
} from '../harness';
import { aMe } from './households-fixtures';
import { anExpense, anOverview, entriesPage } from './money-fixtures';
import { type CardShare, stubCard } from './share-helpers';

beforeEach(() => {
  resetWx();
  answer('households', 'summary', ok({ name: '慈爱鑫和公寓' } as never));
  answer('ledger', 'overview', ok(anOverview()));
  answer('ledger', 'entries', (request) =>
    ok(entriesPage(request.beforeSeq as number | undefined, Number(request.limit), 212)),
  );
  answer('ledger', 'expenses', ok({ expenses: [anExpense()] }));
  answer('households', 'me', ok(aMe({ roles: ['owner'] })));
});

function open(): Promise<Rendered> {
  return openPage('pages/ledger/index');
}

const TITLE = '电梯更换公开账本：已筹 64.3%，每一笔都可查';

describe('sharing the ledger', () => {
  // First: the building's name is read once per session, and the tests below read it.
  it('still draws the card when the building’s name cannot be read', async () => {
    answer('households', 'summary', fail('INTERNAL', '服务暂时不可用'));
    const page = await open();
    tap(page, '.make-card');
    await settle();
    expect((page.instance.data.shareCard as ShareCardContent).building).toBe('我们楼');
    expect(page.querySelector('.share-button')).toBeDefined();
  });

  it('shares the deep link with the collected card, to chats only', async () => {
    const menu = jest.spyOn(wx, 'showShareMenu');
    const page = await open();
    expect(menu).toHaveBeenCalledWith(expect.objectContaining({ menus: ['shareAppMessage'] }));
    menu.mockRestore();
    stubCard(page, () => Promise.resolve('wxfile://ledger.png'));
    const share = callMethod(page, 'onShareAppMessage') as CardShare;
    expect(share).toMatchObject({ title: TITLE, path: '/pages/ledger/index' });
    await expect(share.promise).resolves.toEqual({
      title: TITLE,
      path: '/pages/ledger/index',
      imageUrl: 'wxfile://ledger.png',
    });
    expect(page.instance.data.shareCard as ShareCardContent).toMatchObject({
      building: '慈爱鑫和公寓',
      kicker: '公开账本 · 共 212 笔 · 哈希 a3f1c09e',
      headline: '已筹 ¥1,080,432.00',
      subline: '目标 ¥1,680,000.00',
      bar: { fraction: 0.64, target: null, label: '64%' },
    });
  });

  it('falls back to the link alone when the card cannot be drawn', async () => {
    const page = await open();
    stubCard(page, () => Promise.reject(new Error('no canvas')));
    const share = callMethod(page, 'onShareAppMessage') as CardShare;
    await expect(share.promise).resolves.toEqual({ title: TITLE, path: '/pages/ledger/index' });
  });

  it('tells a neighbour who is not bound to bind, and the shared link goes without a card', async () => {
    answer('ledger', 'overview', fail('FORBIDDEN', '您当前的身份（未绑定用户）不能查看公开账本'));
    const page = await open();
    expect(textOf(page.querySelector('#status'))).toContain('绑定房屋后查看');
    expect(textOf(page.querySelector('#status'))).toContain('绑定您的房屋后，就能看到每一笔收支');
    expect(page.querySelector('.make-card')).toBeUndefined();
    stubCard(page, () => Promise.resolve('wxfile://never.png'));
    const share = callMethod(page, 'onShareAppMessage') as CardShare;
    await expect(share.promise).resolves.toEqual({
      title: '同梯 · 电梯更换公开账本',
      path: '/pages/ledger/index',
    });
    const navigate = jest.spyOn(wx, 'navigateTo');
    tap(page, '.bind-button');
    await flush();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/bind/index' }));
    navigate.mockRestore();
  });
});
