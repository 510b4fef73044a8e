import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type {
  DecisionDetailView,
  ExpenseView,
  InviteCodeRow,
  LedgerOverviewView,
  PublishedLineView,
  PublishedReceiptView,
  ResultsView,
  RuleName,
} from '../../typings/api';
import { yuanText } from '../../core/ledger/labels';
import { ZONE } from '../../core/registry/time';
import { NoticeWriter, type RenderedPdf, type TableColumn } from './pdf';

/**
 * What each printed notice says, in the order a resident reads a lobby board: what it is about,
 * the facts, the detail, and the code that opens the same page in the mini program. Names are
 * never printed: units, areas, choices and receipts only.
 */

dayjs.extend(utc);
dayjs.extend(timezone);

/** Posted paper outlives the year: every printed date carries it. */
export function printedAt(iso: string | Date | null): string {
  return iso === null ? '—' : dayjs(iso).tz(ZONE).format('YYYY年M月D日 HH:mm');
}

/** 1284597 → 12,845.97: areas with thousands separators, as the money is written. */
export function areaText(hundredths: number): string {
  const whole = Math.floor(hundredths / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** "方案A：保留导轨，更换其余部件" → "方案A": what fits a receipt table's cell. */
function shortChoice(label: string): string {
  return label.split('：')[0] ?? label;
}

const RULE_TEXT: Record<RuleName, string> = {
  'three-quarters':
    '参与表决的专有部分面积和人数均不少于总数的三分之二，且同意的面积和人数均不少于参与表决的四分之三（《民法典》第二百七十八条）。',
  'more-than-half':
    '参与表决的专有部分面积和人数均不少于总数的三分之二，且同意的面积和人数均超过参与表决的一半（《民法典》第二百七十八条）。',
};

export interface NoticeCode {
  png: Buffer | null;
}

const NO_CODE = '（小程序码暂时无法生成：请在微信中搜索小程序“同梯”查看。）';

function codeCaption(code: NoticeCode, caption: string): string {
  return code.png ? caption : `${caption}${NO_CODE}`;
}

/** The decision's notice (公告): what is decided, by which rule, when, and how to vote. */
export function decisionNoticePdf(input: {
  building: string;
  decision: DecisionDetailView;
  code: NoticeCode;
  now: Date;
}): Promise<RenderedPdf> {
  const { decision: d, building } = input;
  const w = new NoticeWriter({
    header: building,
    title: `${d.title} 表决公告`,
    footer: [
      `本公告由换梯小组发布，张贴于一楼大堂。打印于 ${printedAt(input.now)}。`,
      '有疑问请联系换梯小组或居委会；以小程序中的公告为准。',
    ],
    createdAt: input.now,
  });
  w.title(d.title, '表决公告');
  w.code(
    input.code.png,
    codeCaption(
      input.code,
      [
        '怎样投票',
        '1. 微信扫一扫左边的小程序码，绑定房屋后在议题页面投票；每套房屋以业主（或其书面委托的代理人）的一票计。',
        '2. 没有智能手机的业主，可请换梯小组或社区工作人员上门填写纸质表决票。',
        '3. 截止前可以改票，以最后一次为准；每次投票都有回执，公布结果时可凭回执核对。',
      ].join('\n'),
    ),
    110,
  );
  w.facts([
    ['表决事项', d.matterLabel],
    ['通过规则', RULE_TEXT[d.rule]],
    ['公示时间', d.noticePostedAt ? `${printedAt(d.noticePostedAt)} 起` : '尚未公示'],
    ['投票时间', `${printedAt(d.opensAt)} 至 ${printedAt(d.closesAt)}`],
    ...(d.electorate
      ? ([
          [
            '参与表决',
            `业主 ${d.electorate.owners} 人，房屋 ${d.electorate.units} 套，专有部分面积 ${areaText(d.electorate.areaHundredths)} m²`,
          ],
        ] as const)
      : []),
  ]);
  if (d.emergency) {
    w.paragraph(
      `紧急程序：本事项依据 ${d.emergency.authority} 的停用通知，公示期短于十五天（《上海市住宅物业管理规定》第七十三条）。`,
    );
  }
  w.heading('说明');
  w.paragraph(d.summary);
  w.heading('表决内容');
  w.paragraph(d.question.text);
  if (d.question.kind === 'plans') {
    w.table(
      [
        { title: '方案', weight: 1 },
        { title: '内容', weight: 5 },
        { title: '费用', weight: 2, align: 'right' },
      ],
      d.question.plans.map((p) => [
        `方案${p.key}`,
        `${p.title}：${p.summary}`,
        p.costFen === null ? '—' : yuanText(p.costFen),
      ]),
    );
  }
  w.facts([['可选', d.choices.map((c) => c.label).join('、')]]);
  if (d.documents.length) {
    w.heading('公示资料');
    w.paragraph(
      `${d.documents.map((doc) => `《${doc.title}》`).join('、')}：扫描上方小程序码，在“公示资料”中打开全文。`,
    );
  }
  return w.finish();
}

/** The preliminary or final result: totals, the thresholds, the flats that took part, receipts. */
export function decisionResultPdf(input: {
  building: string;
  decision: DecisionDetailView;
  results: ResultsView;
  lines: readonly PublishedLineView[];
  /** Every receipt with its choice, in receipt order (never beside its flat). */
  receipts: readonly PublishedReceiptView[];
  code: NoticeCode;
  now: Date;
}): Promise<RenderedPdf> {
  const { decision: d, results: r, building } = input;
  const final = d.status === 'final';
  const kind = final ? '表决结果（最终）' : '表决结果（初步公示）';
  const w = new NoticeWriter({
    header: building,
    title: `${d.title} ${kind}`,
    footer: [
      `本结果由换梯小组公布，打印于 ${printedAt(input.now)}。只列房号、面积和回执，不列姓名。`,
      '对结果有异议的业主，请在异议期内通过小程序或书面向换梯小组提出。',
    ],
    createdAt: input.now,
  });
  w.title(d.title, kind);
  const outcome = r.passed ? `通过${r.winner ? `（方案${r.winner}）` : ''}` : '未通过';
  w.facts([
    ['表决时间', `${printedAt(d.openedAt ?? d.opensAt)} 至 ${printedAt(d.closedAt ?? d.closesAt)}`],
    ['结果', outcome],
    ['通过规则', RULE_TEXT[r.rule]],
    [
      '应参与',
      `业主 ${r.electorate.owners} 人，专有部分面积 ${areaText(r.electorate.areaHundredths)} m²`,
    ],
    [
      '实际参与',
      `业主 ${r.voted.owners} 人，专有部分面积 ${areaText(r.voted.areaHundredths)} m²（${r.turnout.met ? '已达三分之二' : '未达三分之二'}）`,
    ],
    ...(final
      ? ([['公布最终结果', printedAt(d.finalAt)]] as const)
      : ([
          ['初步结果公示', printedAt(d.preliminaryAt)],
          ['异议期截止', printedAt(d.objectionEndsAt)],
        ] as const)),
  ]);
  w.heading('各选项得票');
  w.table(
    [
      { title: '选项', weight: 3 },
      { title: '业主人数', weight: 2, align: 'right' },
      { title: '专有部分面积 (m²)', weight: 3, align: 'right' },
    ],
    r.choices.map((c) => [c.label, String(c.owners), areaText(c.areaHundredths)]),
  );
  w.paragraph(r.headline);
  w.code(
    input.code.png,
    codeCaption(input.code, '微信扫一扫：查看结果、逐户清单和异议答复，核对自己的回执。'),
  );

  const units = [...input.lines].sort((a, b) => compareUnitNo(a.unitNo, b.unitNo));
  w.heading(`参与表决的房屋（${units.length} 套）`);
  w.table(
    triple([
      { title: '房号', weight: 2 },
      { title: '面积', weight: 2, align: 'right' },
      { title: '方式', weight: 2 },
    ]),
    spread(
      units.map((l) => [l.unitNo, areaText(l.areaHundredths), l.channelLabel]),
      3,
    ),
    { size: 10 },
  );

  const receipts = input.receipts;
  w.heading(`表决回执与选择（${receipts.length} 张）`);
  w.paragraph(
    `${d.privacyStatement}回执单独列出，不与房号对应。投票人可在小程序的议题页面看到自己的回执，在此核对选择；任何人都可以按此表重新计票。`,
    { size: 10, muted: true },
  );
  w.table(
    [...receiptColumns(), ...receiptColumns()],
    spread(
      receipts.map((x) => [x.receiptShort, shortChoice(x.choiceLabel)]),
      2,
    ),
    { size: 10 },
  );
  return w.finish();
}

function receiptColumns(): TableColumn[] {
  return [
    { title: '回执', weight: 3 },
    { title: '选择', weight: 2 },
  ];
}

function triple(columns: TableColumn[]): TableColumn[] {
  return [...columns, ...columns, ...columns];
}

/**
 * Rows laid side by side, `across` to a printed line, left to right: with six flats a floor and
 * three across, each floor takes two lines, and a table split over pages still reads in order.
 */
export function spread(rows: readonly (readonly string[])[], across: number): string[][] {
  const width = rows[0]?.length ?? 0;
  const out: string[][] = [];
  for (let i = 0; i < rows.length; i += across) {
    const line: string[] = [];
    for (let c = 0; c < across; c++) {
      const row = rows[i + c];
      line.push(...(row ? row : Array.from({ length: width }, () => '')));
    }
    out.push(line);
  }
  return out;
}

/** "2-01" < "2-02" < "10-01": floors and rooms as numbers. */
export function compareUnitNo(a: string, b: string): number {
  const parts = (s: string): number[] => s.split(/\D+/).filter(Boolean).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The money summary: what was raised and spent, and the ledger's head hash anyone can check. */
export function moneySummaryPdf(input: {
  building: string;
  overview: LedgerOverviewView;
  expenses: readonly ExpenseView[];
  code: NoticeCode;
  now: Date;
}): Promise<RenderedPdf> {
  const o = input.overview;
  const w = new NoticeWriter({
    header: input.building,
    title: '电梯更换费用收支公示',
    footer: [
      `账本最新哈希：${o.headHash}`,
      `截至 ${printedAt(o.updatedAt ?? input.now)}，打印于 ${printedAt(input.now)}。金额单位：元。`,
    ],
    createdAt: input.now,
  });
  w.title('电梯更换费用收支公示', `截至 ${printedAt(o.updatedAt ?? input.now)}`);
  w.facts([
    ['应筹总额', yuanText(o.targetFen)],
    ['已收款', `${yuanText(o.collectedFen)}（${o.percentText}）`],
    [
      '缴款户数',
      `已缴清 ${o.units.paid} 户，部分缴纳 ${o.units.partly} 户，未缴 ${o.units.unpaid} 户（共 ${o.units.charged} 户）`,
    ],
    ['现金待入账', `${yuanText(o.pendingCashFen)}（已收现金，待出纳确认）`],
    ['已付工程款', yuanText(o.expensesFen)],
    ['账户结余', yuanText(o.availableFen)],
    ['账本条目', `${o.entryCount} 条`],
  ]);
  w.heading('工程支出');
  const paid = input.expenses.filter((e) => e.status !== 'rejected');
  if (paid.length) {
    w.table(
      [
        { title: '日期', weight: 3 },
        { title: '款项', weight: 2 },
        { title: '收款方', weight: 5 },
        { title: '金额', weight: 3, align: 'right' },
        { title: '状态', weight: 2 },
      ],
      paid.map((e) => [
        printedAt(e.paidAt ?? e.proposedAt).slice(0, -6),
        e.milestoneLabel,
        e.payee,
        e.amountText,
        e.statusLabel,
      ]),
    );
  } else {
    w.paragraph('尚无工程支出。');
  }
  w.heading('怎样核对');
  w.paragraph(
    [
      '每一笔应缴、缴款、现金交接和工程付款都记入公开账本，只增不改；每条记录的哈希包含上一条的哈希，改动任何一条都会让最新哈希对不上。',
      `本公示打印时账本共 ${o.entryCount} 条，最新哈希为：`,
    ].join('\n'),
  );
  w.paragraph(o.headHash, { size: 11 });
  w.paragraph('扫描小程序码打开“公开账本”，核对最新哈希、各户缴款情况和每一笔明细。');
  w.code(input.code.png, codeCaption(input.code, '微信扫一扫：查看公开账本和各户缴款情况。'));
  return w.finish();
}

export const INVITE_LOST_TEXT =
  '名单遗失或损坏时，请联系换梯小组重新打印。重新打印会生成新的邀请码，本名单上的邀请码随即作废；已经绑定的住户不受影响。';

/** The lobby invite sheet: the code, three steps, and room → invite code over as many pages as it takes. */
export function inviteSheetPdf(input: {
  building: string;
  issuedAt: string;
  rows: readonly InviteCodeRow[];
  steps: readonly string[];
  code: NoticeCode;
  now: Date;
}): Promise<RenderedPdf> {
  const w = new NoticeWriter({
    header: input.building,
    title: '住户绑定房屋邀请码',
    footer: [
      INVITE_LOST_TEXT,
      `生成于 ${printedAt(input.issuedAt)}，共 ${input.rows.length} 户；此前张贴的邀请码已作废。`,
    ],
    createdAt: input.now,
  });
  w.title('住户绑定房屋邀请码', input.building);
  w.code(
    input.code.png,
    codeCaption(
      input.code,
      '微信扫一扫，打开小程序绑定房屋（也可以打开小程序，点“我的”→“绑定房屋”）。',
    ),
    130,
  );
  w.paragraph(input.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'));
  w.paragraph('邀请码只用于绑定本楼房屋，请勿拍照外传。', { muted: true });
  const rows = [...input.rows].sort((a, b) => compareUnitNo(a.unitNo, b.unitNo));
  w.table(
    [
      { title: '房号', weight: 2 },
      { title: '邀请码', weight: 3 },
      { title: '房号', weight: 2 },
      { title: '邀请码', weight: 3 },
      { title: '房号', weight: 2 },
      { title: '邀请码', weight: 3 },
    ],
    spread(
      rows.map((r) => [r.unitNo, r.code]),
      3,
    ),
    { size: 14 },
  );
  return w.finish();
}
