/**
 * Every vote channel through the real function (issue: vote channels and evidence): staff enter a
 * ballot given on paper, at the owners' meeting (现场), by video (视频) or door to door (上门), each
 * with its evidence in storage; video and visits name a second staff member, who must be someone
 * else on the staff. Every refusal leaves the ballots, counters and audit as they were; none of
 * these channels replaces an owner's own online ballot without a second organizer.
 */
import type { Ballot } from '../../core/decisions';
import { choicesOf, recount, sameCounters, sumCounters } from '../../core/decisions';
import type { TallyShard } from '../../server/decisions/store';
import type { ActionRequest } from '../../typings/api';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import {
  ADMIN,
  ORGANIZER,
  RESIDENT,
  STAFF,
  type Tower,
  towerSeed,
} from '../helpers/decisionsTower';
import { putFile } from '../helpers/rosterFiles';
import { type DecisionsClient, decisions, stored } from './decisionsApi';

const STAFF_2 = 'staff-2';
const ORGANIZER_2 = 'organizer-2';
const D = 'd-ready';

type StaffBallot = ActionRequest<'decisions', 'paperBallot'>;

describe('decisions: every vote channel and its evidence', () => {
  let t: TestCloud;
  let api: DecisionsClient;
  let tower: Tower;

  beforeAll(async () => {
    tower = towerSeed(24);
    const staff = tower.collections.members.find((m) => m.openid === STAFF);
    const organizer = tower.collections.members.find((m) => m.openid === ORGANIZER);
    if (!staff || !organizer) throw new Error('no staff or organizer in the tower');
    tower.collections.members.push(
      {
        ...staff,
        _id: STAFF_2,
        openid: STAFF_2,
        personId: 'pg-staff-2',
        label: '李建国（社区工作者）',
      },
      {
        ...organizer,
        _id: ORGANIZER_2,
        openid: ORGANIZER_2,
        personId: 'pg-organizer-2',
        label: '第二位组织者',
        links: [],
        unitIds: [],
      },
    );
    t = await startTestCloud({ seed: tower.collections });
    api = decisions(t);
    await api.ok('open', { decisionId: D }, ORGANIZER);
  });
  afterAll(() => t.stop());

  /** Flats whose owner votes alone online (no second flat, no proxy), a fresh one per test. */
  let next = 0;
  const flat = (): string => {
    const plain = [...tower.ownerOpenid.keys()].filter(
      (u) => !tower.twoFlats.some((pair) => pair.includes(u)) && !tower.proxyOf.has(u),
    );
    const unitId = plain[next];
    next += 1;
    if (!unitId) throw new Error('no flat left');
    return unitId;
  };
  const owner = (unitId: string): string => tower.ownerOpenid.get(unitId) ?? '';
  const file = (path: string): string => putFile(t, path, `evidence ${path}`);
  const ballotOf = (unitId: string): Ballot | undefined =>
    stored<Ballot>(t, 'ballots').find((b) => b.decisionId === D && b.unitId === unitId);
  const snapshot = () => ({
    ballots: stored<Ballot>(t, 'ballots').filter((b) => b.decisionId === D),
    tallies: stored<TallyShard>(t, 'tallies').filter((s) => s.decisionId === D),
    audit: stored(t, 'audit').length,
    overrides: stored(t, 'paperOverrides').length,
  });
  const countersAgree = (): boolean => {
    const { ballots, tallies } = snapshot();
    const choices = choicesOf({ kind: 'proposal', text: '' });
    return sameCounters(sumCounters(tallies, choices), recount(ballots, choices));
  };
  /** Sends a ballot that must be refused and checks nothing moved. */
  const refused = async (request: StaffBallot, by = STAFF) => {
    const before = snapshot();
    const error = await api.err('paperBallot', request, by);
    expect(snapshot()).toEqual(before);
    return error;
  };

  it('takes a meeting ballot on the sign-in sheet, one sheet for several flats', async () => {
    const sheet = file(`ballots/${D}/meeting-sheet-1.jpg`);
    const [a, b] = [flat(), flat()];
    for (const [unitId, choice] of [
      [a, 'yes'],
      [b, 'no'],
    ] as const) {
      const receipt = await api.ok(
        'paperBallot',
        {
          decisionId: D,
          unitId,
          choice,
          channel: 'meeting',
          photoFileId: sheet,
          signedBy: 'owner',
        },
        STAFF,
      );
      expect(receipt).toMatchObject({ channel: 'meeting', channelLabel: '现场', choice });
    }
    expect(ballotOf(a)).toMatchObject({ channel: 'meeting', photoFileId: sheet, castBy: STAFF });
    expect(ballotOf(b)).toMatchObject({ channel: 'meeting', photoFileId: sheet });
    expect(ballotOf(a)?.witnessedBy).toBeUndefined();
    const status = await api.ok('unitStatus', { decisionId: D, unitId: a }, STAFF_2);
    expect(status).toMatchObject({
      channel: 'meeting',
      channelLabel: '现场',
      enteredBy: '社区工作者',
      witnessedBy: null,
    });
    expect(countersAgree()).toBe(true);
  });

  it('refuses a meeting ballot whose sheet is missing or belongs to another decision', async () => {
    const unitId = flat();
    const base = { decisionId: D, unitId, choice: 'yes', channel: 'meeting' as const };
    const missing = await refused({
      ...base,
      photoFileId: `cloud://${t.cloud.envId}.local/ballots/${D}/meeting-sheet-9.jpg`,
      signedBy: 'owner',
    });
    expect(missing).toMatchObject({
      code: 'INVALID_INPUT',
      message: '没有找到上传的签到表照片，请重新上传',
    });
    const other = await refused({
      ...base,
      photoFileId: file('ballots/d-plans/meeting-sheet-1.jpg'),
      signedBy: 'owner',
    });
    expect(other).toMatchObject({ code: 'INVALID_INPUT' });
    expect(other.message).toContain('签到表照片须为本议题录入时上传的文件');
    // Another flat's signed form is not a sign-in sheet.
    const form = await refused({
      ...base,
      photoFileId: file(`ballots/${D}/${flat()}-form.jpg`),
      signedBy: 'owner',
    });
    expect(form.message).toContain('签到表照片须为本议题录入时上传的文件');
    expect(ballotOf(unitId)).toBeUndefined();
  });

  it('takes a video ballot with its recording and a second staff member who witnessed it', async () => {
    const unitId = flat();
    const recording = file(`ballots/${D}/${unitId}-call.mp4`);
    const base = {
      decisionId: D,
      unitId,
      choice: 'yes',
      channel: 'video' as const,
      signedBy: 'owner' as const,
    };
    expect(await refused({ ...base, photoFileId: recording })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '视频表决须选择另一位见证通话的工作人员',
    });
    const self = await refused({ ...base, photoFileId: recording, witness: STAFF });
    expect(self.message).toContain('见证人须是录入人以外的另一位工作人员');
    for (const witness of [RESIDENT, owner(unitId), 'nobody-at-all']) {
      expect(await refused({ ...base, photoFileId: recording, witness })).toMatchObject({
        code: 'INVALID_INPUT',
        message: '见证人须是社区工作者或换梯小组成员',
      });
    }
    expect(
      await refused({
        ...base,
        photoFileId: file(`ballots/${D}/meeting-sheet-2.jpg`),
        witness: STAFF_2,
      }),
    ).toMatchObject({ code: 'INVALID_INPUT' });

    const receipt = await api.ok(
      'paperBallot',
      { ...base, photoFileId: recording, witness: STAFF_2 },
      STAFF,
    );
    expect(receipt).toMatchObject({ channel: 'video', channelLabel: '视频', voice: 'owner' });
    expect(ballotOf(unitId)).toMatchObject({
      channel: 'video',
      photoFileId: recording,
      castBy: STAFF,
      witnessedBy: STAFF_2,
    });
    const audit = stored<{ action: string; target: string; detail: Record<string, unknown> }>(
      t,
      'audit',
    );
    expect(audit.filter((a) => a.action === 'decisions.paperBallot').at(-1)?.detail).toMatchObject({
      channel: 'video',
      witnessedBy: STAFF_2,
      photoFileId: recording,
    });
    // The owner sees how their vote came in and who took it.
    const seen = await api.ok('detail', { decisionId: D }, owner(unitId));
    expect(seen.myUnits.find((u) => u.unitId === unitId)?.ballot).toMatchObject({
      channel: 'video',
      channelLabel: '视频',
      enteredBy: '社区工作者',
      witnessedBy: '李建国（社区工作者）',
    });
    expect(countersAgree()).toBe(true);
  });

  it('takes a visit only with the record signed by two different staff members', async () => {
    const unitId = flat();
    const record = file(`ballots/${D}/${unitId}-visit.jpg`);
    const base = {
      decisionId: D,
      unitId,
      choice: 'no',
      channel: 'visit' as const,
      signedBy: 'owner' as const,
    };
    expect(await refused({ ...base, photoFileId: record })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '上门表决须由两位工作人员签字，请选择另一位签字的工作人员',
    });
    expect((await refused({ ...base, photoFileId: record, witness: STAFF })).message).toContain(
      '另一位工作人员',
    );
    expect(await refused({ ...base, photoFileId: record, witness: RESIDENT })).toMatchObject({
      message: '另一位签字人须是社区工作者或换梯小组成员',
    });
    // A record uploaded for another flat is not this visit's record.
    const elsewhere = file(`ballots/${D}/u2-01-visit.jpg`);
    expect(
      (await refused({ ...base, photoFileId: elsewhere, witness: ORGANIZER })).message,
    ).toContain('上门记录须为本议题');
    // An organizer may co-sign with staff, and an organizer may enter it with staff co-signing.
    const receipt = await api.ok(
      'paperBallot',
      { ...base, photoFileId: record, witness: ORGANIZER },
      STAFF,
    );
    expect(receipt).toMatchObject({ channel: 'visit', channelLabel: '上门', choice: 'no' });
    expect(ballotOf(unitId)).toMatchObject({
      channel: 'visit',
      castBy: STAFF,
      witnessedBy: ORGANIZER,
    });
    const other = flat();
    const otherRecord = file(`ballots/${D}/${other}-visit.jpg`);
    await api.ok(
      'paperBallot',
      { ...base, unitId: other, photoFileId: otherRecord, witness: STAFF },
      ADMIN,
    );
    expect(ballotOf(other)).toMatchObject({ channel: 'visit', castBy: ADMIN, witnessedBy: STAFF });
    expect(countersAgree()).toBe(true);
  });

  it('refuses what does not fit a channel: a witness on paper, an unknown channel, online', async () => {
    const unitId = flat();
    const form = file(`ballots/${D}/${unitId}-1.jpg`);
    const base = {
      decisionId: D,
      unitId,
      choice: 'yes',
      photoFileId: form,
      signedBy: 'owner' as const,
    };
    expect(await refused({ ...base, witness: STAFF_2 })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '纸质表决不需要见证人，请不要选择',
    });
    for (const channel of ['online', 'carrier-pigeon']) {
      const bad = await refused({ ...base, channel } as unknown as StaffBallot);
      expect(bad.code).toBe('INVALID_INPUT');
      expect(bad.message).toContain('表决方式须为纸质、现场、视频或上门之一');
    }
    // Residents and owners cannot enter any channel's ballot.
    for (const who of [RESIDENT, owner(unitId)]) {
      expect(await refused({ ...base, channel: 'meeting' }, who)).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(ballotOf(unitId)).toBeUndefined();
  });

  it('never lets a visit replace the owner’s own online ballot without a second organizer', async () => {
    const unitId = flat();
    await api.ok('cast', { decisionId: D, unitId, choice: 'yes' }, owner(unitId));
    const record = file(`ballots/${D}/${unitId}-visit.jpg`);
    const before = snapshot();
    const held = await api.err(
      'paperBallot',
      {
        decisionId: D,
        unitId,
        choice: 'no',
        channel: 'visit',
        photoFileId: record,
        witness: STAFF_2,
        signedBy: 'owner',
      },
      ORGANIZER,
    );
    expect(held).toMatchObject({ code: 'CONFLICT' });
    expect(held.message).toContain('上门表决票不会自动替换');
    expect(snapshot().ballots).toEqual(before.ballots);
    expect(snapshot().tallies).toEqual(before.tallies);
    const overrideId = /编号 (\S+)）/.exec(held.message)?.[1] ?? '';
    expect(
      await api.err(
        'decidePaperOverride',
        { overrideId, confirm: true, reason: '业主当面改投' },
        ORGANIZER,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const done = await api.ok(
      'decidePaperOverride',
      { overrideId, confirm: true, reason: '业主当面改投' },
      ORGANIZER_2,
    );
    expect(done).toMatchObject({
      status: 'confirmed',
      receipt: { channel: 'visit', choice: 'no' },
    });
    expect(ballotOf(unitId)).toMatchObject({
      channel: 'visit',
      choice: 'no',
      castBy: ORGANIZER,
      witnessedBy: STAFF_2,
      photoFileId: record,
      override: { confirmedBy: ORGANIZER_2, reason: '业主当面改投' },
    });
    expect(countersAgree()).toBe(true);
  });

  it('lists the other staff and organizers as witnesses, never residents or the caller', async () => {
    const { witnesses } = await api.ok('witnesses', {}, STAFF);
    const ids = witnesses.map((w) => w.openid);
    expect(ids).toEqual(expect.arrayContaining([STAFF_2, ORGANIZER, ORGANIZER_2, ADMIN]));
    expect(ids).not.toContain(STAFF);
    expect(ids).not.toContain(RESIDENT);
    expect(witnesses.find((w) => w.openid === STAFF_2)?.label).toBe('李建国（社区工作者）');
    expect(await api.err('witnesses', {}, RESIDENT)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
