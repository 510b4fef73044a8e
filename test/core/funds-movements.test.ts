import { movementsOf } from '../../core/funds/movements';
import type { LedgerEntry } from '../../core/ledger/transfers';

let seq = 0;
function entry(
  over: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'kind' | 'from' | 'to'>,
): LedgerEntry {
  seq += 1;
  return {
    seq,
    amountFen: 100_00,
    pending: false,
    postPendingId: null,
    voidPendingId: null,
    unitId: 'u1',
    channel: null,
    payer: null,
    memo: null,
    refs: {},
    at: `2026-12-0${Math.min(seq, 9)}T10:00:00+08:00`,
    prevHash: 'x',
    hash: `h${seq}`,
    ...over,
  };
}

describe("a unit's movements as its household reads them", () => {
  const charge = entry({
    id: 'charge:s:u1',
    kind: 'charge',
    from: 'assessments',
    to: 'unit:u1',
    amountFen: 1000_00,
  });
  const online = entry({
    id: 'wx:1',
    kind: 'payment',
    from: 'unit:u1',
    to: 'collection',
    channel: 'pay-link',
    payer: { openid: 'o-friend', name: '王小明（朋友）' },
  });
  const cashPosted = entry({
    id: 'cash:R1',
    kind: 'cash',
    from: 'unit:u1',
    to: 'cash:s1',
    pending: true,
    channel: 'cash',
    payer: { name: '钱大康' },
  });
  const cashPending = entry({
    id: 'cash:R2',
    kind: 'cash',
    from: 'unit:u1',
    to: 'cash:s1',
    pending: true,
    channel: 'cash',
  });
  const cashVoided = entry({
    id: 'cash:R3',
    kind: 'cash',
    from: 'unit:u1',
    to: 'cash:s1',
    pending: true,
    channel: 'cash',
  });
  const post = entry({
    id: 'cash:R1:post',
    kind: 'cash',
    from: 'unit:u1',
    to: 'cash:s1',
    postPendingId: 'cash:R1',
    channel: 'cash',
  });
  const voided = entry({
    id: 'cash:R3:void',
    kind: 'cash',
    from: 'unit:u1',
    to: 'cash:s1',
    voidPendingId: 'cash:R3',
    channel: 'cash',
  });
  const other = entry({
    id: 'charge:s:u2',
    kind: 'charge',
    from: 'assessments',
    to: 'unit:u2',
    unitId: 'u2',
  });

  const movements = movementsOf('u1', [
    charge,
    online,
    cashPosted,
    cashPending,
    cashVoided,
    post,
    voided,
    other,
  ]);

  it('lists each movement once, newest first, leaving out the treasurer’s settling entries and other units', () => {
    expect(movements.map((m) => m.transferId)).toEqual([
      'cash:R3',
      'cash:R2',
      'cash:R1',
      'wx:1',
      'charge:s:u1',
    ]);
  });

  it('names who paid and how, and which movements have a receipt', () => {
    expect(movements.find((m) => m.transferId === 'wx:1')).toMatchObject({
      kind: 'payment',
      kindLabel: '代付链接',
      payerName: '王小明（朋友）',
      statusLabel: '已入账',
      hasReceipt: true,
    });
    expect(movements.find((m) => m.transferId === 'charge:s:u1')).toMatchObject({
      kindLabel: '应缴分摊款',
      amountLabel: '¥1,000.00',
      statusLabel: '已出具',
      hasReceipt: false,
    });
  });

  it('shows cash as awaiting the treasurer until posted, and a voided receipt as void', () => {
    const byId = (id: string) => movements.find((m) => m.transferId === id);
    expect(byId('cash:R1')).toMatchObject({
      pending: false,
      statusLabel: '已入账',
      hasReceipt: true,
    });
    expect(byId('cash:R2')).toMatchObject({ pending: true, statusLabel: '现金已收，待入账' });
    expect(byId('cash:R3')).toMatchObject({
      pending: false,
      statusLabel: '已作废',
      hasReceipt: false,
    });
  });
});
