/**
 * The scheduler's other clocks through the real function against the local cloud: a scheduled
 * article is published, a share due in two days (or overdue) is reminded to the unit's payers who
 * subscribed, a cash receipt the treasurer posted an hour ago is told to them, and a progress
 * update from today goes to everyone who subscribed — each message once, only with a grant, and a
 * second run sends nothing at all.
 */
import { demoBuilding } from '../../cli/seed';
import type { Article } from '../../core/articles';
import type { Charge } from '../../core/funds/model';
import { unitAccount } from '../../core/ledger/accounts';
import type { ProgressUpdate } from '../../core/progress/model';
import { TEMPLATES, type TemplateKey } from '../../core/reminders/templates';
import { addDays, shanghaiIso } from '../../core/registry/time';
import type { CashReceiptDoc } from '../../server/ledger/documents';
import type { BalanceDoc } from '../../server/ledger/store';
import type { OutboxEntry } from '../../localcloud/outbox';
import {
  OTHER_DECISION_PROXY,
  PAY_ONLY_PROXY,
  RESIDENT,
  STRANGER,
  TOWER_BUILDING,
} from '../helpers/decisionsTower';
import { COST_DECISION, fundsSeed } from '../helpers/fundsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { pointSdkAt } from '../helpers/wxSdk';
import { docs, registryDb } from '../../server/repository/docs';
import { remindersClient } from './remindersApi';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('the scheduler’s article, money and progress clocks', () => {
  let t: TestCloud;
  let api: ReturnType<typeof remindersClient>;
  const now = Date.now();
  const tower = fundsSeed(48, now);
  const units = tower.collections.units;
  const unitAt = (i: number) => {
    const u = units[i];
    if (!u) throw new Error(`no unit ${i}`);
    return u;
  };
  /** Unit 8: owner at home and a pay-only proxy; a proxy for another decision does not pay. */
  const due = unitAt(7);
  /** Unit 5: owner at home and a family proxy who may vote but not pay; its share is overdue. */
  const overdue = unitAt(4);
  const paid = unitAt(8);
  const later = unitAt(9);
  const unsubscribed = unitAt(5);
  const owner = (unitId: string): string => {
    const openid = tower.ownerOpenid.get(unitId);
    if (!openid) throw new Error(`no owner online for ${unitId}`);
    return openid;
  };

  const charge = (unit: { _id: string; unitNo: string }, dueDate: string): Charge => ({
    _id: `scheme-1:${unit._id}`,
    schemeId: 'scheme-1',
    decisionId: COST_DECISION,
    buildingId: TOWER_BUILDING,
    unitId: unit._id,
    unitNo: unit.unitNo,
    fen: 200_000,
    dueDate,
    transferId: `charge:scheme-1:${unit._id}`,
    issuedAt: shanghaiIso(now - 20 * DAY),
    issuedBy: 'organizer-1',
  });
  const balance = (unitId: string, postedFen: number, pendingFen = 0): BalanceDoc => ({
    _id: unitAccount(unitId),
    account: unitAccount(unitId),
    kind: 'unit',
    unitId,
    postedFen,
    pendingFen,
    chargedFen: 200_000,
    status: postedFen + pendingFen > 0 ? 'partly' : 'paid',
    lastSeq: 1,
    updatedAt: shanghaiIso(now - DAY),
  });
  const receipt = (
    no: string,
    unit: { _id: string; unitNo: string },
    settlement: CashReceiptDoc['settlement'],
    settledAgoMs: number | null,
  ): CashReceiptDoc => ({
    _id: `receipt:${no}`,
    receiptNo: no,
    unitId: unit._id,
    unitNo: unit.unitNo,
    amountFen: 76_544,
    receivedAt: shanghaiIso(now - 3 * DAY),
    photoFileId: `cloud://tongti-local/cash/${no}.jpg`,
    payerName: null,
    recordedBy: 'staff-1',
    recordedByPerson: null,
    recordedByLabel: '工作人员',
    recordedAt: shanghaiIso(now - 3 * DAY),
    holder: 'cash:staff-1',
    transferId: `cash:${no}`,
    settlement,
    settledBy: settledAgoMs === null ? null : 'treasurer-1',
    settledAt: settledAgoMs === null ? null : shanghaiIso(now - settledAgoMs),
    voidReason: null,
    depositId: null,
  });
  const update = (id: string, agoMs: number, text: string): ProgressUpdate => ({
    _id: id,
    buildingId: TOWER_BUILDING,
    stage: 'installation',
    text,
    photos: [],
    postedBy: 'organizer-1',
    postedByLabel: '换梯小组',
    postedAt: shanghaiIso(now - agoMs),
  });
  const scheduled = demoBuilding(now).collections.articles as readonly Article[];
  const notice = scheduled.find((a) => a._id === 'notice-meeting-4');
  if (!notice) throw new Error('the demo has no scheduled notice');

  beforeAll(async () => {
    t = await startTestCloud({
      seed: {
        ...tower.collections,
        articles: [
          { ...notice, publishAt: shanghaiIso(now - 60_000), publishedAt: '' },
          { ...notice, _id: 'notice-later', publishAt: shanghaiIso(now + DAY) },
        ],
        charges: [
          charge(due, addDays(now, 2)),
          charge(overdue, addDays(now, -1)),
          charge(paid, addDays(now, 1)),
          charge(later, addDays(now, 10)),
          charge(unsubscribed, addDays(now, 1)),
        ],
        balances: [
          // Unit 8: ¥2,000.00 charged, ¥765.44 in cash awaits the treasurer: ¥1,234.56 left.
          balance(due._id, 200_000, -76_544),
          balance(overdue._id, 5_000),
          balance(paid._id, 0),
          balance(later._id, 200_000),
          balance(unsubscribed._id, 200_000),
        ],
        cashReceipts: [
          receipt('C-001', due, 'posted', HOUR),
          receipt('C-002', paid, 'posted', 3 * DAY),
          receipt('C-003', overdue, 'pending', null),
          receipt('C-004', overdue, 'voided', HOUR),
        ],
        progressUpdates: [
          update('pu-new', HOUR, '新电梯导轨安装完成，下周开始安装轿厢'),
          update('pu-old', 3 * DAY, '井道清理完成'),
        ],
        subscriptions: [],
        reminderLog: [],
        schedulerRuns: [],
      },
    });
    api = remindersClient(t);
    const subscribe = async (openid: string, ...keys: TemplateKey[]) => {
      await api.ok(
        'subscribe',
        { answers: Object.fromEntries(keys.map((k) => [TEMPLATES[k].id, 'accept' as const])) },
        openid,
      );
    };
    await subscribe(owner(due._id), 'shareDue', 'receiptPosted', 'progressUpdate');
    // A second accept: a grant is left after the first reminder, so only the key stops a second.
    await subscribe(owner(due._id), 'shareDue');
    await subscribe(PAY_ONLY_PROXY, 'shareDue', 'receiptPosted');
    await subscribe(OTHER_DECISION_PROXY, 'shareDue', 'receiptPosted');
    await subscribe(owner(overdue._id), 'shareDue', 'receiptPosted');
    await subscribe('proxy-family', 'shareDue', 'receiptPosted');
    await subscribe(owner(paid._id), 'shareDue', 'receiptPosted');
    await subscribe(owner(later._id), 'shareDue');
    await subscribe(RESIDENT, 'progressUpdate', 'shareDue');
    await subscribe(STRANGER, 'progressUpdate');
  });
  afterAll(() => t.stop());

  const sentOf = (entries: OutboxEntry[], key: TemplateKey) =>
    entries.filter((e) => e.templateId === TEMPLATES[key].id);
  const clockOf = (run: Awaited<ReturnType<typeof api.tick>>, name: string) =>
    run.clocks.find((c) => c.name === name);
  let firstRun: OutboxEntry[] = [];

  it('publishes the article whose time came, and says so in the run log', async () => {
    const before = api.sent().length;
    const run = await api.tick();
    firstRun = api.sent().slice(before);
    expect(run.clocks.map((c) => [c.name, c.ok])).toEqual([
      ['decisions', true],
      ['articles', true],
      ['shareDue', true],
      ['receiptPosted', true],
      ['progressUpdate', true],
    ]);
    expect(clockOf(run, 'articles')?.notes).toEqual(['已按计划发布文章：notice-meeting-4']);
    const stored = t.cloud.database.documents('articles', 0, 10).docs as Article[];
    expect(Object.fromEntries(stored.map((a) => [a._id, a.status]))).toEqual({
      'notice-meeting-4': 'published',
      'notice-later': 'scheduled',
    });
  });

  it('reminds a share due within 3 days or overdue to the unit’s payers who subscribed, with what is left', () => {
    const shares = sentOf(firstRun, 'shareDue');
    expect(shares.map((e) => e.touser).sort()).toEqual(
      [owner(due._id), PAY_ONLY_PROXY, owner(overdue._id)].sort(),
    );
    expect(shares.find((e) => e.touser === owner(due._id))).toMatchObject({
      errcode: 0,
      page: 'pages/money/index',
      data: {
        thing1: { value: `${due.unitNo}换梯分摊款` },
        amount2: { value: '¥1234.56' },
        time3: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/) },
      },
    });
    expect(shares.find((e) => e.touser === owner(overdue._id))?.data).toMatchObject({
      amount2: { value: '¥50.00' },
    });
  });

  it('tells the unit’s payers of a cash receipt posted in the last two days', () => {
    const receipts = sentOf(firstRun, 'receiptPosted');
    expect(receipts.map((e) => e.touser).sort()).toEqual([owner(due._id), PAY_ONLY_PROXY].sort());
    expect(receipts[0]).toMatchObject({
      page: 'pages/ledger/index',
      data: expect.objectContaining({
        thing1: { value: `${due.unitNo}现金收据已入账` },
        amount2: { value: '¥765.44' },
      }),
    });
  });

  it('tells everyone who subscribed of today’s progress update, not of older ones', () => {
    const updates = sentOf(firstRun, 'progressUpdate');
    expect(updates.map((e) => e.touser).sort()).toEqual(
      [owner(due._id), RESIDENT, STRANGER].sort(),
    );
    expect(updates.every((e) => e.page === 'pages/progress-update/index?id=pu-new')).toBe(true);
    expect(firstRun).toHaveLength(8);
  });

  it('sends nothing twice on the next run, and publishes nothing again', async () => {
    const before = api.sent().length;
    const run = await api.tick();
    expect(api.sent().length).toBe(before);
    expect(clockOf(run, 'articles')?.notes).toEqual([]);
    // Whoever has a grant left is found in the log; those with none are not even looked at.
    expect(clockOf(run, 'shareDue')?.outcomes).toEqual({ 'already-sent': 1 });
    expect(clockOf(run, 'receiptPosted')?.outcomes).toEqual({});
    expect(clockOf(run, 'progressUpdate')?.outcomes).toEqual({});
    const left = await api.ok('mySubscriptions', {}, owner(due._id));
    expect(left.templates.find((x) => x.key === 'shareDue')?.remaining).toBe(1);
  });

  it('never sends without a grant: a new update reaches only those who accepted again', async () => {
    pointSdkAt(t.cloud, '');
    const next = update('pu-next', 0, '轿厢安装完成');
    await docs(registryDb()).set('progressUpdates', next._id, next);
    await api.ok('subscribe', { answers: { [TEMPLATES.progressUpdate.id]: 'accept' } }, STRANGER);
    const before = api.sent().length;
    const run = await api.tick();
    const told = api.sent().slice(before);
    expect(told.map((e) => [e.touser, e.page])).toEqual([
      [STRANGER, 'pages/progress-update/index?id=pu-next'],
    ]);
    expect(clockOf(run, 'progressUpdate')?.outcomes).toMatchObject({ sent: 1 });
  });
});
