/**
 * Objections to a preliminary result, through the real function: owners and proxies of flats on
 * the frozen roll file them during the objection period (text through WeChat's content check),
 * organizers answer each, and the final result waits until every objection has its answer.
 */
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { ORGANIZER, RESIDENT, STAFF, type Tower, towerSeed } from '../helpers/decisionsTower';
import { database, type Db } from '../helpers/sdkDatabase';
import { loadWxSdk, pointSdkAt } from '../helpers/wxSdk';
import { type DecisionsClient, decisions, stored } from './decisionsApi';

const DAY = 24 * 3600_000;
const at = (ms: number): string => new Date(ms).toISOString();

describe('decisions: objections to a preliminary result', () => {
  let t: TestCloud;
  let api: DecisionsClient;
  let tower: Tower;
  let db: Db;

  beforeAll(async () => {
    tower = towerSeed(24);
    t = await startTestCloud({ seed: tower.collections });
    api = decisions(t);
    pointSdkAt(t.cloud);
    db = database(loadWxSdk());
    // The objection period of d-objection runs for two more days.
    await db
      .collection('decisions')
      .doc('d-objection')
      .update({ data: { objectionEndsAt: at(Date.now() + 2 * DAY) } });
  });
  afterAll(() => t.stop());

  const ownerOf = (): [string, string] => {
    const entry = [...tower.ownerOpenid.entries()].find(
      ([u]) => !tower.twoFlats.some((pair) => pair.includes(u)),
    );
    if (!entry) throw new Error('no owner');
    return entry;
  };

  it('takes an owner’s objection during the period and lists it by flat, never by name', async () => {
    const [unitId, openid] = ownerOf();
    const filed = await api.ok(
      'object',
      { decisionId: 'd-objection', unitId, text: '我家的纸质票好像没有计入，请核实' },
      openid,
    );
    expect(filed).toMatchObject({ voiceLabel: '业主', answer: null });
    const list = await api.ok('objections', { decisionId: 'd-objection' }, RESIDENT);
    expect(list.unanswered).toBe(1);
    expect(list.canAnswer).toBe(false);
    expect(list.objections[0]).toMatchObject({ id: filed.id, text: filed.text });
    expect(JSON.stringify(list)).not.toContain(openid);
  });

  it('refuses objections for someone else’s flat, outside the period, or that fail the content check', async () => {
    const [unitId] = ownerOf();
    const other = [...tower.ownerOpenid.entries()].find(([u]) => u !== unitId)?.[1] ?? '';
    expect(
      await api.err('object', { decisionId: 'd-objection', unitId, text: '不同意' }, other),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await api.err('object', { decisionId: 'd-ended', unitId, text: '不同意' }, other),
    ).toMatchObject({ code: 'FORBIDDEN' });
    t.cloud.openapi.setRules({ blockedWords: ['违禁词'] });
    const [mine, openid] = ownerOf();
    const risky = await api.err(
      'object',
      { decisionId: 'd-objection', unitId: mine, text: '这里有违禁词' },
      openid,
    );
    expect(risky).toMatchObject({ code: 'INVALID_INPUT' });
    expect(risky.message).toContain('安全检测');
    t.cloud.openapi.setRules({ blockedWords: [] });
    expect(stored(t, 'objections')).toHaveLength(1);
  });

  it('keeps the final result back until every objection is answered, then publishes it', async () => {
    await db
      .collection('decisions')
      .doc('d-objection')
      .update({ data: { objectionEndsAt: at(Date.now() - 60_000) } });
    const blocked = await api.err('publishFinal', { decisionId: 'd-objection' }, ORGANIZER);
    expect(blocked).toMatchObject({ code: 'CONFLICT' });
    expect(blocked.message).toContain('1 条异议没有答复');
    const list = await api.ok('objections', { decisionId: 'd-objection' }, ORGANIZER);
    const id = list.objections[0]?.id ?? '';
    expect(
      await api.err('answerObjection', { objectionId: id, text: '已复核' }, STAFF),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const answered = await api.ok(
      'answerObjection',
      { objectionId: id, text: '已复核：该户纸质票已于 12 月 3 日计入，见逐户清单。' },
      ORGANIZER,
    );
    expect(answered.answer?.text).toContain('已复核');
    expect(
      await api.err('answerObjection', { objectionId: id, text: '再答一次' }, ORGANIZER),
    ).toMatchObject({ code: 'CONFLICT' });
    const final = await api.ok('publishFinal', { decisionId: 'd-objection' }, ORGANIZER);
    expect(final.status).toBe('final');
    const after = await api.ok('objections', { decisionId: 'd-objection' }, RESIDENT);
    expect(after).toMatchObject({ unanswered: 0 });
    expect(after.objections[0]?.answer?.text).toContain('纸质票已于');
  });
});
