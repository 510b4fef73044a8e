import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoAt } from '../core/decisions';
import type { Charge } from '../core/funds/model';
import { unitAccount } from '../core/ledger/accounts';
import type { ProgressUpdate } from '../core/progress/model';
import { afterAccept, emptySubscription } from '../core/reminders/quota';
import type { TemplateKey } from '../core/reminders/templates';
import { addDays, shanghaiIso } from '../core/registry/time';
import { startLocalCloud } from '../localcloud/server';
import { COLLECTIONS } from '../server/collections';
import type { CashReceiptDoc } from '../server/ledger/documents';
import type { BalanceDoc } from '../server/ledger/store';
import type { SchedulerRun } from '../server/scheduler/run';
import { TOWER_BUILDING, towerSeed } from '../test/helpers/decisionsTower';
import type { Row } from './table';

/**
 * The scheduler's run through the local cloud, as its timer fires it, with every clock: a vote
 * closes within 24 hours, every unit's share is due in two days, one unit in a hundred had cash
 * posted an hour ago, and a progress update went up this morning. First a run with nobody
 * subscribed (what every ten minutes costs when nothing is to be sent); then `subscribers` owners
 * who have not voted each accept one message of every kind: the first run sends them (on the large
 * tower it stops at its 45 s budget and the second run sends the rest), the last sends nothing
 * (every key is in the log). Database requests and time of each run, on a 138-flat
 * tower and a 10,000-unit one.
 */
const CASES = [
  { units: 138, subscribers: 100 },
  { units: 10_000, subscribers: 1_000 },
] as const;

const HOUR = 3600_000;
const KEYS: readonly TemplateKey[] = [
  'voteDeadline',
  'shareDue',
  'receiptPosted',
  'progressUpdate',
];
const SHORT: Record<string, string> = {
  decisions: 'vote',
  articles: 'art',
  shareDue: 'due',
  receiptPosted: 'cash',
  progressUpdate: 'prog',
};

function moneyAndNews(units: readonly { _id: string; unitNo: string }[], now: number) {
  const charges: Charge[] = units.map((u) => ({
    _id: `scheme-1:${u._id}`,
    schemeId: 'scheme-1',
    decisionId: null,
    buildingId: TOWER_BUILDING,
    unitId: u._id,
    unitNo: u.unitNo,
    fen: 1_000_000,
    dueDate: addDays(now, 2),
    transferId: `charge:scheme-1:${u._id}`,
    issuedAt: shanghaiIso(now - 20 * 24 * HOUR),
    issuedBy: 'organizer-1',
  }));
  const balances: BalanceDoc[] = units.map((u) => ({
    _id: unitAccount(u._id),
    account: unitAccount(u._id),
    kind: 'unit',
    unitId: u._id,
    postedFen: 1_000_000,
    pendingFen: 0,
    chargedFen: 1_000_000,
    status: 'partly',
    lastSeq: 1,
    updatedAt: shanghaiIso(now - HOUR),
  }));
  const cashReceipts: CashReceiptDoc[] = units
    .filter((_u, i) => i % 100 === 0)
    .map((u, i) => ({
      _id: `receipt:B${i}`,
      receiptNo: `B${i}`,
      unitId: u._id,
      unitNo: u.unitNo,
      amountFen: 50_000,
      receivedAt: shanghaiIso(now - 2 * HOUR),
      photoFileId: `cloud://bench/cash/B${i}.jpg`,
      payerName: null,
      recordedBy: 'staff-1',
      recordedByPerson: null,
      recordedByLabel: '工作人员',
      recordedAt: shanghaiIso(now - 2 * HOUR),
      holder: 'cash:staff-1',
      transferId: `cash:B${i}`,
      settlement: 'posted',
      settledBy: 'treasurer-1',
      settledAt: shanghaiIso(now - HOUR),
      voidReason: null,
      depositId: null,
    }));
  const progressUpdates: ProgressUpdate[] = [
    {
      _id: 'pu-bench',
      buildingId: TOWER_BUILDING,
      stage: 'installation',
      text: '新电梯导轨安装完成',
      photos: [],
      postedBy: 'organizer-1',
      postedByLabel: '换梯小组',
      postedAt: shanghaiIso(now - 3 * HOUR),
    },
  ];
  return { charges, balances, cashReceipts, progressUpdates };
}

export async function benchScheduler(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const c of CASES) {
    const now = Date.now();
    const tower = towerSeed(c.units, now);
    const decisions = tower.collections.decisions.map((d) =>
      d._id === 'd-ended' ? { ...d, closesAt: isoAt(now + 23 * HOUR) } : d,
    );
    const voted = new Set(
      tower.collections.ballots
        .filter((b) => b.decisionId === 'd-ended')
        .flatMap((b) => b.units.map((u) => u.unitId)),
    );
    const at = isoAt(now);
    const waiting = new Set(
      [...tower.ownerOpenid.entries()].filter(([unit]) => !voted.has(unit)).map(([, o]) => o),
    );
    const subscribers = [...waiting].slice(0, c.subscribers);
    const subscriptions = subscribers.flatMap((openid) =>
      KEYS.map((key) => afterAccept(emptySubscription(openid, key, at), at)),
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-scheduler-'));
    const cloud = await startLocalCloud({
      dataDir,
      functionsDir: join(__dirname, '..', 'cloudfunctions'),
      port: 0,
      seed: {
        ...Object.fromEntries(COLLECTIONS.map((x) => [x.name, [] as object[]])),
        ...tower.collections,
        ...moneyAndNews(tower.collections.units, now),
        decisions,
      },
    });
    try {
      const tick = async (): Promise<{ run: SchedulerRun; db: number; ms: number }> => {
        const { result, record } = await cloud.functions.invokeWithRecord(
          'scheduler',
          { Type: 'Timer', TriggerName: 'clocks' },
          { openid: '' },
        );
        const answer = result as { ok: boolean; data: SchedulerRun };
        if (!answer.ok) throw new Error(`scheduler failed: ${JSON.stringify(result)}`);
        const failed = answer.data.clocks.find((x) => !x.ok);
        if (failed) throw new Error(`clock ${failed.name} failed: ${failed.error ?? ''}`);
        return { run: answer.data, db: record.dbRequests, ms: record.ms };
      };
      const measure = async (label: string): Promise<void> => {
        const { run, db, ms } = await tick();
        const total = (k: 'sent' | 'already-sent') =>
          run.clocks.reduce((n, x) => n + (x.outcomes[k] ?? 0), 0);
        const sent = total('sent');
        rows.push({
          units: c.units,
          subscribers: label === 'nobody subscribed' ? 0 : subscribers.length,
          run: label,
          sent,
          'sent by clock': run.clocks
            .filter((x) => x.outcomes.sent)
            .map((x) => `${SHORT[x.name] ?? x.name} ${x.outcomes.sent ?? 0}`)
            .join(', '),
          'already sent': total('already-sent'),
          'db requests': db,
          'db / message': sent ? (db / sent).toFixed(1) : '-',
          ms,
        });
      };
      await measure('nobody subscribed');
      cloud.database.loadSeed({ subscriptions } as unknown as Record<
        string,
        Record<string, unknown>[]
      >);
      await measure('first run');
      // On the large tower the first run uses its time budget; the next carries on.
      await measure('second run');
      await measure('third run');
    } finally {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}
