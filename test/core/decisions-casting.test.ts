/**
 * The rules of a ballot: one per person, re-cast until the deadline, the owner's own ballot over a
 * proxy's (never the reverse), paper needs its photo, only the question's choices, and receipts.
 */
import {
  type Decision,
  castBallot,
  rollHolds,
  publishedLines,
  receiptMaterial,
  shortReceipt,
} from '../../core/decisions';
import { BallotBox, PLANS, T0, openDecision, units } from './decisions-fixtures';

function box(decision?: Decision) {
  const roll = units(6, 60000);
  // p1 holds u1 and u2: one person.
  const second = roll[1];
  if (second) second.voterId = 'p1';
  return new BallotBox(decision ?? openDecision(roll), roll);
}

describe('casting', () => {
  it('keeps one ballot per person, kept under their first unit, covering all of their area', () => {
    const b = box();
    const ballot = b.must({ unitId: 'u2', choice: 'yes' });
    expect(ballot).toMatchObject({
      _id: 'd1:u1',
      unitId: 'u1',
      personKey: 'owner:p1',
      area: 20000,
      casts: 1,
      voice: 'owner',
      channel: 'online',
      photoFileId: null,
      castAt: T0,
    });
    expect(ballot.units.map((u) => u.unitId)).toEqual(['u1', 'u2']);
    expect(b.counters()).toEqual({
      voted: { owners: 1, area: 20000 },
      choices: {
        yes: { owners: 1, area: 20000 },
        no: { owners: 0, area: 0 },
        abstain: { owners: 0, area: 0 },
      },
    });
  });

  it('replaces the ballot on a re-cast and moves the counters by the change only', () => {
    const b = box();
    b.must({ unitId: 'u3', choice: 'yes' });
    const again = b.cast({ unitId: 'u3', choice: 'no' }, '2026-12-02T10:00:00+08:00');
    if (!again.ok) throw new Error(again.refusal.message);
    expect(again.delta).toEqual({
      voted: { owners: 0, area: 0 },
      choices: { yes: { owners: -1, area: -10000 }, no: { owners: 1, area: 10000 } },
    });
    expect(again.ballot).toMatchObject({ choice: 'no', casts: 2, receipt: 'receipt-2' });
    expect(b.ballots.size).toBe(1);
    expect(b.counters().voted).toEqual({ owners: 1, area: 10000 });
  });

  it('treats the same ballot cast twice as one cast: same receipt, nothing to write', () => {
    const b = box();
    const first = b.must({ unitId: 'u4', choice: 'abstain' });
    const repeat = b.cast({ unitId: 'u4', choice: 'abstain' });
    expect(repeat).toMatchObject({ ok: true, changed: false });
    if (!repeat.ok) return;
    expect(repeat.ballot.receipt).toBe(first.receipt);
    expect(b.counters().voted.owners).toBe(1);
  });

  it("lets the owner override a proxy's ballot, never the reverse", () => {
    const b = box();
    b.must({ unitId: 'u5', choice: 'no', voice: 'proxy' });
    expect(b.must({ unitId: 'u5', choice: 'yes', voice: 'owner' })).toMatchObject({
      choice: 'yes',
      voice: 'owner',
    });
    const proxyAgain = b.cast({ unitId: 'u5', choice: 'no', voice: 'proxy' });
    expect(proxyAgain).toEqual({
      ok: false,
      refusal: { code: 'OWNER_ALREADY_VOTED', message: expect.any(String) },
    });
    expect(b.counters().choices.yes).toEqual({ owners: 1, area: 10000 });
    // A proxy may change their own ballot while the owner has not voted.
    b.must({ unitId: 'u6', choice: 'yes', voice: 'proxy' });
    expect(b.must({ unitId: 'u6', choice: 'no', voice: 'proxy' }).casts).toBe(2);
  });

  it('counts a signed paper ballot as the owner’s own and needs the photo of the form', () => {
    const b = box();
    for (const photoFileId of [null, '']) {
      expect(b.cast({ unitId: 'u3', choice: 'yes', channel: 'paper', photoFileId })).toMatchObject({
        ok: false,
        refusal: { code: 'PHOTO_REQUIRED' },
      });
    }
    expect(b.ballots.size).toBe(0);
    const paper = b.must({
      unitId: 'u4',
      choice: 'yes',
      channel: 'paper',
      photoFileId: 'cloud://env/form-4.jpg',
    });
    expect(paper).toMatchObject({
      channel: 'paper',
      voice: 'owner',
      photoFileId: 'cloud://env/form-4.jpg',
    });
    expect(b.cast({ unitId: 'u4', choice: 'no', voice: 'proxy' })).toMatchObject({
      ok: false,
      refusal: { code: 'OWNER_ALREADY_VOTED' },
    });
  });

  it('refuses a choice the question does not offer', () => {
    const b = box();
    expect(b.cast({ unitId: 'u3', choice: 'A' })).toMatchObject({
      ok: false,
      refusal: { code: 'INVALID_CHOICE' },
    });
    const roll = units(3, 30000);
    const plans = new BallotBox(openDecision(roll, { question: PLANS }), roll);
    expect(plans.cast({ unitId: 'u1', choice: 'yes' })).toMatchObject({ ok: false });
    expect(plans.must({ unitId: 'u1', choice: 'C' }).choice).toBe('C');
    expect(plans.must({ unitId: 'u2', choice: 'no' }).choice).toBe('no');
  });

  it('takes ballots only while the decision is open and before its deadline', () => {
    const roll = units(3, 30000);
    const open = openDecision(roll);
    const at = (decision: Decision, now: string) =>
      castBallot({
        decision,
        person: {
          key: 'owner:p1',
          units: [{ unitId: 'u1', unitNo: '2-01', area: 10000 }],
          area: 10000,
        },
        previous: null,
        request: {
          choice: 'yes',
          voice: 'owner',
          channel: 'online',
          castBy: 'o1',
          photoFileId: null,
          salt: 's',
          receipt: 'r',
        },
        now,
      });
    expect(at(open, '2026-12-31T17:59:59+08:00').ok).toBe(true);
    expect(at(open, '2026-12-31T18:00:00+08:00')).toMatchObject({ refusal: { code: 'CLOSED' } });
    expect(at({ ...open, status: 'notice' }, T0)).toMatchObject({ refusal: { code: 'NOT_OPEN' } });
    expect(at({ ...open, status: 'draft' }, T0)).toMatchObject({ refusal: { code: 'NOT_OPEN' } });
    expect(at({ ...open, status: 'closed' }, T0)).toMatchObject({ refusal: { code: 'CLOSED' } });
    expect(at({ ...open, status: 'final' }, T0)).toMatchObject({ refusal: { code: 'CLOSED' } });
  });
});

describe('the frozen roll', () => {
  it('holds while a grouped unit stays with its person, and not once it is sold', () => {
    const b = box();
    const electorate = b.decision.electorate;
    if (!electorate) throw new Error('no electorate');
    expect(rollHolds(electorate, 'u2', 'owner:p1')).toBe(true);
    expect(rollHolds(electorate, 'u2', 'owner:p9')).toBe(false);
    // Units of one owner only are not grouped: any current owner casts their own ballot.
    expect(rollHolds(electorate, 'u3', 'owner:p9')).toBe(true);
  });
});

describe('receipts and the published list', () => {
  it('hashes one field a line, versioned, and refuses fields that could run together', () => {
    expect(receiptMaterial({ decisionId: 'd1', unitId: 'u1', choice: 'yes', salt: 'abc' })).toBe(
      'tongti-receipt-v1\nd1\nu1\nyes\nabc',
    );
    expect(() =>
      receiptMaterial({ decisionId: 'd1', unitId: 'u1\nyes', choice: 'no', salt: 'x' }),
    ).toThrow(RangeError);
    expect(shortReceipt('3f2a9c01bb4e77d0aa')).toBe('3f2a-9c01-bb4e-77d0');
  });

  it('lists every unit a ballot covers, in room order, with the ballot’s receipt and no names', () => {
    const b = box();
    b.must({ unitId: 'u2', choice: 'yes' });
    b.must({ unitId: 'u6', choice: 'no', channel: 'paper' });
    const lines = publishedLines([...b.ballots.values()]);
    expect(lines).toEqual([
      { unitNo: '2-01', area: 10000, choice: 'yes', receipt: 'receipt-1', channel: 'online' },
      { unitNo: '2-02', area: 10000, choice: 'yes', receipt: 'receipt-1', channel: 'online' },
      { unitNo: '2-06', area: 10000, choice: 'no', receipt: 'receipt-2', channel: 'paper' },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/p1|openid/);
  });
});
