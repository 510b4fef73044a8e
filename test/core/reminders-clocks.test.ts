/**
 * The reminders' rules: quota (one accept, one message; 43101 leaves nothing), the decisions'
 * clocks at an injected `now`, and a simulated scheduler ticking hour by hour through a vote —
 * twice per hour — that sends each message exactly once, and only with a grant.
 */
import type { Decision, RollEntry } from '../../core/decisions';
import { isoAt } from '../../core/decisions';
import {
  DEADLINE_NOTICE_MS,
  dueDecisionReminders,
  messageKey,
  overdueResults,
  votersToRemind,
} from '../../core/reminders/decisionClocks';
import {
  type Subscription,
  afterAccept,
  afterFailure,
  afterRefusal,
  emptySubscription,
  takeOne,
} from '../../core/reminders/quota';
import { decideSend } from '../../core/reminders/sending';
import { TEMPLATES, TEMPLATE_KEYS, templateById, thingValue } from '../../core/reminders/templates';
import type { ProxyGrant } from '../../core/registry/model';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-12-01T09:00:00+08:00');
const at = (ms: number): string => isoAt(ms);

function decision(over: Partial<Decision>): Decision {
  return {
    _id: 'd1',
    buildingId: 'b',
    title: '电梯更换与自筹资金',
    summary: '',
    matter: 'rebuild',
    question: { kind: 'proposal', text: '是否同意？' },
    documents: [],
    noticeDays: 15,
    objectionDays: 7,
    opensAt: at(T0),
    closesAt: at(T0 + 10 * DAY),
    status: 'open',
    createdBy: 'o',
    createdAt: at(T0 - 20 * DAY),
    updatedAt: at(T0),
    noticePostedAt: at(T0 - 16 * DAY),
    openedAt: at(T0),
    closedAt: null,
    preliminaryAt: null,
    objectionEndsAt: null,
    finalAt: null,
    electorate: null,
    result: null,
    ...over,
  };
}

describe('quota', () => {
  const now = at(T0);
  it('adds one per accept and takes one per send, never below zero', () => {
    let sub: Subscription = emptySubscription('o1', 'voteDeadline', now);
    expect(takeOne(sub, now)).toBeNull();
    sub = afterAccept(afterAccept(sub, now), now);
    expect(sub).toMatchObject({ remaining: 2, accepted: 2, _id: 'o1:voteDeadline' });
    const once = takeOne(sub, now);
    expect(once).toMatchObject({ remaining: 1, sent: 1, lastSentAt: now });
    const twice = once && takeOne(once, now);
    expect(twice?.remaining).toBe(0);
    expect(twice && takeOne(twice, now)).toBeNull();
    expect(takeOne(null, now)).toBeNull();
  });

  it('zeroes the quota on a refusal and gives the grant back on another failure', () => {
    const sub = afterAccept(afterAccept(emptySubscription('o1', 'voteDeadline', now), now), now);
    expect(afterRefusal(sub, now)).toMatchObject({ remaining: 0, refusedAt: now });
    const taken = takeOne(sub, now);
    expect(taken && afterFailure(taken, now)).toMatchObject({ remaining: 2, sent: 0 });
  });

  it('decides a send only once per key and only with a grant', () => {
    const sub = afterAccept(emptySubscription('o1', 'voteDeadline', now), now);
    expect(decideSend({ alreadyLogged: true, subscription: sub, now })).toEqual({
      send: false,
      reason: 'already-sent',
    });
    expect(decideSend({ alreadyLogged: false, subscription: null, now })).toEqual({
      send: false,
      reason: 'no-quota',
    });
    expect(decideSend({ alreadyLogged: false, subscription: sub, now })).toMatchObject({
      send: true,
      subscription: { remaining: 0 },
    });
  });

  it('has one id per template and keeps thing values within 20 characters', () => {
    const ids = TEMPLATE_KEYS.map((k) => TEMPLATES[k].id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(templateById(TEMPLATES.shareDue.id)?.key).toBe('shareDue');
    expect(templateById('nope')).toBeNull();
    const long = thingValue('这是一个超过二十个字符长度限制的非常长的事项名称啊');
    expect([...long]).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
    expect(thingValue('短')).toBe('短');
  });
});

describe('the decisions clocks', () => {
  const d = decision({});
  const closes = T0 + 10 * DAY;

  it('announces an opened vote for two days, then reminds in its last 24 hours', () => {
    const keys = (now: number) => dueDecisionReminders([d], now).map((r) => r.templateKey);
    expect(keys(T0 - 1)).toEqual([]);
    expect(keys(T0)).toEqual(['voteOpened']);
    expect(keys(T0 + 2 * DAY - 1)).toEqual(['voteOpened']);
    expect(keys(T0 + 2 * DAY)).toEqual([]);
    expect(keys(closes - DEADLINE_NOTICE_MS - 1)).toEqual([]);
    expect(keys(closes - DEADLINE_NOTICE_MS)).toEqual(['voteDeadline']);
    expect(keys(closes - 1)).toEqual(['voteDeadline']);
    expect(keys(closes)).toEqual([]);
  });

  it('reminds organizers of the 3-day posting deadline, then marks the result overdue', () => {
    const closed = decision({ status: 'closed', closedAt: at(closes) });
    const due = (now: number) => dueDecisionReminders([closed], now);
    expect(due(closes + DAY)).toEqual([]);
    expect(due(closes + 2 * DAY)).toEqual([
      expect.objectContaining({ templateKey: 'resultDue', phase: 'soon', audience: 'organizers' }),
    ]);
    expect(due(closes + 3 * DAY + 1)[0]).toMatchObject({ phase: 'overdue' });
    expect(overdueResults([closed], closes + 3 * DAY + 1)).toEqual(['d1']);
    expect(overdueResults([closed], closes + 3 * DAY - 1)).toEqual([]);
    const posted = decision({
      status: 'preliminary',
      closedAt: at(closes),
      preliminaryAt: at(closes + DAY),
    });
    expect(dueDecisionReminders([posted], closes + 5 * DAY)).toEqual([]);
  });

  it('fills the template within WeChat limits and opens the vote page', () => {
    const [r] = dueDecisionReminders([d], closes - HOUR);
    expect(r?.page).toBe('pages/decision-detail/index?id=d1');
    expect(r?.data.time2?.value).toBe('2026年12月11日 09:00');
    for (const v of Object.values(r?.data ?? {}))
      expect([...v.value].length).toBeLessThanOrEqual(20);
  });
});

describe('who still has a vote to cast', () => {
  const roll: Array<Pick<RollEntry, 'unitId' | 'voterId' | 'personKey'>> = [
    { unitId: 'u1', voterId: 'p1', personKey: 'owner:p1' },
    { unitId: 'u2', voterId: 'p2', personKey: 'owner:p2' },
    { unitId: 'u3', voterId: 'p3', personKey: 'owner:p3' },
    { unitId: 'u4', voterId: null, personKey: 'unsold' },
  ];
  const grant = (over: Partial<ProxyGrant>): ProxyGrant =>
    ({
      _id: 'px',
      buildingId: 'b',
      unitIds: ['u3'],
      ownerPersonId: 'p3',
      grantedBy: 'o',
      source: 'paper',
      proxyName: '代理人',
      proxyOpenid: 'proxy-3',
      proxyPersonId: null,
      scope: { vote: true, pay: false, decisionId: null },
      validUntil: '2099-12-31',
      status: 'active',
      tokenHash: null,
      tokenExpiresAt: null,
      evidenceFileId: null,
      createdAt: at(T0),
      acceptedAt: at(T0),
      revokedAt: null,
      revokedBy: null,
      ...over,
    }) as ProxyGrant;

  it('names owners and proxies whose flat has no ballot, and nobody else', () => {
    const remind = votersToRemind({
      decisionId: 'd1',
      candidates: [
        { openid: 'owner-1', personId: 'p1' },
        { openid: 'owner-2', personId: 'p2' },
        { openid: 'proxy-3', personId: 'pp3' },
        { openid: 'tenant', personId: 'px' },
        { openid: 'guest', personId: null },
      ],
      roll,
      proxies: [grant({})],
      votedPersonKeys: new Set(['owner:p2']),
      now: T0,
    });
    expect(remind).toEqual(['owner-1', 'proxy-3']);
  });

  it('leaves out a proxy whose authorization is pay-only or for another decision', () => {
    const ask = (g: ProxyGrant) =>
      votersToRemind({
        decisionId: 'd1',
        candidates: [{ openid: 'proxy-3', personId: null }],
        roll,
        proxies: [g],
        votedPersonKeys: new Set(),
        now: T0,
      });
    expect(ask(grant({ scope: { vote: false, pay: true, decisionId: null } }))).toEqual([]);
    expect(ask(grant({ scope: { vote: true, pay: false, decisionId: 'd9' } }))).toEqual([]);
    expect(ask(grant({ scope: { vote: true, pay: false, decisionId: 'd1' } }))).toEqual([
      'proxy-3',
    ]);
  });
});

describe('an idempotent tick with an injected clock', () => {
  it('sends each message once, however often it runs, and only while a grant lasts', () => {
    const d = decision({});
    const closes = T0 + 10 * DAY;
    const subs = new Map<string, Subscription>();
    const log = new Set<string>();
    const outbox: string[] = [];
    const now0 = at(T0 - DAY);
    const give = (openid: string, key: 'voteOpened' | 'voteDeadline', times: number) => {
      let s = emptySubscription(openid, key, now0);
      for (let i = 0; i < times; i += 1) s = afterAccept(s, now0);
      subs.set(s._id, s);
    };
    give('a', 'voteOpened', 1);
    give('a', 'voteDeadline', 3);
    give('b', 'voteDeadline', 1);
    // 'c' never subscribed.
    const tick = (now: number) => {
      for (const r of dueDecisionReminders([d], now)) {
        for (const openid of ['a', 'b', 'c']) {
          const key = messageKey(r, openid);
          const subId = `${openid}:${r.templateKey}`;
          const verdict = decideSend({
            alreadyLogged: log.has(key),
            subscription: subs.get(subId) ?? null,
            now: at(now),
          });
          if (!verdict.send) continue;
          subs.set(subId, verdict.subscription);
          log.add(key);
          outbox.push(key);
        }
      }
    };
    for (let now = T0 - DAY; now <= closes + DAY; now += HOUR) {
      tick(now);
      tick(now); // overlapping or repeated runs
    }
    expect(outbox.sort()).toEqual(
      ['voteDeadline:d1:deadline:a', 'voteDeadline:d1:deadline:b', 'voteOpened:d1:opened:a'].sort(),
    );
    expect(subs.get('a:voteDeadline')?.remaining).toBe(2);
    expect(subs.get('b:voteDeadline')?.remaining).toBe(0);
  });
});
