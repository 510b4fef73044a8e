import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PREVIEW_VIEWPORT } from '../preview/chromium';
import { previewRoutes } from '../preview/routes';
import { startLocalCloud, type IdentityOption, type LocalCloud } from '../localcloud/server';

/**
 * The largest `setData` payload of each page of the real mini program, measured in the browser
 * preview (WeChat's exparser) against a local cloud holding a building: every page of app.json
 * opens by deep link as the person who would use it, runs until its cloud calls are answered and
 * it has been quiet a moment, and each `setData` it or its components made is weighed as WeChat
 * serializes it (JSON, UTF-8 bytes; preview/runtime/setDataProbe.ts).
 */

const ROOT = path.resolve(__dirname, '..');
const QUIET_MS = 400;
const PAGE_TIMEOUT_MS = 30_000;

/** The people and records of a building a page needs to open on something real. */
export interface BudgetBuilding {
  label: string;
  collections: Record<string, readonly object[]>;
  files?: Record<string, Buffer>;
  identities: IdentityOption[];
  as: Record<Role, string>;
  ids: BuildingIds;
}

export type Role = 'organizer' | 'owner' | 'staff' | 'treasurer' | 'resident';

export interface BuildingIds {
  /** The decision open for voting (vote, results, published list, paper entry, organize). */
  openDecision: string;
  article: string;
  progressUpdate: string;
  outage: string;
  unit: string;
}

/** How one page is opened: who opens it and with which query. Pages not listed open bare. */
export interface PageVisit {
  as: Role;
  query?: (ids: BuildingIds) => string;
}

/** One line per page that needs a person or a query; a page added later needs one line here. */
export const PAGE_VISITS: Record<string, PageVisit> = {
  'pages/home/index': { as: 'owner' },
  'pages/decisions/index': { as: 'owner' },
  'pages/money/index': { as: 'owner' },
  'pages/progress/index': { as: 'owner' },
  'pages/me/index': { as: 'owner' },
  'pages/household/index': { as: 'owner' },
  'pages/organizer/index': { as: 'organizer' },
  'pages/invite-sheet/index': { as: 'organizer' },
  'pages/decision-detail/index': { as: 'owner', query: (i) => `id=${i.openDecision}` },
  'pages/decision-results/index': { as: 'owner', query: (i) => `id=${i.openDecision}` },
  'pages/decision-published/index': { as: 'owner', query: (i) => `id=${i.openDecision}` },
  'pages/decision-paper/index': { as: 'staff', query: (i) => `id=${i.openDecision}` },
  'pages/decision-organize/index': { as: 'organizer', query: (i) => `id=${i.openDecision}` },
  'pages/pay/index': { as: 'owner', query: (i) => `unit=${i.unit}` },
  'pages/ledger/index': { as: 'owner' },
  'pages/funds-organize/index': { as: 'organizer' },
  'pages/cash-desk/index': { as: 'staff' },
  'pages/treasurer/index': { as: 'treasurer' },
  'pages/articles/index': { as: 'owner' },
  'pages/article/index': { as: 'owner', query: (i) => `id=${i.article}` },
  'pages/article-edit/index': { as: 'organizer', query: (i) => `id=${i.article}` },
  'pages/progress-update/index': { as: 'owner', query: (i) => `id=${i.progressUpdate}` },
  'pages/progress-updates/index': { as: 'owner' },
  'pages/progress-post/index': { as: 'organizer' },
  'pages/outage/index': { as: 'owner', query: (i) => `id=${i.outage}` },
  'pages/reminders/index': { as: 'owner' },
  'pages/building-map/index': { as: 'organizer' },
};

export interface PagePayload {
  page: string;
  /** Largest single setData, bytes (0: the page made none). */
  maxBytes: number;
  calls: number;
  /** Which module (the page or one of its components) made the largest. */
  by: string;
  /** The page did not settle in time (its figures are what it did until then). */
  timedOut: boolean;
}

/** A local cloud holding `building` with the preview served from it, and a browser. */
export interface PreviewSession {
  building: BudgetBuilding;
  cloud: LocalCloud;
  close(): Promise<void>;
}

export async function openPreviewSession(
  building: BudgetBuilding,
  browser: Browser,
  previewDir: string,
): Promise<PreviewSession & { browser: Browser; previewDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-bench-setdata-'));
  const cloud = await startLocalCloud({
    dataDir,
    port: 0,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    seed: building.collections,
    seedFiles: building.files,
    identities: building.identities,
    routes: previewRoutes({ outDir: previewDir }),
    maxWorkersPerFunction: 2,
  });
  return {
    building,
    cloud,
    browser,
    previewDir,
    async close() {
      await cloud.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Records every setData before the runtime loads; counts calls in flight through the preview. */
const PROBE = `
  window.__ttSetData = [];
  window.__ttSetDataProbe = (path, bytes) =>
    window.__ttSetData.push({ path, bytes, at: performance.now() });
`;

interface Recorded {
  path: string;
  bytes: number;
  at: number;
}

/** Opens one page as `visit` says and returns its largest setData. */
export async function measurePage(
  session: PreviewSession & { browser: Browser },
  page: string,
  visit: PageVisit = { as: 'organizer' },
): Promise<PagePayload> {
  const openid = session.building.as[visit.as];
  const context = await session.browser.newContext({ viewport: PREVIEW_VIEWPORT });
  try {
    await context.addInitScript({
      content: `localStorage.setItem('tongti-preview:openid', ${JSON.stringify(openid)});${PROBE}`,
    });
    const tab = await context.newPage();
    const query = visit.query ? `?${visit.query(session.building.ids)}` : '';
    await tab.goto(`${session.cloud.url}/preview/#/${page}${query}`);
    await tab.waitForSelector('html[data-pv-ready]');
    const started = Date.now();
    let timedOut = false;
    for (;;) {
      const state = (await tab.evaluate(`({
        pending: window.__ttPreview ? window.__ttPreview.pendingCalls() : 1,
        last: window.__ttSetData.length ? window.__ttSetData[window.__ttSetData.length - 1].at : 0,
        now: performance.now(),
      })`)) as { pending: number; last: number; now: number };
      if (state.pending === 0 && state.now - state.last >= QUIET_MS) break;
      if (Date.now() - started > PAGE_TIMEOUT_MS) {
        timedOut = true;
        break;
      }
      await tab.waitForTimeout(100);
    }
    const recorded = (await tab.evaluate('window.__ttSetData')) as Recorded[];
    let largest: Recorded | null = null;
    for (const r of recorded) if (!largest || r.bytes > largest.bytes) largest = r;
    return {
      page,
      maxBytes: largest?.bytes ?? 0,
      calls: recorded.length,
      by: largest ? largest.path : '',
      timedOut,
    };
  } finally {
    await context.close();
  }
}
