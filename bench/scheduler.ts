import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoAt } from '../core/decisions';
import { afterAccept, emptySubscription } from '../core/reminders/quota';
import { startLocalCloud } from '../localcloud/server';
import type { SchedulerRun } from '../server/scheduler/run';
import { towerSeed } from '../test/helpers/decisionsTower';
import type { Row } from './table';

/**
 * The scheduler's run through the local cloud, as its timer fires it: a vote closes within 24
 * hours and `subscribers` owners who have not voted each hold one grant. The first run sends their
 * reminders; the second sends nothing (every key is in the log). Database requests and time of
 * each run, on a 138-flat tower and a 10,000-unit one.
 */
const CASES = [
  { units: 138, subscribers: 100 },
  { units: 10_000, subscribers: 1_000 },
] as const;

const HOUR = 3600_000;

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
    const subscriptions = [...waiting]
      .slice(0, c.subscribers)
      .map((openid) => afterAccept(emptySubscription(openid, 'voteDeadline', at), at));
    const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-scheduler-'));
    const cloud = await startLocalCloud({
      dataDir,
      functionsDir: join(__dirname, '..', 'cloudfunctions'),
      port: 0,
      seed: { ...tower.collections, decisions, subscriptions, reminderLog: [], schedulerRuns: [] },
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
        return { run: answer.data, db: record.dbRequests, ms: record.ms };
      };
      for (const label of ['first run', 'second run']) {
        const { run, db, ms } = await tick();
        const outcomes = run.clocks[0]?.outcomes ?? {};
        rows.push({
          units: c.units,
          subscribers: subscriptions.length,
          run: label,
          sent: outcomes.sent ?? 0,
          'already sent': outcomes['already-sent'] ?? 0,
          'db requests': db,
          'db / message': outcomes.sent ? (db / outcomes.sent).toFixed(1) : '-',
          ms,
        });
      }
    } finally {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}
