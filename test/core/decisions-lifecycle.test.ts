/**
 * The life of a decision with `now` passed in: draft → notice (≥ 15 days) → open → closed →
 * preliminary → objection period → final, and every step refused out of turn or out of time.
 */
import dayjs from 'dayjs';
import {
  type Decision,
  type Transition,
  closeVoting,
  editDraft,
  earliestOpening,
  extendDeadline,
  newDecision,
  openVoting,
  postNotice,
  publishFinal,
  publishPreliminary,
  votingWindow,
  withdrawNotice,
} from '../../core/decisions';
import { PLANS, draftFields, electorateOf, units } from './decisions-fixtures';

const POSTED = '2026-12-01T09:00:00+08:00';
const ELECTORATE = electorateOf(units(10, 100000));

function ok(t: Transition): Decision {
  if (!t.ok) throw new Error(`${t.refusal.code}: ${t.refusal.message}`);
  return t.decision;
}

function draft(overrides = {}): Decision {
  return ok(
    newDecision({
      id: 'd1',
      buildingId: 'b1',
      createdBy: 'organizer',
      now: '2026-11-28T10:00:00+08:00',
      fields: draftFields(overrides),
    }),
  );
}

const RESULT = {
  counters: { voted: { owners: 0, area: 0 }, choices: {} },
  passed: false,
  winner: null,
};

describe('draft and notice', () => {
  it('starts as a draft with its instants in Shanghai time', () => {
    const d = draft({ opensAt: '2026-12-17T01:00:00Z' });
    expect(d).toMatchObject({
      status: 'draft',
      createdAt: '2026-11-28T10:00:00+08:00',
      opensAt: '2026-12-17T09:00:00+08:00',
      noticeDays: 15,
      objectionDays: 7,
    });
  });

  it('refuses a draft without a title, with a bad notice period or a bad time', () => {
    const bad = newDecision({
      id: 'd1',
      buildingId: 'b1',
      createdBy: 'o',
      now: POSTED,
      fields: draftFields({ title: ' ', noticeDays: 0, closesAt: 'next friday' }),
    });
    expect(bad).toMatchObject({ ok: false, refusal: { code: 'INVALID' } });
    if (bad.ok) return;
    expect(bad.refusal.message).toContain('标题');
    expect(bad.refusal.message).toContain('公示天数');
    expect(bad.refusal.message).toContain('closesAt');
  });

  it('posts the notice only when voting starts at least 15 days later', () => {
    // 15 days after 2026-12-01 09:00 is 2026-12-16 09:00.
    expect(earliestOpening(POSTED, 15)).toBe('2026-12-16T09:00:00+08:00');
    const exact = ok(postNotice(draft({ opensAt: '2026-12-16T09:00:00+08:00' }), POSTED));
    expect(exact).toMatchObject({ status: 'notice', noticePostedAt: POSTED });
    const early = postNotice(draft({ opensAt: '2026-12-16T08:59:59+08:00' }), POSTED);
    expect(early).toMatchObject({ ok: false, refusal: { code: 'TOO_EARLY' } });
  });

  it('honours a configured notice period', () => {
    const d = draft({ noticeDays: 20, opensAt: '2026-12-20T09:00:00+08:00' });
    expect(postNotice(d, POSTED)).toMatchObject({ ok: false, refusal: { code: 'TOO_EARLY' } });
    expect(ok(postNotice({ ...d, opensAt: '2026-12-21T09:00:00+08:00' }, POSTED)).status).toBe(
      'notice',
    );
  });

  it('will not post an unfit question, a missing window, or a deadline before the start', () => {
    const plans = draft({ question: { ...PLANS, plans: PLANS.plans.slice(0, 1) } });
    expect(postNotice(plans, POSTED)).toMatchObject({ ok: false, refusal: { code: 'INVALID' } });
    expect(postNotice(draft({ closesAt: null }), POSTED)).toMatchObject({ ok: false });
    const backwards = draft({ closesAt: '2026-12-17T08:00:00+08:00' });
    expect(postNotice(backwards, POSTED)).toMatchObject({
      ok: false,
      refusal: { code: 'INVALID' },
    });
    const [a, , c] = PLANS.plans;
    if (!a || !c) throw new Error('fixture has three plans');
    const misLettered = draft({ question: { ...PLANS, plans: [a, c] } });
    expect(postNotice(misLettered, POSTED)).toMatchObject({ ok: false });
  });

  it('freezes what was posted: no edits in notice; withdrawing restarts the notice clock', () => {
    const posted = ok(postNotice(draft(), POSTED));
    expect(editDraft(posted, { title: 'changed' }, POSTED)).toMatchObject({
      ok: false,
      refusal: { code: 'WRONG_STATUS' },
    });
    const back = ok(withdrawNotice(posted, '2026-12-02T09:00:00+08:00'));
    expect(back).toMatchObject({ status: 'draft', noticePostedAt: null });
    const edited = ok(editDraft(back, { title: '电梯更换方案表决（修订）' }, POSTED));
    expect(edited.title).toBe('电梯更换方案表决（修订）');
    // Re-posted on 12-05, voting on 12-17 no longer leaves 15 days.
    expect(postNotice(edited, '2026-12-05T09:00:00+08:00')).toMatchObject({
      ok: false,
      refusal: { code: 'TOO_EARLY' },
    });
  });
});

describe('voting', () => {
  const posted = () => ok(postNotice(draft(), POSTED));

  it('opens at the announced start, not before, and freezes the electorate', () => {
    expect(openVoting(posted(), '2026-12-17T08:59:59+08:00', ELECTORATE)).toMatchObject({
      ok: false,
      refusal: { code: 'TOO_EARLY' },
    });
    const open = ok(openVoting(posted(), '2026-12-17T09:00:00+08:00', ELECTORATE));
    expect(open).toMatchObject({ status: 'open', openedAt: '2026-12-17T09:00:00+08:00' });
    expect(open.electorate).toEqual(ELECTORATE);
    expect(votingWindow(open, '2026-12-20T12:00:00+08:00')).toBe('open');
  });

  it('never opens a draft, nor after the announced deadline', () => {
    expect(openVoting(draft(), '2026-12-20T09:00:00+08:00', ELECTORATE)).toMatchObject({
      refusal: { code: 'WRONG_STATUS' },
    });
    expect(openVoting(posted(), '2026-12-31T18:00:00+08:00', ELECTORATE)).toMatchObject({
      refusal: { code: 'TOO_LATE' },
    });
  });

  it('closes at the deadline, not before; an unclosed decision past it takes no ballots', () => {
    const open = ok(openVoting(posted(), '2026-12-17T09:00:00+08:00', ELECTORATE));
    expect(closeVoting(open, '2026-12-31T17:59:59+08:00')).toMatchObject({
      refusal: { code: 'TOO_EARLY' },
    });
    expect(votingWindow(open, '2026-12-31T18:00:00+08:00')).toBe('ended');
    const closed = ok(closeVoting(open, '2026-12-31T18:00:00+08:00'));
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-12-31T18:00:00+08:00' });
    expect(votingWindow(closed, '2026-12-20T09:00:00+08:00')).toBe('ended');
  });

  it('extends a running deadline later only', () => {
    const open = ok(openVoting(posted(), '2026-12-17T09:00:00+08:00', ELECTORATE));
    const later = ok(
      extendDeadline(open, '2026-12-30T09:00:00+08:00', '2027-01-05T18:00:00+08:00'),
    );
    expect(later.closesAt).toBe('2027-01-05T18:00:00+08:00');
    expect(
      extendDeadline(open, '2026-12-30T09:00:00+08:00', '2026-12-30T18:00:00+08:00'),
    ).toMatchObject({
      refusal: { code: 'INVALID' },
    });
    expect(
      extendDeadline(open, '2026-12-31T18:00:00+08:00', '2027-01-05T18:00:00+08:00'),
    ).toMatchObject({
      refusal: { code: 'TOO_LATE' },
    });
  });
});

describe('results', () => {
  const closed = () =>
    ok(
      closeVoting(
        ok(openVoting(ok(postNotice(draft(), POSTED)), '2026-12-17T09:00:00+08:00', ELECTORATE)),
        '2026-12-31T18:00:00+08:00',
      ),
    );

  it('posts the preliminary result with an objection period, then the final one after it', () => {
    const prelim = ok(publishPreliminary(closed(), '2027-01-02T10:00:00+08:00', RESULT));
    expect(prelim).toMatchObject({
      status: 'preliminary',
      preliminaryAt: '2027-01-02T10:00:00+08:00',
      objectionEndsAt: '2027-01-09T10:00:00+08:00',
      result: { ...RESULT, at: '2027-01-02T10:00:00+08:00' },
    });
    expect(publishFinal(prelim, '2027-01-09T09:59:59+08:00')).toMatchObject({
      refusal: { code: 'TOO_EARLY' },
    });
    const final = ok(publishFinal(prelim, dayjs('2027-01-09T10:00:00+08:00')));
    expect(final).toMatchObject({ status: 'final', finalAt: '2027-01-09T10:00:00+08:00' });
  });

  it('refuses every step out of turn', () => {
    const open = ok(
      openVoting(ok(postNotice(draft(), POSTED)), '2026-12-17T09:00:00+08:00', ELECTORATE),
    );
    expect(publishPreliminary(open, '2027-01-02T10:00:00+08:00', RESULT)).toMatchObject({
      refusal: { code: 'WRONG_STATUS' },
    });
    expect(publishFinal(closed(), '2027-02-01T10:00:00+08:00')).toMatchObject({
      refusal: { code: 'WRONG_STATUS' },
    });
    expect(postNotice(open, POSTED)).toMatchObject({ refusal: { code: 'WRONG_STATUS' } });
    expect(withdrawNotice(open, POSTED)).toMatchObject({ refusal: { code: 'WRONG_STATUS' } });
    expect(closeVoting(closed(), '2027-02-01T10:00:00+08:00')).toMatchObject({
      refusal: { code: 'WRONG_STATUS' },
    });
  });
});
