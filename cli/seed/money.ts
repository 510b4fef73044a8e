import { createHash } from 'node:crypto';
import { chargeTransfer, newCharge, paymentTransfer } from '../../core/funds/charges';
import {
  type Charge,
  type PayLink,
  type PayOrder,
  type Payer,
  type Scheme,
  type SchemeLinkDoc,
  paymentTransferId,
  schemeLinkId,
} from '../../core/funds/model';
import { newOutTradeNo } from '../../core/funds/payments';
import { areaInputOf } from '../../core/funds/schemes';
import { splitCost } from '../../core/funds/split';
import { cashAccount, unitAccount } from '../../core/ledger/accounts';
import type { TransferRequest } from '../../core/ledger/transfers';
import { byRoom } from '../../core/registry/lastMile';
import type { Member, Person, ProxyGrant, Unit } from '../../core/registry/model';
import { addDays, shanghaiIso } from '../../core/registry/time';
import { DEFAULT_ENV_ID } from '../../localcloud/sdkEnv';
import { buildFileId } from '../../localcloud/storage/fileIds';
import type { CashReceiptDoc, ExpenseDoc, FundAccountDoc } from '../../server/ledger/documents';
import { ledgerDocs, type LedgerSeedDocs, type Posting } from '../../server/ledger/seedDocs';
import { reportPhoto } from './photos';

/**
 * Money in motion for the demo building. Plan A of the elevator vote carried the area scheme;
 * three weeks ago the charges were issued from it (due in two weeks), and since then about two
 * thirds of the ¥980,000 came in through every channel, in order of time: WeChat Pay by owners
 * (one paid by her son), pay links used by the relatives of owners abroad, cash at the door
 * posted by the treasurer, cash still awaiting the treasurer, and one cash receipt voided with a
 * reason and written again. The contractor's deposit was paid from the collection last week.
 * Beside it, the maintenance fund's rows: most flats below the 30 % red line.
 *
 * The ledger documents come from the same builders the use cases post with (server/ledger/seedDocs.ts).
 */
export const DEMO_SCHEME_ID = 's-elevator-area';
export const PLAN_DECISION_ID = 'd-elevator-plan';
const TOTAL_FEN = 98_000_000;
const DEPOSIT_FEN = 19_600_000;
const SUB_MCH_ID = '1900000109';
/** Owners abroad whose relatives pay through a link the owner shared. */
const LINK_FLATS = ['5-02', '9-04', '12-06', '16-01'];
/** Owners away whose relatives have not used a link yet. */
const LINK_NOT_YET = ['18-03', '14-02'];
/** The owner whose son pays for her by WeChat. */
const SON_PAYS_FLAT = '3-05';
/** Elderly owners the cash desk has not visited yet: their share is still open. */
const NOT_VISITED = ['13-01', '22-04'];
const NO_SMARTPHONE = ['2-03', '2-05', '4-01', '6-02', '10-04', '13-01', '17-06', '20-02', '22-04'];

export interface DemoMoney {
  collections: LedgerSeedDocs & {
    schemes: Scheme[];
    schemeLinks: SchemeLinkDoc[];
    charges: Charge[];
    payOrders: PayOrder[];
    payLinks: PayLink[];
    cashReceipts: CashReceiptDoc[];
    cashDeposits: never[];
    expenses: ExpenseDoc[];
    fundAccounts: FundAccountDoc[];
    payAnomalies: never[];
  };
  files: Record<string, Buffer>;
}

type Channel = 'wechat' | 'link' | 'cash-posted' | 'cash-pending' | 'partial' | 'none';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function demoMoney(input: {
  buildingId: string;
  units: readonly Unit[];
  people: readonly Person[];
  members: readonly Member[];
  proxies: readonly ProxyGrant[];
  organizerOpenid: string;
  now: number;
}): DemoMoney {
  const { buildingId, now } = input;
  const at = (day: number, hour: number, minute = 0): number =>
    Date.parse(
      `${addDays(now, day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`,
    );
  const iso = (ms: number): string => shanghaiIso(ms);
  const files: Record<string, Buffer> = {};
  const photo = (path: string): string => {
    files[path] = reportPhoto();
    return buildFileId(DEFAULT_ENV_ID, path);
  };
  const member = (openid: string): Member => {
    const m = input.members.find((x) => x.openid === openid);
    if (!m) throw new Error(`demo money: no member ${openid}`);
    return m;
  };
  const organizer = member(input.organizerOpenid);
  const treasurer = member('demo-treasurer');
  const staff = [member('demo-staff1'), member('demo-staff2')];
  const nameOf = (personId: string | undefined): string =>
    input.people.find((p) => p._id === personId)?.name ?? '业主';
  const ownerMember = (unit: Unit): Member | undefined =>
    input.members.find((m) => m.roles.includes('owner') && m.personId === unit.ownerIds[0]);

  const units = [...input.units].sort(byRoom);
  const shares = splitCost(
    areaInputOf(
      TOTAL_FEN,
      units.map((u) => ({
        unitId: u._id,
        unitNo: u.unitNo,
        floor: u.floor,
        areaHundredths: u.areaHundredths,
      })),
    ),
  );
  const issuedAt = at(-21, 10);
  const dueDate = addDays(now, 14);
  const scheme: Scheme = {
    _id: DEMO_SCHEME_ID,
    buildingId,
    title: '换梯费用按专有面积分摊',
    method: 'area',
    totalFen: TOTAL_FEN,
    coefficients: {},
    exemptions: [],
    link: { decisionId: PLAN_DECISION_ID, planKey: 'A' },
    createdBy: organizer.openid,
    createdAt: iso(at(-65, 9)),
    updatedAt: iso(issuedAt),
    chargedUnits: 0,
    chargedFen: 0,
  };
  const charges: Charge[] = [];
  units.forEach((u, i) => {
    const fen = shares[i]?.fen ?? 0;
    if (fen <= 0) return;
    charges.push(
      newCharge({
        scheme,
        unit: { unitId: u._id, unitNo: u.unitNo },
        fen,
        dueDate,
        at: iso(issuedAt),
        by: organizer.openid,
      }),
    );
  });
  scheme.chargedUnits = charges.length;
  scheme.chargedFen = charges.reduce((s, c) => s + c.fen, 0);

  // Everything that moves money after the charges, each at its own instant.
  const events: Array<{ ms: number; requests: TransferRequest[] }> = [
    { ms: issuedAt, requests: charges.map((c) => chargeTransfer(c, scheme.title)) },
  ];
  const payOrders: PayOrder[] = [];
  const payLinks: PayLink[] = [];
  const receipts: CashReceiptDoc[] = [];
  let receiptSerial = 0;
  const wechat = (
    unit: Unit,
    fen: number,
    paidMs: number,
    payer: Payer,
    link: PayLink | null,
  ): void => {
    const h = digest(`demo-pay:${unit._id}:${paidMs}`);
    const transactionId = `4200${iso(paidMs).slice(0, 10).replace(/-/g, '')}${BigInt(
      `0x${h.subarray(0, 8).toString('hex')}`,
    )
      .toString()
      .padStart(20, '0')
      .slice(0, 16)}`;
    const createdMs = paidMs - 2 * 60_000;
    const order: PayOrder = {
      _id: newOutTradeNo(createdMs, h.subarray(8, 20)),
      buildingId,
      unitId: unit._id,
      unitNo: unit.unitNo,
      amountFen: fen,
      channel: link ? 'pay-link' : 'wechat',
      payer,
      linkId: link?._id ?? null,
      subMchId: SUB_MCH_ID,
      status: 'paid',
      createdAt: iso(createdMs),
      createdMs,
      paidAt: iso(paidMs),
      transactionId,
      transferId: paymentTransferId(transactionId),
    };
    payOrders.push(order);
    events.push({ ms: paidMs, requests: [paymentTransfer(order, transactionId)] });
  };
  const cash = (
    unit: Unit,
    fen: number,
    receivedMs: number,
    settle: { ms: number; voidReason?: string } | null,
  ): void => {
    receiptSerial += 1;
    const receiptNo = `XJ${String(receiptSerial).padStart(4, '0')}`;
    const by = staff[receiptSerial % 2] as Member;
    const holder = cashAccount(by.personId || by.openid);
    const recordedMs = receivedMs + 30 * 60_000;
    const transferId = `cash:${receiptNo}`;
    const base = {
      kind: 'cash' as const,
      from: unitAccount(unit._id),
      to: holder,
      amountFen: fen,
      unitId: unit._id,
      channel: 'cash' as const,
      refs: { receiptNo },
    };
    const payerName = nameOf(unit.ownerIds[0]);
    events.push({
      ms: recordedMs,
      requests: [
        {
          ...base,
          id: transferId,
          pending: true,
          payer: { name: payerName },
          memo: `现金收据 ${receiptNo}`,
        },
      ],
    });
    const doc: CashReceiptDoc = {
      _id: `receipt:${receiptNo}`,
      receiptNo,
      unitId: unit._id,
      unitNo: unit.unitNo,
      amountFen: fen,
      receivedAt: iso(receivedMs),
      photoFileId: photo(`ledger/cash/${receiptNo}.png`),
      payerName,
      recordedBy: by.openid,
      recordedByPerson: by.personId || null,
      recordedByLabel: by.label,
      recordedAt: iso(recordedMs),
      holder,
      transferId,
      settlement: 'pending',
      settledBy: null,
      settledAt: null,
      voidReason: null,
      depositId: null,
    };
    if (settle) {
      const voiding = settle.voidReason !== undefined;
      events.push({
        ms: settle.ms,
        requests: [
          voiding
            ? {
                ...base,
                id: `${transferId}:void`,
                voidPendingId: transferId,
                memo: `作废现金收据 ${receiptNo}：${settle.voidReason ?? ''}`,
              }
            : {
                ...base,
                id: `${transferId}:post`,
                postPendingId: transferId,
                memo: `出纳确认现金收据 ${receiptNo}`,
              },
        ],
      });
      Object.assign(doc, {
        settlement: voiding ? 'voided' : 'posted',
        settledBy: treasurer.openid,
        settledAt: iso(settle.ms),
        voidReason: voiding ? (settle.voidReason ?? null) : null,
      });
    }
    receipts.push(doc);
  };

  const channelOf = (unit: Unit, i: number): Channel => {
    if (LINK_FLATS.includes(unit.unitNo)) return 'link';
    if (unit.unitNo === SON_PAYS_FLAT) return 'wechat';
    const r = (i * 61 + 7) % 100;
    const online = ownerMember(unit) !== undefined && !NO_SMARTPHONE.includes(unit.unitNo);
    if (NOT_VISITED.includes(unit.unitNo) || LINK_NOT_YET.includes(unit.unitNo)) return 'none';
    if (!online) return r < 60 ? 'cash-posted' : r < 75 ? 'cash-pending' : 'none';
    if (r < 54) return 'wechat';
    if (r < 62) return 'cash-posted';
    if (r < 66) return 'cash-pending';
    if (r < 70) return 'partial';
    return 'none';
  };
  let voided = false;
  units.forEach((unit, i) => {
    const fen = shares[i]?.fen ?? 0;
    if (fen <= 0) return;
    const day = -20 + ((i * 7) % 18); // -20 … -3
    const paidMs = at(day, 8 + ((i * 5) % 13), (i * 13) % 60);
    const channel = channelOf(unit, i);
    const owner = ownerMember(unit);
    const ownerPayer: Payer = {
      openid: owner?.openid ?? '',
      personId: owner?.personId ?? null,
      name: nameOf(unit.ownerIds[0]),
    };
    if (channel === 'wechat' || channel === 'partial') {
      const proxy = input.proxies.find(
        (p) => p.unitIds.includes(unit._id) && p.scope.pay && p.status === 'active',
      );
      const payer: Payer =
        unit.unitNo === SON_PAYS_FLAT && proxy?.proxyOpenid
          ? { openid: proxy.proxyOpenid, personId: proxy.proxyPersonId, name: proxy.proxyName }
          : ownerPayer;
      wechat(unit, channel === 'partial' ? Math.floor(fen / 200) * 100 : fen, paidMs, payer, null);
    } else if (channel === 'link') {
      const proxy = input.proxies.find((p) => p.unitIds.includes(unit._id));
      if (!proxy?.proxyOpenid) throw new Error(`demo money: no relative for ${unit.unitNo}`);
      const createdMs = paidMs - 3 * 3600_000;
      const id = `pl-demo-${unit.unitNo}`;
      const link: PayLink = {
        _id: id,
        tokenHash: digest(`demo-link-secret:${id}`).toString('hex'),
        buildingId,
        unitId: unit._id,
        unitNo: unit.unitNo,
        createdBy: proxy.proxyOpenid,
        createdAt: iso(createdMs),
        expiresAt: shanghaiIso(`${addDays(createdMs, 30)}T23:59:59+08:00`),
      };
      payLinks.push(link);
      wechat(
        unit,
        fen,
        paidMs,
        { openid: `demo-link-payer-${unit.unitNo}`, personId: null, name: proxy.proxyName },
        link,
      );
    } else if (channel === 'cash-posted') {
      if (!voided && day <= -6) {
        // The first receipt was written for the wrong amount: voided, then written again.
        voided = true;
        cash(unit, fen + 10_000, paidMs, {
          ms: at(day + 1, 9),
          voidReason: '收据金额多写了 100 元，已收回作废并重开收据',
        });
        cash(unit, fen, at(day + 1, 10), { ms: at(day + 2, 16) });
        return;
      }
      cash(unit, fen, paidMs, { ms: at(day + 2, 16, (i * 3) % 60) });
    } else if (channel === 'cash-pending') {
      cash(unit, fen, at(-1 - (i % 2), 9 + (i % 8), (i * 11) % 60), null);
    }
  });

  const expenseMs = at(-8, 15);
  const invoice = photo('ledger/invoices/contract-deposit.png');
  const expense: ExpenseDoc = {
    _id: 'expense-demo-deposit',
    milestone: 'deposit',
    payee: '上海申联电梯工程有限公司',
    amountFen: DEPOSIT_FEN,
    invoiceFileId: invoice,
    memo: '换梯合同定金（合同总价的 20%）',
    status: 'paid',
    proposedAt: iso(at(-9, 10)),
    proposedBy: organizer.openid,
    proposedByPerson: organizer.personId || null,
    proposedByLabel: organizer.label,
    paidAt: iso(expenseMs),
    paidBy: treasurer.openid,
    reason: null,
  };
  const collectedBefore = events
    .filter((e) => e.ms < expenseMs)
    .flatMap((e) => e.requests)
    .filter((r) => r.kind === 'payment')
    .reduce((s, r) => s + r.amountFen, 0);
  if (collectedBefore < DEPOSIT_FEN) throw new Error('demo money: deposit before enough came in');
  events.push({
    ms: expenseMs,
    requests: [
      {
        id: `pay-${expense._id}`,
        kind: 'expense',
        from: 'collection',
        to: 'expenses',
        amountFen: DEPOSIT_FEN,
        memo: `合同定金：${expense.payee}`,
        refs: { expenseId: expense._id, milestone: 'deposit' },
      },
    ],
  });
  if (events.some((e) => e.ms >= now)) throw new Error('demo money: an event in the future');
  // A stable sort: events at the same instant keep the order they were made in.
  const postings: Posting[] = events
    .map((e, order) => ({ ...e, order }))
    .sort((a, b) => a.ms - b.ms || a.order - b.order)
    .flatMap((e) => e.requests.map((request) => ({ request, at: iso(e.ms) })));

  const fundAccounts: FundAccountDoc[] = units.map((u, i) => {
    const first = u.areaHundredths * 120;
    const r = (i * 43) % 100;
    const percent = r < 82 ? 8 + (r % 20) : 32 + (r % 30);
    return {
      _id: u._id,
      unitId: u._id,
      unitNo: u.unitNo,
      firstDepositFen: first,
      balanceFen: Math.floor((first * percent) / 100),
      importedAt: iso(at(-40, 11)),
      importedBy: organizer.openid,
    };
  });

  return {
    collections: {
      schemes: [scheme],
      schemeLinks: [
        {
          _id: schemeLinkId(PLAN_DECISION_ID, 'A'),
          decisionId: PLAN_DECISION_ID,
          planKey: 'A',
          schemeId: scheme._id,
        },
      ],
      charges,
      payOrders,
      payLinks,
      cashReceipts: receipts,
      cashDeposits: [],
      expenses: [expense],
      fundAccounts,
      payAnomalies: [],
      ...ledgerDocs(postings),
    },
    files,
  };
}
