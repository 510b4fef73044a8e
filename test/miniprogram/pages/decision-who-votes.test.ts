import { answer, callMethod, flush, mount, ok, resetWx, textOf, type Rendered } from '../harness';
import { aDetail, aMyUnit, aReceipt } from './decisions-fixtures';

/**
 * Who may vote, said on the decision page: a tenant or family member sees why there are no vote
 * buttons and what they can do; a proxy reads whose flat it is; each choice wears its colour;
 * casting the last missing ballot takes "尚未投票" off the 议事 tab.
 */
beforeEach(resetWx);

async function openDetail(): Promise<Rendered> {
  const page = mount('pages/decision-detail/index');
  await callMethod(page, 'onLoad', { id: 'd1' });
  return page;
}

describe('who may vote', () => {
  it('tells a tenant why there are no vote buttons, and what to do', async () => {
    const tenant = aMyUnit({ canVote: false, as: null });
    answer('decisions', 'detail', ok(aDetail({ myUnits: [tenant] })));
    const page = await openDetail();
    expect(page.querySelectorAll('.choice')).toHaveLength(0);
    expect(textOf(page.querySelector('.no-vote-reason'))).toBe(
      '只有业主（或其委托的代理人）可以投票',
    );
    expect(textOf(page.querySelector('.no-vote-help'))).toContain('请业主本人投票');
    expect(textOf(page.querySelector('.no-vote-help'))).toContain('邀请您做代理人');
    // The flat's own status still shows: the family sees whether the owner has voted.
    expect(textOf(page.querySelector('.my-unit-status'))).toBe('尚未投票');
  });

  it('gives no such reason to an owner who can vote, nor once voting has ended', async () => {
    answer('decisions', 'detail', ok(aDetail()));
    const owner = await openDetail();
    expect(owner.querySelector('.no-vote-reason')).toBeUndefined();

    const ended = aDetail({ votingOpen: false, myUnits: [aMyUnit({ canVote: false, as: null })] });
    answer('decisions', 'detail', ok(ended));
    const tenantLater = await openDetail();
    expect(tenantLater.querySelector('.no-vote-reason')).toBeUndefined();
  });

  it('tells a proxy whose flat it is', async () => {
    const unit = aMyUnit({
      as: 'proxy',
      onBehalfOf: '钟霞',
      unitNo: '5-02',
      coveredUnitNos: ['5-02'],
    });
    answer('decisions', 'detail', ok(aDetail({ myUnits: [unit] })));
    const page = await openDetail();
    expect(textOf(page.querySelector('.ballot-for'))).toBe('代 钟霞（5-02）投票');
    expect(textOf(page.querySelector('.my-units-title'))).toBe('我代 钟霞 投票的房屋');
    expect(textOf(page.querySelector('.my-unit-no'))).toBe('5-02（钟霞的房屋，我代为投票）');
  });

  it('draws each choice in its colour, the same as on the results', async () => {
    answer('decisions', 'detail', ok(aDetail()));
    const page = await openDetail();
    const styles = page.querySelectorAll('.choice').map((c) => c.dom?.getAttribute('style') ?? '');
    expect(styles[0]).toContain('#07c160');
    expect(styles[1]).toContain('#fa5151');
    expect(styles[2]).toContain('#8c8c8c');
  });

  it('takes 尚未投票 off the 议事 tab once the last missing ballot is cast', async () => {
    const removeBadge = jest.spyOn(wx, 'removeTabBarBadge');
    answer('decisions', 'detail', ok(aDetail()));
    answer('decisions', 'cast', ok(aReceipt()));
    answer('decisions', 'openVotes', ok({ votes: [], pending: 0 }));
    const page = await openDetail();
    page.querySelector('.choice--yes')?.dispatchEvent('tap');
    await flush();
    page.querySelector('.confirm-button')?.dispatchEvent('tap');
    for (let i = 0; i < 5; i += 1) await flush();
    expect(removeBadge.mock.calls[0]?.[0]).toMatchObject({ index: 1 });
    removeBadge.mockRestore();
  });
});
