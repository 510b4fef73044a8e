/**
 * The updates function through the real SDK and the local cloud: the timeline's rules, updates
 * with photos that must be in storage, text through WeChat's content check, outage schedules,
 * help requests from registered households and the volunteers who cover them.
 */
import { addDays, shanghaiDate } from '../../core/registry/time';
import { ADMIN, ORGANIZER, RESIDENT, STAFF, STRANGER } from '../helpers/decisionsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { progressTower, type ProgressTower } from '../helpers/progressTower';
import { putFile } from '../helpers/rosterFiles';
import { stored } from './decisionsApi';
import { type UpdatesClient, updates } from './updatesApi';

const today = (): string => shanghaiDate(Date.now());
const inDays = (n: number): string => addDays(Date.now(), n);
const milestone = (
  stage: 'inspection' | 'planVote' | 'contract',
  status: 'pending' | 'active' | 'done',
) => ({
  stage,
  status,
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
});

jest.setTimeout(30_000);

describe('updates: progress of the works', () => {
  let t: TestCloud;
  let api: UpdatesClient;
  let tower: ProgressTower;

  beforeAll(async () => {
    tower = progressTower(60);
    t = await startTestCloud({ seed: tower.collections });
    api = updates(t);
  });
  afterAll(() => t.stop());

  it('shows every stage pending to anyone before anything is set, with no way to post', async () => {
    const overview = await api.ok('overview', {}, '');
    expect(overview.milestones.map((m) => m.label)).toEqual([
      '检测',
      '方案表决',
      '费用分摊',
      '签约',
      '停梯施工',
      '安装',
      '验收',
      '投入使用',
    ]);
    expect(overview).toMatchObject({
      current: 'inspection',
      percent: 0,
      canPost: false,
      latest: [],
    });
    expect((await api.ok('overview', {}, ORGANIZER)).canPost).toBe(true);
  });

  it('sets stages in order and refuses what breaks the order, changing nothing', async () => {
    await api.ok(
      'setMilestone',
      { ...milestone('inspection', 'done'), actualStart: inDays(-60), actualEnd: inDays(-30) },
      ORGANIZER,
    );
    const vote = await api.ok(
      'setMilestone',
      { ...milestone('planVote', 'active'), plannedEnd: inDays(10) },
      ORGANIZER,
    );
    expect(vote).toMatchObject({ status: 'active', actualStart: today(), late: false });
    const before = stored(t, 'milestones');
    const refused = await api.err('setMilestone', milestone('contract', 'active'), ORGANIZER);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: '请先开始“费用分摊”，再开始“签约”',
    });
    const future = await api.err(
      'setMilestone',
      { ...milestone('planVote', 'active'), actualStart: inDays(1) },
      ADMIN,
    );
    expect(future.message).toBe('实际日期不能晚于今天');
    expect(stored(t, 'milestones')).toEqual(before);
    const overview = await api.ok('overview', {}, RESIDENT);
    expect(overview).toMatchObject({
      current: 'planVote',
      currentLabel: '方案表决',
      percent: 18,
      nextKeyDate: { date: inDays(10), what: '方案表决计划完成' },
    });
  });

  it('posts an update whose photos are in storage, and everyone reads it', async () => {
    const site = putFile(t, 'progress/planVote/site-1.png', 'png bytes');
    const meeting = putFile(t, 'progress/planVote/meeting-1.png', 'png bytes');
    const posted = await api.ok(
      'post',
      {
        stage: 'planVote',
        text: '方案表决已开始，请各位业主在截止前投票。',
        photos: [
          { fileId: site, caption: '检测现场' },
          { fileId: meeting, caption: '业主说明会' },
        ],
      },
      ORGANIZER,
    );
    expect(posted).toMatchObject({ stageLabel: '方案表决', postedByLabel: '换梯小组牵头人' });
    expect(posted.photos.map((p) => p.caption)).toEqual(['检测现场', '业主说明会']);
    for (const photo of posted.photos) expect(photo.url).toMatch(/^http/);
    const overview = await api.ok('overview', {}, STRANGER);
    expect(overview.latest.map((u) => u.id)).toEqual([posted.id]);
    expect(overview.milestones.find((m) => m.stage === 'planVote')?.updates).toBe(1);
    const one = await api.ok('update', { updateId: posted.id }, '');
    expect(one.text).toBe(posted.text);
    const list = await api.ok('updates', { stage: 'planVote' }, RESIDENT);
    expect(list).toMatchObject({ more: false });
    expect(list.updates.map((u) => u.id)).toEqual([posted.id]);
    expect((await api.ok('updates', { stage: 'inspection' }, RESIDENT)).updates).toEqual([]);
  });

  it('refuses photos not in storage or from elsewhere, too many photos, and text that fails the check', async () => {
    const before = stored(t, 'progressUpdates').length;
    const post = (photos: Array<{ fileId: string; caption: string }>, text = '进展') =>
      api.err('post', { stage: 'planVote', text, photos }, ORGANIZER);
    const missing = await post([
      { fileId: putFile(t, 'progress/a.png', 'x').replace('a.png', 'gone.png'), caption: '' },
    ]);
    expect(missing).toMatchObject({
      code: 'INVALID_INPUT',
      message: '没有找到上传的照片，请重新上传',
    });
    const ballot = putFile(t, 'ballots/d1/u2-01-1.jpg', 'signed ballot');
    expect((await post([{ fileId: ballot, caption: '' }])).message).toBe('照片须在进度页面上传');
    const ten = Array.from({ length: 10 }, (_, i) => ({
      fileId: putFile(t, `progress/many-${i}.png`, 'x'),
      caption: '',
    }));
    expect((await post(ten)).message).toContain('一次最多 9 张照片');
    t.cloud.openapi.setRules({ blockedWords: ['违禁词'] });
    try {
      expect((await post([], '这里有违禁词')).message).toBe(
        '内容未通过微信安全检测，请修改后再提交',
      );
      const caption = [{ fileId: putFile(t, 'progress/ok.png', 'x'), caption: '违禁词' }];
      expect((await post(caption)).code).toBe('INVALID_INPUT');
    } finally {
      t.cloud.openapi.setRules({ blockedWords: [] });
    }
    expect(stored(t, 'progressUpdates')).toHaveLength(before);
  });

  describe('outage and help', () => {
    let outageId = '';

    it('publishes an elevator’s stop days and shows them on the timeline', async () => {
      const past = await api.err(
        'publishOutage',
        { elevator: '1号梯', from: inDays(-20), to: inDays(-1), note: '' },
        ORGANIZER,
      );
      expect(past.message).toBe('这段停梯时间已经过去，不必再发布');
      const outage = await api.ok(
        'publishOutage',
        { elevator: '1号梯（东）', from: inDays(3), to: inDays(20), note: '2号梯照常运行' },
        ORGANIZER,
      );
      expect(outage).toMatchObject({ days: 18, underway: false });
      outageId = outage.id;
      const overview = await api.ok('overview', {}, '');
      expect(overview.outages.map((o) => o.id)).toEqual([outageId]);
      expect(overview.nextKeyDate).toEqual({ date: inDays(3), what: '1号梯（东）开始停用' });
    });

    it('takes help from a registered household for its own flat, once per day and slot', async () => {
      const ask = {
        outageId,
        unitNo: tower.elderly.unitNo,
        kind: 'groceries' as const,
        date: inDays(5),
        slot: 'morning' as const,
        note: '每周买两次菜',
      };
      const help = await api.ok('requestHelp', ask, tower.elderly.openid);
      expect(help).toMatchObject({ covered: false, mine: true, kindLabel: '代买搬运' });
      expect((await api.err('requestHelp', ask, tower.elderly.openid)).code).toBe('CONFLICT');
      const notFlagged = await api.err(
        'requestHelp',
        { ...ask, unitNo: tower.neighbour.unitNo },
        tower.neighbour.openid,
      );
      expect(notFlagged.message).toContain('登记为高龄或行动不便');
      const notMine = await api.err(
        'requestHelp',
        { ...ask, unitNo: tower.noPhone.unitNo },
        tower.elderly.openid,
      );
      expect(notMine.code).toBe('FORBIDDEN');
      const outside = await api.err(
        'requestHelp',
        { ...ask, date: inDays(30) },
        tower.elderly.openid,
      );
      expect(outside.message).toBe('请选择停梯期间的日期');
      // Staff ask for the neighbour without a phone, writing the flat as people do (12楼3室).
      const [floor = '', room = ''] = tower.noPhone.unitNo.split('-');
      const forNeighbour = await api.ok(
        'requestHelp',
        { ...ask, unitNo: `${floor}楼${Number(room)}室`, kind: 'escort', slot: 'afternoon' },
        STAFF,
      );
      expect(forNeighbour.unitNo).toBe(tower.noPhone.unitNo);
      const nowhere = await api.err('requestHelp', { ...ask, unitNo: '99楼9室' }, STAFF);
      expect([nowhere.code, nowhere.message]).toEqual(['NOT_FOUND', '没有找到房屋 99-09']);
      t.cloud.openapi.setRules({ blockedWords: ['违禁词'] });
      try {
        const risky = await api.err(
          'requestHelp',
          { ...ask, slot: 'evening', note: '违禁词' },
          tower.elderly.openid,
        );
        expect(risky.message).toBe('内容未通过微信安全检测，请修改后再提交');
      } finally {
        t.cloud.openapi.setRules({ blockedWords: [] });
      }
      expect(stored(t, 'helpRequests')).toHaveLength(2);
    });

    it('lets neighbours sign up and shows organizers who is covered and who has not asked', async () => {
      const detail = await api.ok('outage', { outageId }, tower.neighbour.openid);
      expect(detail.coverage).toBeNull();
      const mine = detail.requests.find((r) => r.unitNo === tower.elderly.unitNo);
      if (!mine) throw new Error('request not listed');
      expect(
        (await api.err('volunteer', { requestId: mine.id }, tower.elderly.openid)).message,
      ).toBe('这是您家的求助，请邻居来报名');
      const signed = await api.ok('volunteer', { requestId: mine.id }, tower.neighbour.openid);
      expect(signed).toMatchObject({ covered: true, iVolunteered: true, volunteers: [] });
      expect(
        (await api.err('volunteer', { requestId: mine.id }, tower.neighbour.openid)).code,
      ).toBe('CONFLICT');
      const asker = await api.ok('outage', { outageId }, tower.elderly.openid);
      expect(asker.myUnits).toEqual([
        { unitNo: tower.elderly.unitNo, floor: expect.any(Number) as number, eligible: true },
      ]);
      expect(asker.requests.find((r) => r.id === mine.id)?.volunteers).toHaveLength(1);
      const organizer = await api.ok('outage', { outageId }, ORGANIZER);
      expect(organizer.coverage).toMatchObject({ requests: 2, covered: 1, uncovered: 1 });
      const unasked = organizer.coverage?.unasked.map((u) => u.unitNo) ?? [];
      expect(unasked).toContain(tower.mobility.unitNo);
      expect(unasked).not.toContain(tower.elderly.unitNo);
      expect(unasked).not.toContain(tower.noPhone.unitNo);
      expect(organizer.coverage?.unasked.find((u) => u.unitNo === tower.mobility.unitNo)?.why).toBe(
        '行动不便',
      );
      await api.ok('unvolunteer', { requestId: mine.id }, tower.neighbour.openid);
      expect((await api.ok('outage', { outageId }, ORGANIZER)).coverage?.covered).toBe(0);
    });

    it('never signs up more than three neighbours, however many tap at once', async () => {
      const { requests } = await api.ok('outage', { outageId }, ORGANIZER);
      const target = requests.find((r) => r.unitNo === tower.noPhone.unitNo);
      if (!target) throw new Error('request not listed');
      const neighbours = [...tower.ownerOpenid.entries()]
        .filter(([unitId]) => unitId !== tower.noPhone.unitId && unitId !== tower.elderly.unitId)
        .map(([, openid]) => openid)
        .slice(0, 6);
      // Each taps until the server gives a definite answer; a write conflict is tapped again.
      const outcomes = await Promise.all(
        neighbours.map(async (openid) => {
          for (;;) {
            const r = await api.call('volunteer', { requestId: target.id }, openid);
            if (r.ok) return 'signed';
            if (r.code === 'CONFLICT' && r.message.includes('人够了')) return 'full';
            if (!(r.code === 'CONFLICT' && r.message.includes('同时操作'))) return r.message;
          }
        }),
      );
      expect(outcomes.filter((o) => o === 'signed')).toHaveLength(3);
      expect(outcomes.filter((o) => o === 'full')).toHaveLength(3);
      const stored = (await api.ok('outage', { outageId }, ORGANIZER)).requests.find(
        (r) => r.id === target.id,
      );
      expect(stored).toMatchObject({ volunteerCount: 3, open: false });
      expect(new Set(stored?.volunteers).size).toBe(3);
    });

    it('cancels only for the household that asked or organizers', async () => {
      const { requests } = await api.ok('outage', { outageId }, ORGANIZER);
      const elderlyAsk = requests.find((r) => r.unitNo === tower.elderly.unitNo);
      if (!elderlyAsk) throw new Error('request not listed');
      expect(elderlyAsk.canCancel).toBe(true);
      const staffView = await api.ok('outage', { outageId }, STAFF);
      // Staff cancel what they asked for a neighbour, not what a household asked itself.
      expect(staffView.requests.map((r) => [r.unitNo, r.canCancel])).toEqual(
        expect.arrayContaining([
          [tower.elderly.unitNo, false],
          [tower.noPhone.unitNo, true],
        ]),
      );
      expect(
        (await api.err('cancelHelp', { requestId: elderlyAsk.id }, tower.neighbour.openid)).code,
      ).toBe('FORBIDDEN');
      await api.ok('cancelHelp', { requestId: elderlyAsk.id }, tower.elderly.openid);
      const after = await api.ok('outage', { outageId }, ORGANIZER);
      expect(after.requests.map((r) => r.id)).not.toContain(elderlyAsk.id);
      expect(after.coverage?.unasked.map((u) => u.unitNo)).toContain(tower.elderly.unitNo);
    });
  });
});
