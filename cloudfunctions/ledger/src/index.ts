import { createFunction } from '../../../server/router';
import { guardActions } from '../../../server/auth/guard';
import {
  confirmDeposit,
  myCash,
  recordCash,
  recordDeposit,
  settleCash,
} from '../../../server/ledger/cash';
import { listExpenses, payExpense, proposeExpense } from '../../../server/ledger/expenses';
import { exportLedger } from '../../../server/ledger/exportLedger';
import { importFund, redLine } from '../../../server/ledger/fund';
import {
  entriesPage,
  overview,
  treasurerQueue,
  unitLedger,
  unitsPage,
} from '../../../server/ledger/reading';
import { schemas } from '../../../server/ledger/schemas';

/**
 * ledger: the public hash-chained ledger, cash custody, expenses and the red line. Every action
 * passes the policy table (server/auth/policy.ts) before it runs; the caller is whoever WeChat
 * says, never a field of the request.
 */
export const main = createFunction<'ledger'>(
  guardActions('ledger', {
    overview: { input: schemas.none, run: (_req, ctx) => overview(ctx) },
    entries: { input: schemas.entries, run: entriesPage },
    units: { input: schemas.units, run: unitsPage },
    unitLedger: { input: schemas.unitLedger, run: unitLedger },
    expenses: { input: schemas.none, run: (_req, ctx) => listExpenses(ctx) },
    redLine: { input: schemas.none, run: (_req, ctx) => redLine(ctx) },
    recordCash: { input: schemas.recordCash, run: recordCash },
    myCash: { input: schemas.none, run: (_req, ctx) => myCash(ctx) },
    recordDeposit: { input: schemas.recordDeposit, run: recordDeposit },
    settleCash: { input: schemas.settleCash, run: settleCash },
    confirmDeposit: { input: schemas.confirmDeposit, run: confirmDeposit },
    treasurerQueue: { input: schemas.none, run: (_req, ctx) => treasurerQueue(ctx) },
    proposeExpense: { input: schemas.proposeExpense, run: proposeExpense },
    payExpense: { input: schemas.payExpense, run: payExpense },
    export: { input: schemas.export, run: exportLedger },
    importFund: { input: schemas.importFund, run: importFund },
  }),
);
