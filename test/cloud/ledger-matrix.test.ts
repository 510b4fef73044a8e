import { policyMismatches } from './policyMatrix';
import type { Principal } from '../../server/auth/policy';
import type { ActionName, ActionRequest } from '../../typings/api';
import { ADMIN, RESIDENT, STRANGER } from '../helpers/decisionsTower';
import { ledgerSeed, ORGANIZER, STAFF, TREASURER } from '../helpers/ledgerTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { ledger, stored } from './ledgerApi';

/**
 * The authorization matrix of the ledger: every action × every role, through the real function,
 * is allowed or refused exactly as server/auth/policy.ts says. Writing requests name evidence
 * that is not in storage or records that do not exist, so an allowed call reaches the use case
 * and moves no money.
 */
type Action = ActionName<'ledger'>;
type Requests = { [A in Action]: ActionRequest<'ledger', A> };

const NO_FILE = 'cloud://nowhere/ledger/cash/none.jpg';
const REQUESTS: Requests = {
  overview: {},
  entries: { limit: 5 },
  units: { status: 'unpaid' },
  unitLedger: { unitId: 'u-none' },
  expenses: {},
  redLine: {},
  recordCash: {
    unitId: 'u-none',
    amountFen: 100,
    receivedAt: '2026-12-01T10:00:00+08:00',
    receiptNo: 'M-1',
    photoFileId: NO_FILE,
  },
  myCash: {},
  recordDeposit: {
    slipNo: 'M-1',
    amountFen: 100,
    depositedAt: '2026-12-01T10:00:00+08:00',
    slipFileId: NO_FILE,
    receiptIds: ['receipt:none'],
  },
  settleCash: { receiptId: 'receipt:none', decision: 'post' },
  confirmDeposit: { depositId: 'deposit:none', decision: 'confirm' },
  treasurerQueue: {},
  proposeExpense: {
    milestone: 'deposit',
    payee: '电梯公司',
    amountFen: 100,
    invoiceFileId: NO_FILE,
  },
  payExpense: { expenseId: 'expense-none', decision: 'pay' },
  export: { format: 'csv' },
  importFund: { rows: [{ unitNo: '99-99', firstDepositFen: 100, balanceFen: 1 }] },
};

describe('ledger authorization matrix', () => {
  let t: TestCloud;
  const { seed, ownerOpenid, proxyOf } = ledgerSeed(24);
  const persona: Record<Principal, string> = {
    guest: STRANGER,
    owner: [...ownerOpenid.values()][0] ?? '',
    resident: RESIDENT,
    proxy: [...proxyOf.values()][0] ?? '',
    staff: STAFF,
    treasurer: TREASURER,
    organizer: ORGANIZER,
    admin: ADMIN,
  };

  beforeAll(async () => {
    t = await startTestCloud({ seed });
  });
  afterAll(() => t.stop());

  it('allows and refuses every action exactly as the policy table says', async () => {
    const api = ledger(t);
    expect(await policyMismatches('ledger', api, REQUESTS, persona)).toEqual([]);
    for (const name of [
      'entries',
      'balances',
      'cashReceipts',
      'cashDeposits',
      'expenses',
      'fundAccounts',
    ]) {
      expect(stored(t, name)).toEqual([]);
    }
  }, 120_000);

  it('refuses a caller WeChat did not name', async () => {
    expect(await ledger(t).err('overview', {}, '')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
