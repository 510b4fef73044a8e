import type { ArticleKindName, ArticleSummaryView } from '../../../typings/api';
import { formatDateTime } from '../../utils/format';

/** One row of the 公告 list, flattened so the template stays free of logic. */
export interface ArticleRow {
  id: string;
  title: string;
  summary: string;
  kindLabel: string;
  /** "置顶", "已撤回", "草稿", "定时 12月13日 09:00" or "" — one badge at most. */
  badge: string;
  badgeTone: 'pin' | 'muted' | 'draft' | '';
  when: string;
  edited: boolean;
  withdrawn: boolean;
  readLabel: string;
}

export interface KindFilter {
  kind: ArticleKindName | '';
  label: string;
}

export const KIND_FILTERS: KindFilter[] = [
  { kind: '', label: '全部' },
  { kind: 'notice', label: '公告' },
  { kind: 'explainer', label: '说明' },
  { kind: 'report', label: '检测报告' },
  { kind: 'minutes', label: '会议纪要' },
  { kind: 'qa', label: '答疑' },
];

export function toArticleRow(a: ArticleSummaryView, now: number): ArticleRow {
  let badge = '';
  let badgeTone: ArticleRow['badgeTone'] = '';
  if (a.withdrawn) [badge, badgeTone] = ['已撤回', 'muted'];
  else if (a.status === 'draft') [badge, badgeTone] = ['草稿', 'draft'];
  else if (a.status === 'scheduled') {
    [badge, badgeTone] = [`定时 ${formatDateTime(a.publishAt ?? '', now)}`, 'draft'];
  } else if (a.pinned) [badge, badgeTone] = ['置顶', 'pin'];
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    kindLabel: a.kindLabel,
    badge,
    badgeTone,
    when: a.publishedAt ? formatDateTime(a.publishedAt, now) : '未发布',
    edited: a.edited && !a.withdrawn,
    withdrawn: a.withdrawn,
    readLabel: a.readLabel ?? '',
  };
}

export function toArticleRows(list: readonly ArticleSummaryView[], now: number): ArticleRow[] {
  return list.map((a) => toArticleRow(a, now));
}
