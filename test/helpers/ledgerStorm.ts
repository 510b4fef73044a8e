import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unitAccount } from '../../core/ledger/accounts';
import { verifyLedger, type StoredBalance, type StoredDoc } from '../../core/ledger/chain';
import { buildFileId } from '../../localcloud/storage/fileIds';
import { OPENID_HEADER, type LocalCloud } from '../../localcloud/server';
import { postTransfersAlone } from '../../server/ledger/post';
import type { HeadDoc } from '../../server/ledger/store';
import type { ApiResult } from '../../typings/api';

/**
 * A burst on the ledger: `n` cash records through the real function (staff, each client retrying
 * CONFLICT as the mini program does) while `n` payments post from this process, then `n`
 * treasurer posts of those receipts at once. Reports what landed, and whether the stored ledger
 * still verifies (chain, head, balances = recount).
 */
export interface StormReport {
  sent: number;
  succeeded: number;
  conflictsRetried: number;
  otherErrors: string[];
  entriesAdded: number;
  distinctIds: number;
  verdict: ReturnType<typeof verifyLedger>;
  ms: number;
}

async function callLedger(
  cloud: LocalCloud,
  data: Record<string, unknown>,
  openid: string,
): Promise<ApiResult<unknown>> {
  const res = await fetch(`${cloud.url}/functions/ledger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ data }),
  });
  if (!res.ok) return { ok: false, code: 'INTERNAL', message: `HTTP ${res.status}` };
  return ((await res.json()) as { result: ApiResult<unknown> }).result;
}

function stored<T>(cloud: LocalCloud, name: string): T[] {
  return cloud.database.documents(name, 0, 10_000_000).docs as T[];
}

export async function ledgerStorm(
  cloud: LocalCloud,
  dataDir: string,
  opts: { unitIds: readonly string[]; n: number; staff: string; treasurer: string; tag: string },
): Promise<StormReport> {
  const before = stored(cloud, 'entries').length;
  const report: StormReport = {
    sent: 0,
    succeeded: 0,
    conflictsRetried: 0,
    otherErrors: [],
    entriesAdded: 0,
    distinctIds: 0,
    verdict: { ok: false, badId: '', seq: null, reason: 'not run', count: 0 },
    ms: 0,
  };
  const retried = async (data: Record<string, unknown>, openid: string): Promise<void> => {
    report.sent += 1;
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const result = await callLedger(cloud, data, openid);
      if (result.ok) {
        report.succeeded += 1;
        return;
      }
      if (result.code !== 'CONFLICT' || attempt === 20) {
        report.otherErrors.push(`${String(data.action)}: ${result.code} ${result.message}`);
        return;
      }
      report.conflictsRetried += 1;
    }
  };
  const receipts = Array.from({ length: opts.n }, (_, i) => {
    const no = `${opts.tag}-${i}`;
    const cloudPath = `ledger/cash/${no}.jpg`;
    const file = join(dataDir, 'storage', cloud.envId, ...cloudPath.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `signed receipt ${no}`);
    return {
      no,
      unitId: opts.unitIds[i % opts.unitIds.length] ?? '',
      photoFileId: buildFileId(cloud.envId, cloudPath),
    };
  });
  const at = new Date().toISOString();
  const started = Date.now();
  await Promise.all([
    ...receipts.map((r) =>
      retried(
        {
          action: 'recordCash',
          unitId: r.unitId,
          amountFen: 100_00,
          receivedAt: at,
          receiptNo: r.no,
          photoFileId: r.photoFileId,
        },
        opts.staff,
      ),
    ),
    ...receipts.map(async (r, i) => {
      report.sent += 1;
      try {
        await postTransfersAlone(
          [
            {
              id: `${opts.tag}-pay-${i}`,
              kind: 'payment',
              from: unitAccount(r.unitId),
              to: 'collection',
              amountFen: 50_00,
              channel: 'wechat',
            },
          ],
          at,
        );
        report.succeeded += 1;
      } catch (error) {
        report.otherErrors.push(`post: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  ]);
  await Promise.all(
    receipts.map((r) =>
      retried(
        { action: 'settleCash', receiptId: `receipt:${r.no}`, decision: 'post' },
        opts.treasurer,
      ),
    ),
  );
  report.ms = Date.now() - started;
  const entries = stored<StoredDoc>(cloud, 'entries');
  report.entriesAdded = entries.length - before;
  report.distinctIds = new Set(entries.map((e) => e._id)).size - before;
  report.verdict = verifyLedger(
    entries,
    stored<StoredBalance>(cloud, 'balances'),
    stored<HeadDoc>(cloud, 'ledgerHead')[0] ?? null,
  );
  return report;
}
