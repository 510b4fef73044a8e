/**
 * Sharing a pay link: from the 筹款 tab the owner sends the link with a card saying which flat and
 * how much is left (as the friend's page will read it); the pay page opened from that link
 * forwards the same link with the same card, and the link goes alone when no card can be drawn.
 */
import type { ShareCardContent } from '../../../miniprogram/utils/shareCard';
import {
  answer,
  callMethod,
  cloudCalls,
  ok,
  openPage,
  resetWx,
  settle,
  tap,
  textOf,
  type Rendered,
} from '../harness';
import { aMe } from './households-fixtures';
import { aLinkInfo, anAccount, anOverview, aPayLink, aScheme } from './money-fixtures';
import { type CardShare, stubCard } from './share-helpers';
import { asReadToday } from '../dates';

beforeEach(() => {
  resetWx();
  answer('households', 'summary', ok({ name: '慈爱鑫和公寓' } as never));
  answer('funds', 'payLinkInfo', ok(aLinkInfo({ unitNo: '12-03', ownerMasked: '钱*康' })));
});

async function openMoney(): Promise<Rendered> {
  answer('funds', 'myAccount', ok(anAccount()));
  answer('households', 'me', ok(aMe()));
  answer('funds', 'listSchemes', ok({ schemes: [aScheme()] }));
  answer('ledger', 'overview', ok(anOverview()));
  answer('funds', 'createPayLink', ok(aPayLink()));
  return openPage('pages/money/index');
}

function openLink(): Promise<Rendered> {
  return openPage('pages/pay/index', { link: 'lk-7f3a' });
}

const TITLE = '请帮 12-03 缴纳电梯更换分摊款';
const PATH = '/pages/pay/index?link=lk-7f3a';
const CARD = {
  building: '慈爱鑫和公寓',
  kicker: '代缴电梯分摊款 · 12-03（钱*康）',
  headline: '还需缴纳 ¥12,345.67',
  subline: asReadToday('链接有效期至 2026年12月20日 12:00'),
  bar: null,
};

describe('the 筹款 tab’s pay link', () => {
  it('shows the card as soon as the link is made and shares it with the link', async () => {
    const page = await openMoney();
    tap(page, '.make-link');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'payLinkInfo')?.data).toEqual({
      action: 'payLinkInfo',
      linkToken: 'lk-7f3a',
    });
    expect(page.instance.data.shareCard as ShareCardContent).toMatchObject(CARD);
    stubCard(page, () => Promise.resolve('wxfile://pay.png'));
    const share = callMethod(page, 'onShareAppMessage', { from: 'button' }) as CardShare;
    expect(share).toMatchObject({ title: TITLE, path: PATH });
    await expect(share.promise).resolves.toEqual({
      title: TITLE,
      path: PATH,
      imageUrl: 'wxfile://pay.png',
    });
  });

  it('sends the link alone when the card cannot be drawn', async () => {
    const page = await openMoney();
    tap(page, '.make-link');
    await settle();
    stubCard(page, () => Promise.reject(new Error('no canvas')));
    const share = callMethod(page, 'onShareAppMessage', { from: 'button' }) as CardShare;
    await expect(share.promise).resolves.toEqual({ title: TITLE, path: PATH });
  });
});

describe('the pay page opened from a link', () => {
  it('forwards the same link with the same card', async () => {
    const page = await openLink();
    expect(textOf(page.querySelector('.unit-no'))).toBe('12-03');
    tap(page, '.make-card');
    await settle();
    expect(page.instance.data.shareCard as ShareCardContent).toMatchObject(CARD);
    expect(textOf(page.querySelector('.share-button'))).toBe('转发这个缴费链接');
    stubCard(page, () => Promise.resolve('wxfile://fwd.png'));
    const share = callMethod(page, 'onShareAppMessage') as CardShare;
    await expect(share.promise).resolves.toEqual({
      title: TITLE,
      path: PATH,
      imageUrl: 'wxfile://fwd.png',
    });
  });

  it('sends the link alone when the card cannot be drawn', async () => {
    const page = await openLink();
    stubCard(page, () => Promise.reject(new Error('no canvas')));
    const share = callMethod(page, 'onShareAppMessage') as CardShare;
    await expect(share.promise).resolves.toEqual({ title: TITLE, path: PATH });
  });

  it('the owner’s own pay page shares the 筹款 tab, not a page only they can use', async () => {
    answer('funds', 'myAccount', ok(anAccount()));
    answer('households', 'me', ok(aMe()));
    const page = await openPage('pages/pay/index', { unit: 'u12-03' });
    expect(page.querySelector('.make-card')).toBeUndefined();
    expect(callMethod(page, 'onShareAppMessage')).toEqual({
      title: '同梯 · 电梯更换筹款进度',
      path: '/pages/money/index',
    });
  });
});
