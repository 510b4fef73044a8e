import { NoticeWriter } from '../../server/notices/pdf';
import { printedAt } from '../../server/notices/layouts';
import { REPORT_PATH } from './articles';

/**
 * The demo decision's 公示资料 as real PDFs in the notice font, drawn by the same renderer as the
 * printed notices: the third-party inspection report that answered "why replace, not repair?",
 * three companies' quotes, and the comparison of the two plans put to the vote. The companies
 * and the inspection body are invented; the building and its story are the one in ../shared/seed.
 */

const DAY = 24 * 3600_000;
const BUILDING = '慈爱鑫和公寓';

export const DECISION_DOCUMENT_PATHS = {
  inspection: 'decisions/inspection-report.pdf',
  quotes: 'decisions/quotes.pdf',
  comparison: 'decisions/plan-comparison.pdf',
} as const;

function day(at: number): string {
  return printedAt(new Date(at)).slice(0, -6);
}

export function inspectionReportPdf(now: number): Buffer {
  const inspectedAt = now - 118 * DAY;
  const w = new NoticeWriter({
    header: '沪安特种设备检测技术有限公司',
    title: `${BUILDING} 电梯安全评估报告`,
    footer: [
      `报告编号 HA-DT-${new Date(inspectedAt).getUTCFullYear()}-0873 · 检测日期 ${day(inspectedAt)}`,
      '本报告仅对所检电梯在检测时的状态负责；复印件未加盖检测专用章无效。',
    ],
    createdAt: new Date(inspectedAt + 6 * DAY),
  });
  w.title('电梯安全评估报告', `${BUILDING}（曹家渡街道三和花园居民区）`);
  w.facts([
    ['委托方', '三和花园居民区换梯工作小组（居委会见证）'],
    ['检测对象', '1 号、2 号乘客电梯，额定载重 1000 kg，24 层 24 站，2000 年投入使用'],
    ['检测日期', day(inspectedAt)],
    ['检测依据', 'TSG T7001《电梯监督检验和定期检验规则》、GB/T 31821《电梯主要部件报废技术条件》'],
    [
      '结论',
      '两部电梯主要部件已达报废条件，无法通过维修恢复安全运行，建议整体更换曳引系统、控制系统和门系统；导轨可保留。',
    ],
  ]);
  w.heading('一、事故经过');
  w.paragraph(
    '据物业记录，去年 2 月和 5 月，1 号电梯两次发生轿厢“溜梯”（停层后轿厢缓慢移动），均未造成人员受伤。两次事故后电梯经维修恢复运行，但制动器、曳引轮故障此后仍频繁出现。',
  );
  w.heading('二、检测结果');
  w.table(
    [
      { title: '部件', weight: 3 },
      { title: '检测情况', weight: 7 },
      { title: '判定', weight: 2 },
    ],
    [
      [
        '曳引机及制动器',
        '制动衬磨损超过原厚度 1/4，制动力矩试验 1 号梯不合格；曳引轮绳槽磨损不均，钢丝绳有断丝。',
        '报废',
      ],
      ['控制柜', '继电器控制，元件已停产，无备件；平层精度 ±25 mm，超出标准。', '报废'],
      ['层门、轿门', '门锁啮合长度不足，门滑块磨损，部分层门地坎变形。', '更换'],
      ['轿厢及按钮', '按键脱落，地板磨损，排风扇松动。', '更换'],
      ['导轨及支架', '导轨直线度、接头台阶在允许范围内，支架无松动。', '可保留'],
      ['井道及底坑', '底坑有少量渗水，缓冲器完好。', '整改'],
    ],
  );
  w.heading('三、维修还是更换');
  w.paragraph(
    '曳引机、制动器和控制系统是保证电梯不溜梯、准确平层的核心部件。这些部件已停产，维修只能使用拆机件，无法达到现行标准的安全要求；继续维修的费用累计将接近更换费用，且不能消除溜梯风险。',
  );
  w.paragraph(
    '导轨及其支架状况良好。更换方案可保留导轨等特种设备，更换其余部件，可缩短工期、节省费用。',
  );
  w.heading('四、建议');
  w.paragraph(
    '1. 两部电梯尽快整体更新改造，施工期间轮流停用，保留一部运行。\n2. 更换前加强日常维护，每周检查制动器一次。\n3. 底坑渗水随更换工程一并处理。',
  );
  w.facts([
    ['检测人员', '检验师 2 名（持证编号略）'],
    ['审核', '技术负责人'],
  ]);
  return w.finishSync().pdf;
}

interface Quote {
  company: string;
  plan: string;
  priceFen: number;
  days: number;
  warranty: string;
  brand: string;
}

const QUOTES: readonly Quote[] = [
  {
    company: '上海申联电梯工程有限公司',
    plan: '保留导轨，更换曳引机、控制系统、门系统和轿厢',
    priceFen: 98_000_000,
    days: 45,
    warranty: '整机 2 年，主机 5 年',
    brand: '永磁同步无齿轮曳引机，微机控制',
  },
  {
    company: '上海浦江电梯安装有限公司',
    plan: '保留导轨，更换其余部件',
    priceFen: 104_500_000,
    days: 50,
    warranty: '整机 2 年',
    brand: '永磁同步无齿轮曳引机，微机控制',
  },
  {
    company: '江苏华升电梯有限公司',
    plan: '整体更换（含导轨）',
    priceFen: 126_000_000,
    days: 60,
    warranty: '整机 3 年',
    brand: '整梯新装，含能量回馈',
  },
];

function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
}

export function quotesPdf(now: number): Buffer {
  const quotedAt = now - 80 * DAY;
  const w = new NoticeWriter({
    header: `${BUILDING} 换梯工作小组`,
    title: '三家电梯公司报价汇总',
    footer: [
      `报价收集于 ${day(quotedAt)}，两部电梯合计，含税、含拆旧和运输。各公司报价原件存换梯工作小组备查。`,
      '报价有效期 90 天；最终价格以表决通过后签订的合同为准。',
    ],
    createdAt: new Date(quotedAt),
  });
  w.title('三家电梯公司报价汇总', `${BUILDING} 两部电梯更新改造`);
  w.paragraph(
    '受业主授权（表决“授权换梯小组与电梯公司洽谈”），换梯工作小组请三家电梯公司现场勘察后报价。下表为两部电梯的合计报价。',
  );
  w.table(
    [
      { title: '公司', weight: 4 },
      { title: '方案', weight: 5 },
      { title: '报价', weight: 3, align: 'right' },
      { title: '工期', weight: 2, align: 'right' },
    ],
    QUOTES.map((q) => [q.company, q.plan, yuan(q.priceFen), `${q.days} 天`]),
  );
  for (const q of QUOTES) {
    w.heading(q.company);
    w.facts([
      ['方案', q.plan],
      ['设备', q.brand],
      ['报价', `${yuan(q.priceFen)}（两部合计）`],
      ['工期', `${q.days} 天，两部电梯轮流施工`],
      ['质保', q.warranty],
    ]);
  }
  return w.finishSync().pdf;
}

export function planComparisonPdf(now: number): Buffer {
  const at = now - 66 * DAY;
  const w = new NoticeWriter({
    header: `${BUILDING} 换梯工作小组`,
    title: '方案比较表',
    footer: [
      `编制于 ${day(at)}。费用按 138 户专有部分面积分摊，各户金额以“筹款”页的分摊结果为准。`,
    ],
    createdAt: new Date(at),
  });
  w.title('方案比较表', '工期、费用、停梯安排');
  w.table(
    [
      { title: '', weight: 2 },
      { title: '方案A：保留导轨，更换其余部件', weight: 4 },
      { title: '方案B：整体更换', weight: 4 },
    ],
    [
      ['费用', '¥980,000.00', '¥1,260,000.00'],
      ['工期', '约 45 天', '约 60 天'],
      [
        '停梯安排',
        '两部轮流停用，始终保留一部运行；两部同时停用约 3 天',
        '两部轮流停用；两部同时停用约 10 天（更换导轨）',
      ],
      ['检测意见', '导轨状况良好，可以保留', '导轨一并更新，使用年限更长'],
      ['资金来源', '业主自筹，按专有面积分摊', '业主自筹，按专有面积分摊'],
      ['维修基金', '不动用（已接近红线）', '不动用（已接近红线）'],
    ],
  );
  w.heading('换梯工作小组的意见');
  w.paragraph(
    '检测报告确认导轨可以保留。方案A 费用低约 28 万元、工期短约两周，两部电梯同时停用的天数少，对高龄住户影响较小。换梯工作小组建议选择方案A，最终以业主表决结果为准。',
  );
  w.paragraph(
    '表决规则：本事项属于《民法典》第二百七十八条第七项（改建、重建建筑物及其附属设施），须参与表决的面积和人数均不少于三分之二，且同意的面积和人数均不少于参与表决的四分之三。',
  );
  return w.finishSync().pdf;
}

let cached: { key: string; files: Record<string, Buffer> } | null = null;

/** The documents (cloudPath → bytes), drawn once per process and day of `now`. */
function documentsOn(now: number): Record<string, Buffer> {
  const key = new Date(now).toISOString().slice(0, 10);
  if (cached?.key !== key) {
    const report = inspectionReportPdf(now);
    cached = {
      key,
      files: {
        [DECISION_DOCUMENT_PATHS.inspection]: report,
        [DECISION_DOCUMENT_PATHS.quotes]: quotesPdf(now),
        [DECISION_DOCUMENT_PATHS.comparison]: planComparisonPdf(now),
        // The 检测报告 article attaches the same report.
        [REPORT_PATH]: report,
      },
    };
  }
  return cached.files;
}

/**
 * Adds the documents to `files` as enumerable getters: drawing them takes about a second in a
 * fresh process, and most users of the demo seed (tests that need only its collections) never
 * read its files.
 */
export function withDemoDocuments(
  files: Record<string, Buffer>,
  now: number,
): Record<string, Buffer> {
  for (const path of [...Object.values(DECISION_DOCUMENT_PATHS), REPORT_PATH]) {
    Object.defineProperty(files, path, {
      enumerable: true,
      configurable: true,
      get: () => documentsOn(now)[path],
    });
  }
  return files;
}
