import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aProxy } from './households-fixtures';

beforeEach(resetWx);

async function open(token: string): Promise<Rendered> {
  const page = mount('pages/proxy/index');
  await callMethod(page, 'onLoad', { token: encodeURIComponent(token) });
  return page;
}

describe('proxy invitation page', () => {
  it('shows what the owner asks and accepts with one button', async () => {
    answer(
      'households',
      'previewProxyInvite',
      ok({
        proxy: aProxy({
          ownerName: '孙**',
          state: 'invited',
          scope: { vote: true, pay: false, decisionId: null },
        }),
        canAccept: true,
        reason: null,
      }),
    );
    answer('households', 'acceptProxy', ok({ proxy: aProxy({ state: 'active' }) }));
    const page = await open('px1.secret-secret-secret');

    expect(textOf(page.querySelector('.owner'))).toBe('业主 孙** 请您代为办理');
    expect(textOf(page.querySelector('.rooms'))).toBe('房号：12-03');
    expect(textOf(page.querySelector('.scope'))).toBe('内容：只投票，全部议题');
    expect(textOf(page.querySelector('.valid'))).toBe('有效期至：2027年6月30日');
    page.querySelector('.accept')?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls().map((c) => c.data)).toEqual([
      { action: 'previewProxyInvite', token: 'px1.secret-secret-secret' },
      { action: 'acceptProxy', token: 'px1.secret-secret-secret' },
    ]);
    expect(textOf(page.querySelector('.accepted'))).toContain('您已成为代理人');
  });

  it('explains why an used or expired link cannot be accepted', async () => {
    answer(
      'households',
      'previewProxyInvite',
      ok({
        proxy: aProxy({ state: 'expired' }),
        canAccept: false,
        reason: '邀请链接已过期，请联系业主重新邀请',
      }),
    );
    const page = await open('px1.secret-secret-secret');
    expect(textOf(page.querySelector('.reason'))).toBe('邀请链接已过期，请联系业主重新邀请');
    expect(page.data.canAccept).toBe(false);
    page.querySelector('.accept')?.dispatchEvent('tap');
    await flush();
    expect(cloudCalls()).toHaveLength(1);
  });

  it('says the link is broken without a token or when the server does not know it', async () => {
    const empty = mount('pages/proxy/index');
    await callMethod(empty, 'onLoad', {});
    expect(textOf(empty)).toContain('邀请链接不完整');

    answer('households', 'previewProxyInvite', fail('NOT_FOUND', '邀请链接无效'));
    const page = await open('px-none.aaaaaaaaaaaaaaaa');
    expect(page.data.status).toBe('error');
    expect(textOf(page)).toContain('邀请链接无效');
  });
});
