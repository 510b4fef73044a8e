/**
 * Every date a person reads is written one way, in refusals built on the server too:
 * `12月13日 12:23`, with the year only when it is not this year — never an ISO instant.
 */
import {
  type Decision,
  type Transition,
  closeVoting,
  newDecision,
  openVoting,
  postNotice,
  publishFinal,
  publishPreliminary,
} from '../../core/decisions';
import { readableAt } from '../../core/registry/time';
import { draftFields, electorateOf, units } from './decisions-fixtures';

const POSTED = '2026-12-01T09:00:00+08:00';
const ISO = /\d{4}-\d{2}-\d{2}T/;

function ok(t: Transition): Decision {
  if (!t.ok) throw new Error(`${t.refusal.code}: ${t.refusal.message}`);
  return t.decision;
}

function refusal(t: Transition): string {
  if (t.ok) throw new Error('expected a refusal');
  return t.refusal.message;
}

const draft = (overrides = {}): Decision =>
  ok(
    newDecision({
      id: 'd1',
      buildingId: 'b1',
      createdBy: 'organizer',
      now: '2026-11-28T10:00:00+08:00',
      fields: draftFields(overrides),
    }),
  );

describe('readableAt', () => {
  it('writes month, day and time in Shanghai, without the year in the same year', () => {
    expect(readableAt('2026-12-13T12:23:41+08:00', '2026-12-01T00:00:00+08:00')).toBe(
      '12月13日 12:23',
    );
    // 04:23 UTC is 12:23 in Shanghai, whatever zone the server runs in.
    expect(readableAt('2026-12-13T04:23:41Z', '2026-12-01T00:00:00+08:00')).toBe('12月13日 12:23');
  });

  it('adds the year when it is not this year, and pads the time', () => {
    expect(readableAt('2027-01-05T09:05:00+08:00', '2026-12-30T09:00:00+08:00')).toBe(
      '2027年1月5日 09:05',
    );
    // New Year's Eve in UTC is already the new year in Shanghai.
    expect(readableAt('2026-12-31T16:30:00Z', '2027-01-01T08:00:00+08:00')).toBe('1月1日 00:30');
  });
});

describe('refusals about time read like a person wrote them', () => {
  const ELECTORATE = electorateOf(units(10, 100000));
  const open = () =>
    ok(openVoting(ok(postNotice(draft(), POSTED)), '2026-12-17T09:00:00+08:00', ELECTORATE));

  it('closing before the deadline', () => {
    const message = refusal(closeVoting(open(), '2026-12-20T12:00:00+08:00'));
    expect(message).toBe('表决到 12月31日 18:00 截止，不能提前结束');
  });

  it('posting a notice too close to the start, and opening before the notice period is over', () => {
    const early = refusal(postNotice(draft({ opensAt: '2026-12-10T09:00:00+08:00' }), POSTED));
    expect(early).toContain('表决最早 12月16日 09:00 开始');
    expect(early).not.toMatch(ISO);
    const notYet = refusal(
      openVoting(ok(postNotice(draft(), POSTED)), '2026-12-16T09:00:00+08:00', ELECTORATE),
    );
    expect(notYet).not.toMatch(ISO);
    expect(notYet).toMatch(/\d+月\d+日 \d{2}:\d{2}/);
  });

  it('publishing the final result during the objection period, across the new year', () => {
    const closed = ok(closeVoting(open(), '2026-12-31T18:00:00+08:00'));
    const prelim = ok(
      publishPreliminary(closed, '2026-12-31T20:00:00+08:00', {
        counters: { voted: { owners: 0, area: 0 }, choices: {} },
        passed: false,
        winner: null,
      }),
    );
    const message = refusal(publishFinal(prelim, '2026-12-31T21:00:00+08:00'));
    expect(message).toBe('异议期到 2027年1月7日 20:00 结束');
  });
});
