import dayjs from 'dayjs';
import type { Decision } from '../decisions/model';
import type { RollEntry } from '../decisions/roll';
import { type Now, isoAt, parseInstant, resultDeadline } from '../decisions/lifecycle';
import { proxyCovers } from '../decisions/voice';
import type { ProxyGrant } from '../registry/model';
import { templateTime } from '../registry/time';
import { type TemplateKey, thingValue } from './templates';

/**
 * The decisions' clocks: what is due at `now` for each decision — "voting has opened", "voting
 * closes within 24 hours", "the result must be posted (soon / overdue)". A due reminder names its
 * template, who it is for and a key that is the same on every run, so a second run (or two runs
 * at once) finds the key and sends nothing again.
 */
const HOUR = 3600_000;
/** A deadline reminder goes out in the last day of voting. */
export const DEADLINE_NOTICE_MS = 24 * HOUR;
/** "Voting has opened" is news for two days; after that the deadline reminder takes over. */
export const OPENED_NEWS_MS = 48 * HOUR;

export type DecisionAudience = 'voters-not-voted' | 'organizers';

export interface DueReminder {
  templateKey: TemplateKey;
  decisionId: string;
  /** Part of the message key: one message per phase, per person. */
  phase: string;
  audience: DecisionAudience;
  page: string;
  data: Record<string, { value: string }>;
}

function ms(at: Now): number {
  return dayjs(at).valueOf();
}

function detailPage(decisionId: string): string {
  return `pages/decision-detail/index?id=${encodeURIComponent(decisionId)}`;
}

export function dueDecisionReminders(decisions: readonly Decision[], now: Now): DueReminder[] {
  const due: DueReminder[] = [];
  const t = ms(now);
  for (const d of decisions) {
    const closes = d.closesAt === null ? null : parseInstant(d.closesAt);
    const opened = d.openedAt === null ? null : parseInstant(d.openedAt);
    const title = thingValue(d.title);
    if (d.status === 'open' && closes !== null && t < closes) {
      if (opened !== null && t >= opened && t < Math.min(opened + OPENED_NEWS_MS, closes)) {
        due.push({
          templateKey: 'voteOpened',
          decisionId: d._id,
          phase: 'opened',
          audience: 'voters-not-voted',
          page: detailPage(d._id),
          data: {
            thing1: { value: title },
            time2: { value: templateTime(closes) },
            thing3: { value: '表决已开始，请在截止前投票' },
          },
        });
      }
      if (t >= closes - DEADLINE_NOTICE_MS) {
        due.push({
          templateKey: 'voteDeadline',
          decisionId: d._id,
          phase: 'deadline',
          audience: 'voters-not-voted',
          page: detailPage(d._id),
          data: {
            thing1: { value: title },
            time2: { value: templateTime(closes) },
            thing3: { value: '您还没有投票，即将截止' },
          },
        });
      }
    }
    const result = resultDeadline(d, now);
    if (result && result.metAt === null) {
      const dueAt = parseInstant(result.dueAt) ?? 0;
      if (result.overdue || t >= dueAt - DEADLINE_NOTICE_MS) {
        due.push({
          templateKey: 'resultDue',
          decisionId: d._id,
          phase: result.overdue ? 'overdue' : 'soon',
          audience: 'organizers',
          page: detailPage(d._id),
          data: {
            thing1: { value: title },
            time2: { value: templateTime(result.dueAt) },
            thing3: {
              value: result.overdue ? '结果公示已逾期，请尽快公示' : '请在期限前公示表决结果',
            },
          },
        });
      }
    }
  }
  return due;
}

/** Decisions whose result is past its 3-day posting deadline with nothing posted. */
export function overdueResults(decisions: readonly Decision[], now: Now): string[] {
  return decisions
    .filter((d) => {
      const r = resultDeadline(d, now);
      return r !== null && r.overdue;
    })
    .map((d) => d._id);
}

/** The key of one message: the same on every run, so a message is sent at most once. */
export function messageKey(
  reminder: Pick<DueReminder, 'templateKey' | 'decisionId' | 'phase'>,
  openid: string,
): string {
  return `${reminder.templateKey}:${reminder.decisionId}:${reminder.phase}:${openid}`;
}

export interface VoterCandidate {
  openid: string;
  /** Their person id in the registry, when bound as an owner. */
  personId: string | null;
}

/**
 * Who still has a vote to cast: a subscriber whose own unit on the frozen roll, or a unit an
 * active proxy of theirs covers for this decision, has no ballot yet.
 */
export function votersToRemind(input: {
  decisionId: string;
  candidates: readonly VoterCandidate[];
  roll: readonly Pick<RollEntry, 'unitId' | 'voterId' | 'personKey'>[];
  proxies: readonly ProxyGrant[];
  votedPersonKeys: ReadonlySet<string>;
  now: Now;
}): string[] {
  const { decisionId, candidates, roll, proxies, votedPersonKeys, now } = input;
  const at = isoAt(now);
  const open = roll.filter((e) => e.voterId !== null && !votedPersonKeys.has(e.personKey));
  return candidates
    .filter((c) =>
      open.some(
        (e) =>
          (c.personId !== null && e.voterId === c.personId) ||
          proxies.some((p) => p.proxyOpenid === c.openid && proxyCovers(p, e, decisionId, at)),
      ),
    )
    .map((c) => c.openid);
}
