import type {
  BallotPrivacyName,
  DecisionDetailView,
  DecisionDocumentView,
  DecisionFieldsRequest,
  MatterName,
  PlanKeyName,
} from '../../../typings/api';
import { formatDateTime } from '../../utils/format';

/** The organizer's form, as the page edits it: text fields, money in yuan as typed. */
export interface PlanForm {
  key: PlanKeyName;
  title: string;
  summary: string;
  costYuan: string;
}

export interface DecisionForm {
  title: string;
  summary: string;
  matterIndex: number;
  kind: 'proposal' | 'plans';
  question: string;
  plans: PlanForm[];
  documents: DecisionDocumentView[];
  noticeDays: string;
  objectionDays: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  /** What the posted result shows of each flat: its choice, or only receipts. */
  privacy: BallotPrivacyName;
}

/** The organizer's two ways to post the ballots, in words an owner understands. */
export const PRIVACY_CHOICES: Array<{ key: BallotPrivacyName; label: string; detail: string }> = [
  {
    key: 'open',
    label: '公开每户的表决意见',
    detail: '结果公示时列出每户的房号、面积和表决意见（不列姓名）。',
  },
  {
    key: 'receipts',
    label: '不公开每户意见，只公示回执',
    detail:
      '只列出参加表决的房号和面积；表决意见另以回执编号列出，业主凭回执核对，任何人可复核票数。',
  },
];

export const MATTER_CHOICES: Array<{ key: MatterName; label: string }> = [
  { key: 'rebuild', label: '改建、重建建筑物及其附属设施（如更换电梯）' },
  { key: 'raise-fund', label: '筹集维修资金' },
  { key: 'use-fund', label: '使用维修资金' },
  { key: 'common-use', label: '改变共有部分用途或利用共有部分经营' },
  { key: 'manager', label: '选聘和解聘物业服务企业或其他管理人' },
  { key: 'committee', label: '选举或更换业主委员会成员' },
  { key: 'rules', label: '制定和修改业主大会议事规则' },
  { key: 'covenant', label: '制定和修改管理规约' },
  { key: 'other', label: '其他重大事项' },
];

const PLAN_KEYS: PlanKeyName[] = ['A', 'B', 'C', 'D', 'E'];

export function emptyForm(): DecisionForm {
  return {
    title: '',
    summary: '',
    matterIndex: 0,
    kind: 'proposal',
    question: '',
    plans: [
      { key: 'A', title: '', summary: '', costYuan: '' },
      { key: 'B', title: '', summary: '', costYuan: '' },
    ],
    documents: [],
    noticeDays: '15',
    objectionDays: '7',
    opensDate: '',
    opensTime: '09:00',
    closesDate: '',
    closesTime: '18:00',
    privacy: 'open',
  };
}

/** "980000" or "980,000.5" yuan → fen as an integer; null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,\s，]/g, ''));
  if (!m) return null;
  const [, whole = '0', cents = ''] = m;
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

function fenToYuan(fen: number | null): string {
  if (fen === null) return '';
  const cents = fen % 100;
  return cents ? `${Math.floor(fen / 100)}.${String(cents).padStart(2, '0')}` : String(fen / 100);
}

function instant(date: string, time: string): string | null {
  return date ? `${date}T${time || '00:00'}:00+08:00` : null;
}

function splitInstant(iso: string | null): [string, string] {
  const m = iso ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso) : null;
  return m ? [m[1] ?? '', m[2] ?? ''] : ['', ''];
}

export type FormOutcome =
  { ok: true; fields: DecisionFieldsRequest } | { ok: false; message: string };

export function fieldsOf(form: DecisionForm): FormOutcome {
  if (!form.title.trim()) return { ok: false, message: '请填写标题' };
  const matter = MATTER_CHOICES[form.matterIndex]?.key;
  if (!matter) return { ok: false, message: '请选择表决事项' };
  const noticeDays = Number(form.noticeDays);
  const objectionDays = Number(form.objectionDays);
  if (!Number.isInteger(noticeDays) || !Number.isInteger(objectionDays)) {
    return { ok: false, message: '公示天数和异议期须为整数天' };
  }
  const plans = [];
  if (form.kind === 'plans') {
    for (const [i, p] of form.plans.filter((x) => x.title.trim()).entries()) {
      const costFen = p.costYuan.trim() ? yuanToFen(p.costYuan) : null;
      if (p.costYuan.trim() && costFen === null) {
        return { ok: false, message: `方案${p.key}的费用应是金额，如 980000` };
      }
      plans.push({ key: PLAN_KEYS[i] ?? 'E', title: p.title.trim(), summary: p.summary, costFen });
    }
  }
  return {
    ok: true,
    fields: {
      title: form.title.trim(),
      summary: form.summary,
      matter,
      question:
        form.kind === 'plans'
          ? { kind: 'plans', text: form.question, plans }
          : { kind: 'proposal', text: form.question },
      documents: form.documents,
      noticeDays,
      objectionDays,
      opensAt: instant(form.opensDate, form.opensTime),
      closesAt: instant(form.closesDate, form.closesTime),
      privacy: form.privacy,
    },
  };
}

export function formOf(d: DecisionDetailView): DecisionForm {
  const [opensDate, opensTime] = splitInstant(d.opensAt);
  const [closesDate, closesTime] = splitInstant(d.closesAt);
  const plans =
    d.question.kind === 'plans'
      ? d.question.plans.map((p) => ({
          key: p.key,
          title: p.title,
          summary: p.summary,
          costYuan: fenToYuan(p.costFen),
        }))
      : emptyForm().plans;
  return {
    title: d.title,
    summary: d.summary,
    matterIndex: Math.max(
      0,
      MATTER_CHOICES.findIndex((m) => m.key === d.matter),
    ),
    kind: d.question.kind,
    question: d.question.text,
    plans,
    documents: d.documents,
    noticeDays: String(d.noticeDays),
    objectionDays: String(d.objectionDays),
    opensDate,
    opensTime: opensTime || '09:00',
    closesDate,
    closesTime: closesTime || '18:00',
    privacy: d.privacy,
  };
}

export interface Control {
  step: string;
  label: string;
  primary: boolean;
}

/** The steps an organizer may take from the decision's state. */
export function controlsFor(status: DecisionDetailView['status']): Control[] {
  switch (status) {
    case 'draft':
      return [
        { step: 'save', label: '保存草稿', primary: false },
        { step: 'postNotice', label: '发布公示', primary: true },
      ];
    case 'notice':
      return [
        { step: 'open', label: '开始投票', primary: true },
        { step: 'withdrawNotice', label: '撤回公示（修改后须重新公示）', primary: false },
      ];
    case 'open':
      return [
        { step: 'close', label: '结束投票（截止后）', primary: true },
        { step: 'extend', label: '延长截止时间', primary: false },
        { step: 'recount', label: '复核计票', primary: false },
      ];
    case 'closed':
      return [
        { step: 'publishPreliminary', label: '公示初步结果', primary: true },
        { step: 'recount', label: '复核计票', primary: false },
      ];
    case 'preliminary':
      return [
        { step: 'publishFinal', label: '公布最终结果（异议期满后）', primary: true },
        { step: 'recount', label: '复核计票', primary: false },
      ];
    default:
      return [{ step: 'recount', label: '复核计票', primary: false }];
  }
}

/** What the organizer is asked before a step that cannot be taken back. */
export interface StepConfirmation {
  title: string;
  content: string;
  confirmText: string;
  /** False when the step cannot be taken now: the modal only explains. */
  allowed: boolean;
}

function readable(iso: string, nowMs: number): string {
  return formatDateTime(iso, nowMs);
}

/**
 * The question before an irreversible step (null for the ones that can be undone or change
 * nothing): what will happen, and that it cannot be undone. Closing before the deadline is not
 * offered at all — the law's voting period must run — and the modal says when it may be closed.
 */
export function confirmationFor(
  step: string,
  d: Pick<DecisionDetailView, 'title' | 'opensAt' | 'closesAt' | 'objectionDays'> | null,
  nowMs: number,
): StepConfirmation | null {
  const title = d ? `「${d.title}」` : '本议题';
  switch (step) {
    case 'postNotice':
      return {
        title: '发布公示？',
        content: `${title}将向全楼公示，公示后内容不能修改（只能撤回后重新公示，公示期重新计算）。`,
        confirmText: '发布公示',
        allowed: true,
      };
    case 'open':
      return {
        title: '开始投票？',
        content: `${title}将开始投票，业主可以立即投票，此操作不可撤销。`,
        confirmText: '开始投票',
        allowed: true,
      };
    case 'close': {
      const closes = d?.closesAt ? Date.parse(d.closesAt) : NaN;
      if (Number.isFinite(closes) && nowMs < closes && d?.closesAt) {
        return {
          title: '还不能结束投票',
          content: `投票到 ${readable(d.closesAt, nowMs)} 截止，截止前不能提前结束，以免有业主来不及投票。需要更多时间可以延长截止时间。`,
          confirmText: '知道了',
          allowed: false,
        };
      }
      return {
        title: '结束投票？',
        content: `${title}将停止投票，之后任何人都不能再投票或改票，此操作不可撤销。`,
        confirmText: '结束投票',
        allowed: true,
      };
    }
    case 'publishPreliminary':
      return {
        title: '公示初步结果？',
        content: `${title}的计票结果和逐户表决清单将向全楼公示，并开始 ${d?.objectionDays ?? 7} 天异议期。公示后不能撤回，此操作不可撤销。`,
        confirmText: '公示结果',
        allowed: true,
      };
    case 'publishFinal':
      return {
        title: '公布最终结果？',
        content: `${title}的结果将作为最终结果公布，之后不能再提出异议，此操作不可撤销。`,
        confirmText: '公布结果',
        allowed: true,
      };
    default:
      return null;
  }
}
