/**
 * The law's clocks, with the clock passed in: the notice stands at least 15 days except on the
 * emergency route (an inspection body's order attached), and the result is posted within 3 days
 * of closing — tracked as due, overdue, or met.
 */
import {
  closeVoting,
  newDecision,
  postNotice,
  publishPreliminary,
  resultDeadline,
  sumCounters,
} from '../../core/decisions';
import type { Decision } from '../../core/decisions';
import { draftFields } from './decisions-fixtures';

const T0 = '2026-12-01T09:00:00+08:00';

function draft(overrides: Parameters<typeof draftFields>[0] = {}) {
  return newDecision({
    id: 'd1',
    buildingId: 'b1',
    createdBy: 'o-org',
    now: T0,
    fields: draftFields(overrides),
  });
}

describe('notice period', () => {
  it('refuses fewer than 15 days on the normal route, saying when fewer is allowed', () => {
    const t = draft({ noticeDays: 10 });
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.refusal.message).toContain('紧急情况');
    expect(draft({ noticeDays: 14 }).ok).toBe(false);
    expect(draft({ noticeDays: 15 }).ok).toBe(true);
  });

  it('allows fewer days only with an inspection body and its order attached', () => {
    const order = { authority: '市特种设备监督检验技术研究院', fileId: 'cloud://env/order.pdf' };
    expect(draft({ noticeDays: 3, emergency: order }).ok).toBe(true);
    expect(draft({ noticeDays: 3, emergency: { ...order, authority: ' ' } }).ok).toBe(false);
    expect(draft({ noticeDays: 3, emergency: { ...order, fileId: '' } }).ok).toBe(false);
    expect(draft({ noticeDays: 0, emergency: order }).ok).toBe(false);
  });

  it('opens an emergency vote after its short notice', () => {
    const order = { authority: '市特种设备监督检验技术研究院', fileId: 'cloud://env/order.pdf' };
    const t = draft({
      noticeDays: 3,
      emergency: order,
      opensAt: '2026-12-04T09:00:00+08:00',
      closesAt: '2026-12-10T18:00:00+08:00',
    });
    if (!t.ok) throw new Error(t.refusal.message);
    const posted = postNotice(t.decision, T0);
    expect(posted.ok).toBe(true);
    if (posted.ok) expect(posted.decision.emergency).toEqual(order);
  });
});

describe('result posting deadline', () => {
  const closed = (): Decision => {
    const t = draft();
    if (!t.ok) throw new Error(t.refusal.message);
    const open: Decision = {
      ...t.decision,
      status: 'open',
      openedAt: '2026-12-17T09:00:00+08:00',
      noticePostedAt: T0,
      electorate: { owners: 1, area: 100, units: 1, groups: [], shards: 1 },
    };
    const c = closeVoting(open, '2026-12-31T18:00:00+08:00');
    if (!c.ok) throw new Error(c.refusal.message);
    return c.decision;
  };

  it('is three days after closing, due until then and overdue after', () => {
    const d = closed();
    expect(resultDeadline(d, '2027-01-02T10:00:00+08:00')).toEqual({
      dueAt: '2027-01-03T18:00:00+08:00',
      overdue: false,
      metAt: null,
    });
    expect(resultDeadline(d, '2027-01-03T18:00:01+08:00')).toMatchObject({ overdue: true });
  });

  it('records when it was met, even late', () => {
    const p = publishPreliminary(closed(), '2027-01-05T09:00:00+08:00', {
      counters: sumCounters([], ['yes', 'no', 'abstain']),
      passed: false,
      winner: null,
    });
    if (!p.ok) throw new Error(p.refusal.message);
    expect(resultDeadline(p.decision, '2027-01-09T09:00:00+08:00')).toEqual({
      dueAt: '2027-01-03T18:00:00+08:00',
      overdue: false,
      metAt: '2027-01-05T09:00:00+08:00',
    });
  });

  it('starts at the deadline of a vote nobody has closed yet, and not before', () => {
    const t = draft();
    if (!t.ok) throw new Error(t.refusal.message);
    const open: Decision = { ...t.decision, status: 'open' };
    expect(resultDeadline(open, '2026-12-20T09:00:00+08:00')).toBeNull();
    expect(resultDeadline(open, '2027-01-04T09:00:00+08:00')).toMatchObject({ overdue: true });
  });
});
