import { ledgerSeed, STAFF, TREASURER } from '../helpers/ledgerTower';
import { ledgerStorm } from '../helpers/ledgerStorm';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { pointSdkAt } from '../helpers/wxSdk';

/**
 * Cash records through the real function (4 instances racing on the chain head) while payments
 * post from this process, then the treasurer's posts all at once: every one lands exactly once,
 * the chain verifies and the balances equal a recount. (40 of each here; `npm run bench` sends
 * 200 of each and reports the figures.)
 */
const N = 40;

describe('ledger under a burst', () => {
  let t: TestCloud;
  const { seed, unitIds } = ledgerSeed(36);

  beforeAll(async () => {
    t = await startTestCloud({ seed });
    pointSdkAt(t.cloud);
  });
  afterAll(() => t.stop());

  it('lands every cash record, payment and post: 0 lost, 0 double', async () => {
    const report = await ledgerStorm(t.cloud, t.dataDir, {
      unitIds,
      n: N,
      staff: STAFF,
      treasurer: TREASURER,
      tag: 'B',
    });
    expect(report.otherErrors).toEqual([]);
    expect(report.succeeded).toBe(3 * N);
    expect(report.entriesAdded).toBe(3 * N);
    expect(report.distinctIds).toBe(3 * N);
    expect(report.verdict).toMatchObject({ ok: true, count: 3 * N });
  }, 600_000);
});
