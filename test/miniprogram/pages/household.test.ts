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
import { aMe, aProxy, aUnit } from './households-fixtures';

beforeEach(resetWx);

async function open(): Promise<Rendered> {
  const page = mount('pages/household/index');
  await callMethod(page, 'onLoad', {});
  return page;
}

describe('my household page', () => {
  it('shows units with co-owners and the voter, proxies given and held', async () => {
    answer(
      'households',
      'me',
      ok(
        aMe({
          roles: ['owner', 'proxy'],
          proxiesGiven: [aProxy({ scope: { vote: false, pay: true, decisionId: null } })],
          proxiesHeld: [
            aProxy({
              id: 'px2',
              ownerName: '方永康',
              unitNos: ['9-04'],
              state: 'expired',
              source: 'paper',
            }),
          ],
        }),
      ),
    );
    const page = await open();

    expect(textOf(page.querySelector('.who'))).toBe('孙建国 · 业主、代理人');
    expect(textOf(page.querySelector('.unit-no'))).toBe('12-03');
    expect(textOf(page.querySelector('.unit-facts'))).toBe('89.12 m² · 业主 · 投票人');
    expect(textOf(page.querySelector('.co-owners'))).toBe('产权人：孙建国（投票人）、李梅');
    const given = page.querySelector('.given');
    expect(textOf(given)).toContain('委托 孙小刚');
    expect(textOf(given)).toContain('12-03，只缴款，全部议题，至 2027年6月30日');
    expect(page.querySelectorAll('.revoke')).toHaveLength(1);
    const held = page.querySelector('.held');
    expect(textOf(held)).toContain('代 方永康（9-04）');
    expect(textOf(held)).toContain('（书面委托）');
    expect(textOf(held)).toContain('已过期');
    expect(textOf(page.querySelector('.primary-button'))).toBe('邀请代理人');
  });

  it('sends someone without a unit to bind first', async () => {
    answer('households', 'me', ok(aMe({ roles: [], units: [], name: null })));
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = await open();
    expect(textOf(page.querySelector('.no-units'))).toContain('还没有绑定房屋');
    page.querySelector('.primary-button')?.dispatchEvent('tap');
    await flush();
    expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/bind/index' });
    navigateTo.mockRestore();
  });

  it('tells a proxy without a flat what he may do for the owner, never that he is not bound', async () => {
    const proxy = aMe({
      name: '黎勇',
      roles: ['proxy'],
      units: [],
      proxiesHeld: [aProxy({ ownerName: '钟霞', unitNos: ['5-02'] })],
    });
    answer('households', 'me', ok(proxy));
    const switchTab = jest.spyOn(wx, 'switchTab');
    const page = await open();
    expect(page.querySelector('.no-units')).toBeUndefined();
    expect(JSON.stringify(page.toJSON())).not.toContain('还没有绑定房屋');
    expect(textOf(page.querySelector('.acting-for-line'))).toBe('代 钟霞（5-02）投票、缴费');
    // His one main action is to act for the owner; binding a flat of his own is a small link.
    expect(page.querySelector('.primary-button')).toBeUndefined();
    expect(textOf(page.querySelector('.bind-own'))).toContain('绑定自己的房屋');
    page.querySelector('.go-vote')?.dispatchEvent('tap');
    await flush();
    expect(switchTab.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/decisions/index' });
    switchTab.mockRestore();
  });

  it('says only what a pay-only proxy may do', async () => {
    const scope = { vote: false, pay: true, decisionId: null };
    answer(
      'households',
      'me',
      ok(
        aMe({
          roles: ['proxy'],
          units: [],
          proxiesHeld: [aProxy({ ownerName: '钟霞', unitNos: ['5-02'], scope })],
        }),
      ),
    );
    const page = await open();
    expect(textOf(page.querySelector('.acting-for-line'))).toBe('代 钟霞（5-02）缴费');
  });

  it('invites a proxy and shares the one-time link', async () => {
    answer('households', 'me', ok(aMe()));
    answer(
      'households',
      'inviteProxy',
      ok({
        proxy: aProxy({ state: 'invited', proxyName: '孙小刚' }),
        token: 'pxabc.secret-secret-secret',
        sharePath: '/pages/proxy/index?token=pxabc.secret-secret-secret',
        tokenExpiresAt: '2026-12-02T10:00:00+08:00',
      }),
    );
    const page = await open();
    page.querySelector('.primary-button')?.dispatchEvent('tap');
    await flush();
    expect(page.querySelector('.invite-form')).toBeDefined();
    page.querySelector('.proxy-name')?.dispatchEvent('input', { detail: { value: '孙小刚' } });
    page.querySelector('.pay-switch')?.dispatchEvent('change', { detail: { value: false } });
    await flush();
    const validUntil = page.data.validUntil as string;
    expect(validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    page.querySelector('.submit-invite')?.dispatchEvent('tap');
    await flush();

    const invite = cloudCalls().find((c) => c.data.action === 'inviteProxy');
    expect(invite?.data).toEqual({
      action: 'inviteProxy',
      unitIds: ['u12-03'],
      proxyName: '孙小刚',
      scope: { vote: true, pay: false, decisionId: null },
      validUntil,
    });
    expect(textOf(page.querySelector('.invitation'))).toContain('链接只能使用一次');
    const share = callMethod(page, 'onShareAppMessage') as { path: string; title: string };
    expect(share.path).toBe('/pages/proxy/index?token=pxabc.secret-secret-secret');
    expect(share.title).toContain('12-03');
  });

  it('revokes a proxy after confirmation', async () => {
    answer('households', 'me', ok(aMe({ proxiesGiven: [aProxy()] })));
    answer('households', 'revokeProxy', ok({ proxy: aProxy({ state: 'revoked' }) }));
    const modal = jest.spyOn(wx, 'showModal').mockImplementation((() =>
      Promise.resolve({
        confirm: true,
        cancel: false,
        content: '',
        errMsg: 'showModal:ok',
      })) as never);
    const page = await open();
    answer('households', 'me', ok(aMe({ proxiesGiven: [aProxy({ state: 'revoked' })] })));
    page.querySelector('.revoke')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(cloudCalls().map((c) => c.data.action)).toEqual(['me', 'revokeProxy', 'me']);
    expect(cloudCalls()[1]?.data).toEqual({ action: 'revokeProxy', proxyId: 'px1' });
    expect(textOf(page.querySelector('.given'))).toContain('已撤销');
    expect(page.querySelector('.revoke')).toBeUndefined();
    modal.mockRestore();
  });

  it('tells a seller their rights ended and offers no invitation for that unit', async () => {
    answer('households', 'me', ok(aMe({ units: [aUnit({ rightsEnded: true, isVoter: false })] })));
    const page = await open();
    expect(textOf(page.querySelector('.note'))).toBe('产权已转移，您不再代表这套房屋');
    expect(textOf(page.querySelector('.primary-button'))).toBe('绑定房屋');
  });
});
