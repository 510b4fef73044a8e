import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../scripts/buildFunctions';
import { buildPreview } from '../preview/build';
import { chromiumAvailable, launchChromium } from '../preview/chromium';
import { BUSY_DECISION, demoBudgetBuilding, towerBudgetBuilding } from './budgetBuildings';
import { measureColdStarts } from './coldStart';
import { mainPackageSize } from './packageSize';
import {
  measurePage,
  openPreviewSession,
  PAGE_VISITS,
  type BudgetBuilding,
  type PagePayload,
} from './setDataSizes';
import { compareTally, type TallyFigures } from './tally';
import { budgetRow, type Row } from './table';
import { pageList } from '../preview/compile/graph';

/**
 * The performance budget (issue 11): every figure with its target and whether it is within,
 * in the budget's shape (`measure | value(s) | target | within?`, see bench/table.ts). Rows from
 * other benches join through `toBudgetRow`.
 */

const ROOT = path.resolve(__dirname, '..');
const LARGE = 10_000;
const KB = 1024;
const FUNCTION_BUDGET = '≤ 300 KB';
const PACKAGE_BUDGET = '≤ 400 KB';
const SETDATA_BUDGET = '≤ 16 KB';
const RATIO_BUDGET = '≥ 50×';
/** Pages held to the setData budget; every other page is reported. */
const SETDATA_BUDGETED = new Set([
  'pages/decision-detail/index',
  'pages/decision-results/index',
  'pages/building-map/index',
]);

const kb = (bytes: number): number => Math.round((bytes / KB) * 10) / 10;
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

async function functionRows(): Promise<Row[]> {
  const built = await buildFunctions(ROOT);
  const sizes = built.map((f) =>
    budgetRow(`function bundle: ${f.name}`, kb(f.bytes), FUNCTION_BUDGET, ' KB'),
  );
  const starts = await measureColdStarts(path.join(ROOT, 'cloudfunctions'));
  const cold = starts.map((s) =>
    budgetRow(
      `function cold start: ${s.name} (first answer of a fresh worker; warm after)`,
      [
        ['cold', s.coldMs],
        ['warm', s.warmMs],
      ],
      'reported',
      ' ms',
    ),
  );
  return [...sizes, ...cold];
}

function packageRows(): Row[] {
  const root = path.join(ROOT, 'miniprogram');
  const uploaded = mainPackageSize(root, { minified: true });
  const plain = mainPackageSize(root, { minified: false });
  const parts = Object.entries(uploaded.byKind)
    .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
    .join(', ');
  return [
    budgetRow(
      `mini program main package, as uploaded (${uploaded.files} files, JS minified: ${parts})`,
      kb(uploaded.bytes),
      PACKAGE_BUDGET,
      ' KB',
    ),
    budgetRow(
      'mini program main package, JS not minified (upload with minified off)',
      kb(plain.bytes),
      'reported',
      ' KB',
    ),
  ];
}

/** Every page of app.json on one building, then (on the same cloud) whatever `also` measures. */
async function onBuilding<T>(
  building: BudgetBuilding,
  previewDir: string,
  also: (session: Awaited<ReturnType<typeof openPreviewSession>>) => Promise<T>,
): Promise<{ pages: PagePayload[]; also: T }> {
  const browser = await launchChromium();
  try {
    const session = await openPreviewSession(building, browser, previewDir);
    try {
      const appJson = JSON.parse(
        fs.readFileSync(path.join(ROOT, 'miniprogram', 'app.json'), 'utf8'),
      ) as Record<string, unknown>;
      const pages: PagePayload[] = [];
      for (const page of pageList(appJson)) {
        pages.push(await measurePage(session, page, PAGE_VISITS[page]));
      }
      return { pages, also: await also(session) };
    } finally {
      await session.close();
    }
  } finally {
    await browser.close();
  }
}

function setDataRows(demo: PagePayload[], large: PagePayload[]): Row[] {
  const byPage = new Map(large.map((p) => [p.page, p]));
  return demo.map((d) => {
    const l = byPage.get(d.page);
    const name = d.page.replace(/^pages\//, '').replace(/\/index$/, '');
    const largest = [d, l].filter((p): p is PagePayload => !!p && p.maxBytes > 0);
    const note = largest.some((p) => p.timedOut) ? ' (did not settle in 30 s)' : '';
    return budgetRow(
      `largest setData: ${name}${note}`,
      [
        ['demo', kb(d.maxBytes)],
        ...(l ? ([[`${LARGE.toLocaleString('en-US')} units`, kb(l.maxBytes)]] as const) : []),
      ],
      SETDATA_BUDGETED.has(d.page) ? SETDATA_BUDGET : 'reported',
      ' KB',
    );
  });
}

function tallyRows(t: TallyFigures): Row[] {
  const at = `${LARGE.toLocaleString('en-US')} units, ${t.ballots.toLocaleString('en-US')} ballots`;
  return [
    budgetRow(
      `tally from counters vs recount (${at}): db requests`,
      [
        ['counters', t.countersRequests],
        ['recount', t.recountRequests],
      ],
      'reported',
    ),
    budgetRow(
      `tally from counters vs recount (${at}): ms, warm median`,
      [
        ['counters', round(t.countersMs)],
        ['recount', round(t.recountMs)],
      ],
      'reported',
      ' ms',
    ),
    budgetRow(
      `tally: recount / counters, db requests${t.equal ? '' : ' (COUNTERS DIFFER FROM RECOUNT)'}`,
      round(t.recountRequests / Math.max(1, t.countersRequests)),
      RATIO_BUDGET,
      '×',
    ),
    budgetRow(
      'tally: recount / counters, time',
      round(t.recountMs / Math.max(0.001, t.countersMs)),
      RATIO_BUDGET,
      '×',
    ),
    budgetRow(
      'tally through the function: results vs recount action (db requests)',
      [
        ['results', t.resultsFunction.requests],
        ['recount', t.recountFunction.requests],
      ],
      'reported',
    ),
    budgetRow(
      'tally through the function: results vs recount action (ms, warm median)',
      [
        ['results', t.resultsFunction.ms],
        ['recount', t.recountFunction.ms],
      ],
      'reported',
      ' ms',
    ),
  ];
}

export async function benchBudget(): Promise<Row[]> {
  const rows: Row[] = [...(await functionRows()), ...packageRows()];
  const now = Date.now();
  const tower = towerBudgetBuilding(LARGE, now);
  if (!chromiumAvailable()) {
    rows.push({
      measure: 'largest setData per page',
      'value(s)': 'Chromium not installed: not measured',
      target: SETDATA_BUDGET,
      'within?': '',
    });
    return rows;
  }
  const previewDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-bench-budget-preview-'));
  try {
    await buildPreview({ miniprogramDir: path.join(ROOT, 'miniprogram'), outDir: previewDir });
    const demo = await onBuilding(demoBudgetBuilding(now), previewDir, async () => null);
    const large = await onBuilding(tower, previewDir, (session) =>
      compareTally(session.cloud, BUSY_DECISION, tower.as.organizer),
    );
    rows.push(...setDataRows(demo.pages, large.pages), ...tallyRows(large.also));
    return rows;
  } finally {
    fs.rmSync(previewDir, { recursive: true, force: true });
  }
}
