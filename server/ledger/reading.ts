import { unitAccount } from '../../core/ledger/accounts';
import { GENESIS_HASH } from '../../core/ledger/canonical';
import { percentOf, yuanText } from '../../core/ledger/labels';
import type { EntryDoc } from '../../core/ledger/transfers';
import type { Person, Unit } from '../../core/registry/model';
import type {
  AnomalyView,
  EntriesPageView,
  EntriesRequest,
  LedgerOverviewView,
  TreasurerQueueView,
  UnitLedgerView,
  UnitsPageView,
  UnitsRequest,
} from '../../typings/ledger';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import type { CollectionName } from '../collections';
import { docs, find } from '../repository/docs';
import { balancesOf, unitEntries } from './balances';
import type { CashReceiptDoc, DepositDoc, ExpenseDoc } from './documents';
import { HEAD_ID, type BalanceDoc, type HeadDoc } from './store';
import { depositView, entryView, expenseView, receiptView, standingView } from './views';

/**
 * What members read: the overview from the chain head and a few balances (never by summing
 * entries), entries and units a page at a time with a flat number of requests per page.
 */

export async function overview(ctx: UseCaseContext): Promise<LedgerOverviewView> {
  const head = await docs(ctx.db).get<HeadDoc>('ledgerHead', HEAD_ID);
  const balances = await balancesOf(['assessments', 'expenses', 'collection'], ctx.db);
  const targetFen = -(balances.get('assessments')?.postedFen ?? 0);
  const collectedFen = head?.collectedFen ?? 0;
  const percent = percentOf(collectedFen, targetFen);
  const units = head?.units ?? { paid: 0, partly: 0, unpaid: 0 };
  return {
    targetFen,
    targetText: yuanText(targetFen),
    collectedFen,
    collectedText: yuanText(collectedFen),
    percent,
    percentText: `${percent.toFixed(1)}%`,
    units: { ...units, charged: units.paid + units.partly + units.unpaid },
    pendingCashFen: head?.pendingPaidFen ?? 0,
    expensesFen: balances.get('expenses')?.postedFen ?? 0,
    availableFen: balances.get('collection')?.postedFen ?? 0,
    entryCount: head?.seq ?? 0,
    headHash: head?.hash ?? GENESIS_HASH,
    updatedAt: head?.updatedAt ?? null,
  };
}

async function unitNosOf(
  db: Db,
  unitIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(unitIds.filter((u): u is string => u !== null))];
  if (!ids.length) return new Map();
  const units = await find<Unit>(db, 'units', { _id: db.command.in(ids) }, { limit: 1000 });
  return new Map(units.map((u) => [u._id, u.unitNo]));
}

export async function entriesPage(
  request: EntriesRequest,
  ctx: UseCaseContext,
): Promise<EntriesPageView> {
  const limit = request.limit ?? 20;
  const where =
    request.beforeSeq === undefined ? {} : { seq: ctx.db.command.lt(request.beforeSeq) };
  const [page, head] = await Promise.all([
    find<EntryDoc>(ctx.db, 'entries', where, { orderBy: ['seq', 'desc'], limit }),
    docs(ctx.db).get<HeadDoc>('ledgerHead', HEAD_ID),
  ]);
  const unitNos = await unitNosOf(
    ctx.db,
    page.map((e) => e.unitId),
  );
  const last = page[page.length - 1];
  return {
    entries: page.map((e) => entryView(e, unitNos)),
    nextBeforeSeq: last && last.seq > 1 && page.length === limit ? last.seq : null,
    headHash: head?.hash ?? GENESIS_HASH,
    entryCount: head?.seq ?? 0,
  };
}

function firstOwnerName(
  unit: Unit | undefined,
  people: ReadonlyMap<string, Person>,
): string | null {
  const owner = unit?.ownerIds[0];
  return owner ? (people.get(owner)?.name ?? null) : null;
}

export async function unitsPage(
  request: UnitsRequest,
  ctx: UseCaseContext,
): Promise<UnitsPageView> {
  const limit = request.limit ?? 50;
  const where: Record<string, unknown> = { kind: 'unit', status: request.status };
  if (request.after !== undefined) where.unitId = ctx.db.command.gt(request.after);
  const page = await find<BalanceDoc>(ctx.db, 'balances', where, {
    orderBy: ['unitId', 'asc'],
    limit,
  });
  const ids = page.map((b) => b.unitId ?? '');
  const units = ids.length
    ? await find<Unit>(ctx.db, 'units', { _id: ctx.db.command.in(ids) }, { limit: 1000 })
    : [];
  const byId = new Map(units.map((u) => [u._id, u]));
  const ownerIds = units.map((u) => u.ownerIds[0]).filter((p): p is string => p !== undefined);
  const people = ownerIds.length
    ? await find<Person>(ctx.db, 'people', { _id: ctx.db.command.in(ownerIds) }, { limit: 1000 })
    : [];
  const peopleById = new Map(people.map((p) => [p._id, p]));
  const last = page[page.length - 1];
  return {
    units: page.map((b) => {
      const unit = byId.get(b.unitId ?? '');
      return standingView({
        unitId: b.unitId ?? '',
        unitNo: unit?.unitNo ?? b.unitId ?? '',
        ownerName: firstOwnerName(unit, peopleById),
        postedFen: b.postedFen,
        pendingFen: b.pendingFen,
        chargedFen: b.chargedFen,
        status: b.status ?? 'none',
      });
    }),
    nextAfter: last && page.length === limit ? last.unitId : null,
  };
}

export async function unitLedger(
  request: { unitId: string },
  ctx: UseCaseContext,
): Promise<UnitLedgerView> {
  const unit = await docs(ctx.db).get<Unit>('units', request.unitId);
  if (!unit) throw new AppError('NOT_FOUND', `没有找到房屋 ${request.unitId}`);
  const account = unitAccount(unit._id);
  const [balances, entries] = await Promise.all([
    balancesOf([account], ctx.db),
    unitEntries(unit._id, ctx.db),
  ]);
  const owner = unit.ownerIds[0]
    ? await docs(ctx.db).get<Person>('people', unit.ownerIds[0])
    : null;
  const b = balances.get(account) ?? { postedFen: 0, pendingFen: 0, chargedFen: 0 };
  const chargedFen = b.chargedFen ?? 0;
  const status =
    chargedFen <= 0
      ? 'none'
      : b.postedFen <= 0
        ? 'paid'
        : b.postedFen < chargedFen
          ? 'partly'
          : 'unpaid';
  const unitNos = new Map([[unit._id, unit.unitNo]]);
  return {
    unit: standingView({
      unitId: unit._id,
      unitNo: unit.unitNo,
      ownerName: owner?.name ?? null,
      postedFen: b.postedFen,
      pendingFen: b.pendingFen,
      chargedFen,
      status,
    }),
    entries: entries.map((e) => entryView(e, unitNos)),
  };
}

/** The funds side records payments it could not credit here; absent until it has any. */
const ANOMALIES = 'payAnomalies';

async function anomalies(db: Db): Promise<AnomalyView[]> {
  try {
    const rows = await find<Record<string, unknown>>(
      db,
      ANOMALIES as CollectionName,
      {},
      { limit: 100 },
    );
    return rows.map((r) => ({
      id: String(r._id),
      at: typeof r.at === 'string' ? r.at : '',
      summary:
        typeof r.summary === 'string'
          ? r.summary
          : typeof r.reason === 'string'
            ? r.reason
            : '待核查的支付',
      amountFen:
        typeof r.amountFen === 'number'
          ? r.amountFen
          : typeof r.totalFee === 'number'
            ? r.totalFee
            : null,
    }));
  } catch (error) {
    const text = error instanceof Error ? error.message : JSON.stringify(error);
    if (/-502005|not exist/i.test(text)) return [];
    throw error;
  }
}

export async function treasurerQueue(ctx: UseCaseContext): Promise<TreasurerQueueView> {
  const [cash, deposits, expenses, anomalyList] = await Promise.all([
    find<CashReceiptDoc>(
      ctx.db,
      'cashReceipts',
      { settlement: 'pending' },
      { orderBy: ['receivedAt', 'asc'], limit: 500 },
    ),
    find<DepositDoc>(
      ctx.db,
      'cashDeposits',
      { status: 'pending' },
      { orderBy: ['recordedAt', 'asc'], limit: 200 },
    ),
    find<ExpenseDoc>(
      ctx.db,
      'expenses',
      { status: 'proposed' },
      { orderBy: ['proposedAt', 'asc'], limit: 200 },
    ),
    anomalies(ctx.db),
  ]);
  const pendingCash = cash.map((c) => receiptView(c, ctx.now));
  return {
    pendingCash,
    overdueCount: pendingCash.filter((c) => c.overdue).length,
    depositsAwaiting: deposits.map(depositView),
    expensesAwaiting: expenses.map(expenseView),
    anomalies: anomalyList.sort((a, b) => (a.at < b.at ? 1 : -1)),
  };
}
