/**
 * The reminder clocks of the money and progress areas at an injected `now`: which charges are
 * due (3 days before, then once per overdue week, only while the unit owes), who pays for a unit,
 * which posted receipts and progress updates are still news — and that a simulated scheduler
 * ticking every ten minutes for three weeks produces each message key once.
 */
import { payersOf } from '../../core/reminders/payers';
import { newUpdateReminders, updateKey } from '../../core/reminders/progressUpdate';
import { postedReceiptReminders, receiptKey } from '../../core/reminders/receiptPosted';
import { dueShares, shareDueKey, shareDuePhase } from '../../core/reminders/shareDue';
import type { Member, ProxyGrant } from '../../core/registry/model';
import { shanghaiIso } from '../../core/registry/time';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Friday 2026-12-04, 09:00 in Shanghai. */
const T0 = Date.parse('2026-12-04T09:00:00+08:00');

const charge = (dueDate: string, unitId = 'u-1201') => ({
  _id: `s1:${unitId}`,
  unitId,
  unitNo: '12-01',
  dueDate,
  decisionId: 'd1',
});

describe('shareDue', () => {
  it('is due from 3 days before the due date, then once per overdue week', () => {
    expect(shareDuePhase('2026-12-08', T0)).toBeNull();
    expect(shareDuePhase('2026-12-07', T0)).toBe('soon');
    expect(shareDuePhase('2026-12-04', T0)).toBe('soon');
    // Just before midnight Shanghai time is still the due day.
    expect(shareDuePhase('2026-12-04', Date.parse('2026-12-04T23:59:00+08:00'))).toBe('soon');
    expect(shareDuePhase('2026-12-03', T0)).toBe('overdue-0');
    expect(shareDuePhase('2026-11-27', T0)).toBe('overdue-0');
    expect(shareDuePhase('2026-11-26', T0)).toBe('overdue-1');
  });

  it('reminds only units that still owe, with what is left and the due date', () => {
    const left = new Map([
      ['u-1201', 123456],
      ['u-1202', 0],
      ['u-1203', -500],
    ]);
    const due = dueShares({
      charges: [
        charge('2026-12-06'),
        charge('2026-12-06', 'u-1202'),
        charge('2026-12-06', 'u-1203'),
        charge('2026-12-30', 'u-1204'),
      ],
      leftFen: left,
      now: T0,
    });
    expect(due).toEqual([
      expect.objectContaining({
        chargeId: 's1:u-1201',
        phase: 'soon',
        data: {
          thing1: { value: '12-01换梯分摊款' },
          amount2: { value: '¥1234.56' },
          time3: { value: '2026年12月6日' },
        },
      }),
    ]);
  });

  it('sends each key once over three weeks of ten-minute ticks: soon, then weekly while overdue', () => {
    const keys = new Set<string>();
    let attempts = 0;
    for (let t = T0; t < T0 + 21 * DAY; t += 10 * 60_000) {
      for (const r of dueShares({
        charges: [charge('2026-12-06')],
        leftFen: new Map([['u-1201', 100]]),
        now: t,
      })) {
        attempts += 1;
        keys.add(shareDueKey(r, 'o1'));
      }
    }
    expect(attempts).toBeGreaterThan(1000);
    expect([...keys]).toEqual(
      ['s1:u-1201:soon', 's1:u-1201:overdue-0', 's1:u-1201:overdue-1', 's1:u-1201:overdue-2'].map(
        (k) => `shareDue:${k}:o1`,
      ),
    );
  });
});

describe('payers of a unit', () => {
  const unit = { _id: 'u-1201', ownerIds: ['p-owner'], transfer: null };
  const member = (
    openid: string,
    personId: string,
  ): Pick<Member, 'openid' | 'personId' | 'links'> => ({
    openid,
    personId,
    links: [],
  });
  const proxy = (over: Partial<ProxyGrant>): ProxyGrant => ({
    _id: 'px',
    buildingId: 'b',
    unitIds: ['u-1201'],
    ownerPersonId: 'p-owner',
    grantedBy: 'o-owner',
    source: 'wechat',
    proxyName: '代理人',
    proxyOpenid: 'o-proxy',
    proxyPersonId: null,
    scope: { vote: false, pay: true, decisionId: null },
    validUntil: '2027-12-31',
    status: 'active',
    tokenHash: null,
    tokenExpiresAt: null,
    evidenceFileId: null,
    createdAt: shanghaiIso(T0 - DAY),
    acceptedAt: shanghaiIso(T0 - DAY),
    revokedAt: null,
    revokedBy: null,
    ...over,
  });
  const members = [
    member('o-owner', 'p-owner'),
    member('o-proxy', 'p-proxy'),
    member('o-resident', 'p-resident'),
  ];

  it('are its owners and proxies allowed to pay, for the decision of the charge', () => {
    expect(payersOf({ unit, decisionId: 'd1', members, proxies: [proxy({})], now: T0 })).toEqual([
      'o-owner',
      'o-proxy',
    ]);
    const voteOnly = proxy({ scope: { vote: true, pay: false, decisionId: null } });
    expect(payersOf({ unit, decisionId: 'd1', members, proxies: [voteOnly], now: T0 })).toEqual([
      'o-owner',
    ]);
    const otherDecision = proxy({ scope: { vote: false, pay: true, decisionId: 'd2' } });
    expect(
      payersOf({ unit, decisionId: 'd1', members, proxies: [otherDecision], now: T0 }),
    ).toEqual(['o-owner']);
    expect(
      payersOf({ unit, decisionId: null, members, proxies: [otherDecision], now: T0 }),
    ).toEqual(['o-owner', 'o-proxy']);
    const expired = proxy({ validUntil: '2026-12-03' });
    expect(payersOf({ unit, decisionId: 'd1', members, proxies: [expired], now: T0 })).toEqual([
      'o-owner',
    ]);
  });
});

describe('receiptPosted and progressUpdate', () => {
  it('tell of receipts posted in the last 48 hours only', () => {
    const receipt = (id: string, settlement: string, settledAt: string | null) => ({
      _id: id,
      unitId: 'u-1201',
      unitNo: '12-01',
      amountFen: 5000000,
      settlement,
      settledAt,
    });
    const news = postedReceiptReminders(
      [
        receipt('receipt:1', 'posted', shanghaiIso(T0 - HOUR)),
        receipt('receipt:2', 'posted', shanghaiIso(T0 - 49 * HOUR)),
        receipt('receipt:3', 'voided', shanghaiIso(T0 - HOUR)),
        receipt('receipt:4', 'pending', null),
      ],
      T0,
    );
    expect(news).toEqual([
      {
        receiptId: 'receipt:1',
        unitId: 'u-1201',
        page: 'pages/ledger/index',
        data: {
          thing1: { value: '12-01现金收据已入账' },
          amount2: { value: '¥50000.00' },
          time3: { value: '2026年12月4日 08:00' },
        },
      },
    ]);
    expect(receiptKey(news[0] ?? { receiptId: '' }, 'o1')).toBe('receiptPosted:receipt:1:o1');
  });

  it('tell of progress updates from the last 48 hours, the text cut to fit', () => {
    const update = (id: string, ms: number) => ({
      _id: id,
      stage: 'installation' as const,
      text: '新电梯导轨安装完成，\n下周开始安装轿厢与对重，请住户注意安全',
      postedAt: shanghaiIso(ms),
    });
    const news = newUpdateReminders(
      [update('pu-1', T0 - 47 * HOUR), update('pu-2', T0 - 49 * HOUR), update('pu-3', T0 + HOUR)],
      T0,
    );
    expect(news.map((n) => n.updateId)).toEqual(['pu-1']);
    expect(news[0]?.page).toBe('pages/progress-update/index?id=pu-1');
    expect([...(news[0]?.data.thing2?.value ?? '')].length).toBeLessThanOrEqual(20);
    expect(news[0]?.data.thing1?.value).toMatch(/有新进展$/);
    expect(updateKey(news[0] ?? { updateId: '' }, 'o1')).toBe('progressUpdate:pu-1:o1');
  });
});
