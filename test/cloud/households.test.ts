import { demoBuilding } from '../../cli/seed';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import type { ApiResult, BuildingSummary } from '../../typings/api';

/** households through the real wx-server-sdk, the function host and the local cloud. */
describe('households function', () => {
  let t: TestCloud;
  // The function reads the real clock, so the demo's decisions are dated from it too.
  const seed = demoBuilding(Date.now());
  const units = seed.collections.units as Array<{ areaHundredths: number }>;

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections });
  });
  afterAll(() => t.stop());

  it('summarises the demo building with its latest notice and a card per area', async () => {
    const r = await t.call('households', { action: 'summary' }, 'demo-organizer');
    expect(r.status).toBe(200);
    const result = (r.body as { result: ApiResult<BuildingSummary> }).result;
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({
      name: '慈爱鑫和公寓',
      builtYear: 2000,
      floors: 24,
      elevators: 2,
      unitCount: 138,
      // 138 flats, four owners hold two each, the one unsold flat counts once.
      ownerCount: 134,
      latestNotice: { id: 'notice-charges', title: '换梯费用分摊及缴款通知' },
      // The building's help line, shown with every error in the mini program.
      helpLine: { label: '居委会', phone: '021-6213 0000' },
    });
    const expectedArea = units.reduce((sum, u) => sum + u.areaHundredths, 0);
    expect(result.data.totalAreaHundredths).toBe(expectedArea);
    expect(result.data.areas.map((a) => a.area)).toEqual([
      'decisions',
      'money',
      'progress',
      'households',
    ]);
    // For the organizer the households card opens his desk (bindings, the last mile).
    expect(result.data.areas[3]?.path).toBe('/pages/organizer/index');
  });

  it('leaves the households card out for residents: their own flat is under 我的', async () => {
    for (const who of ['demo-resident', 'demo-owner-p001', 'demo-proxy-p137']) {
      const r = await t.call('households', { action: 'summary' }, who);
      const result = (r.body as { result: ApiResult<BuildingSummary> }).result;
      if (!result.ok) throw new Error(result.message);
      expect(result.data.areas.map((a) => a.area)).toEqual(['decisions', 'money', 'progress']);
      // Every card opens a page that is there.
      for (const card of result.data.areas) expect(card.path).toMatch(/^\/pages\/[a-z-]+\/index/);
    }
  });

  it('gives everyone, members or not yet, the help line with their own household', async () => {
    for (const openid of ['demo-owner-p001', 'someone-not-yet-bound']) {
      const r = await t.call('households', { action: 'me' }, openid);
      const result = (r.body as { result: ApiResult<{ helpLine: unknown }> }).result;
      if (!result.ok) throw new Error(result.message);
      expect(result.data.helpLine).toEqual({ label: '居委会', phone: '021-6213 0000' });
    }
  });

  it('follows the decision residents hear most about on the decisions card', async () => {
    const r = await t.call('households', { action: 'summary' }, 'demo-resident');
    const result = (r.body as { result: ApiResult<BuildingSummary> }).result;
    if (!result.ok) throw new Error(result.message);
    const [card] = result.data.areas;
    // The arrangements vote is open; the newer advertising notice waits its turn.
    expect(card?.headline).toBe('施工期间停梯安排');
    expect(card?.path).toBe('/pages/decision-detail/index?id=d-outage-arrangements');
    expect(card?.detail).toMatch(/^投票中 · \d+月\d+日截止$/);
  });

  it('reads the building in at most five database requests', async () => {
    await t.call('households', { action: 'summary' }, 'demo-organizer');
    const [record] = t.cloud.invocations();
    expect(record).toMatchObject({ functionName: 'households', action: 'summary', ok: true });
    // The building, who asks (side by side), then units, the notice and the decisions.
    expect(record?.dbRequests).toBeLessThanOrEqual(5);
  });

  it('refuses an unknown action and unexpected fields without touching anything', async () => {
    const unknown = await t.call('households', { action: 'explode' }, 'o');
    expect((unknown.body as { result: unknown }).result).toEqual({
      ok: false,
      code: 'UNKNOWN_ACTION',
      message: '没有这个操作：explode',
    });
    const extra = await t.call('households', { action: 'summary', floors: 99 }, 'o');
    expect((extra.body as { result: unknown }).result).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '不认识的字段：floors',
    });
    // Refusals read in Chinese: only the request's own field names stay as they are sent.
    const wrong = await t.call(
      'households',
      { action: 'addCoOwner', unitId: 5, name: '', phone: ['x'], extra: true },
      'o',
    );
    const { message } = (wrong.body as { result: { message: string } }).result;
    expect(message).toContain('unitId：类型不对');
    expect(message.replace(/[A-Za-z]+(?=：)|：[A-Za-z]+$/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    const notObject = await t.call('households', ['summary'] as unknown as object, 'o');
    expect((notObject.body as { result: { message: string } }).result.message).toBe(
      '请求格式不对：应为带 action 的对象',
    );
    const noAction = await t.call('households', {}, 'o');
    expect((noAction.body as { result: unknown }).result).toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    });
  });
});
