import type {
  BindingView,
  CockpitLastMileRowView,
  CockpitLastMileView,
  LastMileRowView,
  RosterImportResult,
  RosterImportView,
} from '../../../typings/api';
import { formatDateTime, keepFiguresWhole } from '../../utils/format';
import { CHANNEL_LABELS } from '../../utils/households';

export interface RequestRow {
  id: string;
  title: string;
  detail: string;
}

export interface ContactRow {
  unitId: string;
  unitNo: string;
  owners: string;
  tags: string;
  last: string;
  reached: boolean;
}

export function requestRow(b: BindingView): RequestRow {
  return {
    id: b.id,
    title: `${b.unitNo} · ${b.as === 'owner' ? '业主' : '家属或租户'} ${b.name}`,
    detail: `${b.method === 'phone' ? '手机号核验' : '邀请码'} · ${b.requestedAt.slice(5, 16).replace('T', ' ')}`,
  };
}

export function contactRow(r: LastMileRowView): ContactRow {
  const tags = [
    r.overseas ? '外地/海外' : '',
    r.elderly ? '高龄' : '',
    r.noSmartphone ? '无智能手机' : '',
    r.needsHomeVisit ? '需上门' : '',
  ].filter(Boolean);
  return {
    unitId: r.unitId,
    unitNo: r.unitNo,
    owners:
      r.owners.map((o) => (o.phone ? `${o.name} ${o.phone}` : o.name)).join('、') || '（未售）',
    tags: tags.join(' · '),
    last: r.lastChannel
      ? `${r.reached ? '已联系上' : '未联系上'} · ${CHANNEL_LABELS[r.lastChannel]} ${r.attempts} 次${r.note ? ` · ${r.note}` : ''}`
      : '尚未联系',
    reached: r.reached,
  };
}

/** A unit still to reach for the work at hand, with a number to call when the caller may see it. */
export interface ChaseRow extends ContactRow {
  statusLabel: string;
  phone: string;
}

export function chaseRow(r: CockpitLastMileRowView): ChaseRow {
  const row = contactRow(r.contact);
  const when = r.contact.lastChannel && r.contact.updatedAt;
  return {
    ...row,
    // When the last contact was: a call three weeks ago is no contact for this vote.
    last: when ? `${row.last} · ${formatDateTime(when)}` : row.last,
    statusLabel: r.statusLabel,
    phone: r.contact.owners.find((o) => o.phone)?.phone ?? '',
  };
}

/** What the last mile is about now, and how much of it is left. */
export function workLine(v: Pick<CockpitLastMileView, 'work' | 'remaining'>): string {
  if (v.work.kind === 'vote') {
    return v.remaining
      ? keepFiguresWhole(`催票：「${v.work.title}」还有 ${v.remaining} 户没有投票`)
      : `「${v.work.title}」每户都已投票`;
  }
  return v.remaining ? keepFiguresWhole(`催缴：还有 ${v.remaining} 户没有缴清`) : '每户都已缴清';
}

export function importLine(i: RosterImportView, now: number): string {
  const when = formatDateTime(i.at, now);
  if (i.errorCount) return `${when} ${i.fileName}：${i.errorCount} 处错误，未导入`;
  if (i.dryRun) return `${when} ${i.fileName}：预览 ${i.rows} 行`;
  return `${when} ${i.fileName}：新增 ${i.created}，更新 ${i.updated}，未变 ${i.unchanged}`;
}

export interface ImportPreview {
  ok: boolean;
  summary: string;
  lines: string[];
}

export function importPreview(r: RosterImportResult): ImportPreview {
  if (r.errors.length) {
    return {
      ok: false,
      summary: `${r.fileName} 有 ${r.errors.length} 处错误，请改正后重新上传：`,
      lines: r.errors.map(
        (e) =>
          `${e.sheet ? `工作表“${e.sheet}” ` : ''}第 ${e.line} 行${e.column ? ` ${e.column}` : ''}：${e.message}`,
      ),
    };
  }
  const lines = [
    ...r.questions.map((q) => `请核实第 ${q.line} 行：${q.message}`),
    ...r.created.map((no) => `新增 ${no}`),
    ...r.updated.map((u) => `更新 ${u.unitNo}`),
  ];
  return {
    ok: true,
    summary: `${r.fileName}：${r.rows} 行，新增 ${r.created.length}，更新 ${r.updated.length}，未变 ${r.unchanged}${r.applied ? '（已导入）' : ''}`,
    lines,
  };
}
