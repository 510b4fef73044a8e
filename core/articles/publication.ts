import type { Article, ArticleStatus, Question } from './model';

/**
 * When an article is out, who sees what, and the order of the 公告 list. No clock here: every
 * rule takes `now` (milliseconds) from its caller.
 */

/** A scheduled article may go out at most this far ahead. */
export const MAX_SCHEDULE_DAYS = 90;
const DAY = 24 * 3600_000;

/**
 * The status residents experience at `now`: a scheduled article whose time has come is out even
 * before the scheduled run has flipped its stored status.
 */
export function statusAt(
  article: Pick<Article, 'status' | 'publishAt'>,
  now: number,
): ArticleStatus {
  if (article.status === 'scheduled' && article.publishAt && Date.parse(article.publishAt) <= now) {
    return 'published';
  }
  return article.status;
}

/** Published and withdrawn articles are public (a withdrawal leaves its stub); drafts are not. */
export function isPublic(article: Pick<Article, 'status' | 'publishAt'>, now: number): boolean {
  const status = statusAt(article, now);
  return status === 'published' || status === 'withdrawn';
}

export type ScheduleCheck = { ok: true; at: number | null } | { ok: false; message: string };

/**
 * A publication time: none (publish now), or a moment from one minute to 90 days ahead. A time
 * already past is refused rather than read as "now", so a stale form never publishes by surprise.
 */
export function checkSchedule(publishAt: string | null | undefined, now: number): ScheduleCheck {
  if (!publishAt) return { ok: true, at: null };
  const at = Date.parse(publishAt);
  if (Number.isNaN(at)) return { ok: false, message: '定时发布的时间格式不对' };
  if (at <= now)
    return { ok: false, message: '定时发布的时间已经过去，请选择将来的时间或立即发布' };
  if (at - now > MAX_SCHEDULE_DAYS * DAY) {
    return { ok: false, message: `定时发布最多提前 ${MAX_SCHEDULE_DAYS} 天` };
  }
  return { ok: true, at };
}

/** Scheduled articles whose time has come, earliest first. */
export function dueForPublication<T extends Pick<Article, 'status' | 'publishAt'>>(
  articles: readonly T[],
  now: number,
): T[] {
  return articles
    .filter((a) => a.status === 'scheduled' && a.publishAt && Date.parse(a.publishAt) <= now)
    .sort((a, b) => Date.parse(a.publishAt ?? '') - Date.parse(b.publishAt ?? ''));
}

export type Transition = 'edit' | 'publish' | 'withdraw';

/** What an organizer may still do with an article in its current state. */
export function canDo(
  article: Pick<Article, 'status' | 'publishAt'>,
  what: Transition,
  now: number,
): boolean {
  const status = statusAt(article, now);
  switch (what) {
    case 'edit':
      return status !== 'withdrawn';
    case 'publish':
      return status === 'draft' || status === 'scheduled';
    case 'withdraw':
      return status === 'published';
  }
}

/** The 公告 list: pinned first, then the newest publication first; ties by id for a stable order. */
export function listOrder<T extends Pick<Article, '_id' | 'pinned' | 'publishedAt' | 'status'>>(
  articles: readonly T[],
): T[] {
  return [...articles].sort((a, b) => {
    const pin =
      Number(b.pinned && b.status !== 'withdrawn') - Number(a.pinned && a.status !== 'withdrawn');
    if (pin !== 0) return pin;
    if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
    return a._id < b._id ? -1 : 1;
  });
}

/** Questions in the order the page shows them: FAQ first, then answered, then newest asked. */
export function questionOrder<T extends Pick<Question, 'faq' | 'answer' | 'askedAt'>>(
  questions: readonly T[],
): T[] {
  return [...questions].sort((a, b) => {
    if (a.faq !== b.faq) return a.faq ? -1 : 1;
    if ((a.answer === null) !== (b.answer === null)) return a.answer ? -1 : 1;
    return a.askedAt < b.askedAt ? 1 : a.askedAt > b.askedAt ? -1 : 0;
  });
}

/** Splits text into pieces the content check accepts (2,500 characters each). */
export function checkChunks(text: string, size = 2500): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out.filter((c) => c.trim() !== '');
}
