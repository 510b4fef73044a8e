import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordsOf, sheetOf, workbookFrom } from '../helpers/workbooks';
import { startJourney, type Journey, type JourneyPage } from './journey';

/**
 * "导出 Excel" in the browser preview: the organizer exports the open vote's roll from the
 * organize page, the admin the contact list from the tracker. The preview has no document
 * viewer, so wx.openDocument downloads the file under its own name; the download is read back
 * with exceljs.
 */
jest.setTimeout(90_000);

let journey: Journey;
let dir: string;

beforeAll(async () => {
  journey = await startJourney('exports');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-e2e-exports-'));
});
afterAll(async () => {
  await journey?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function download(who: JourneyPage, route: string, label: string): Promise<string> {
  const button = who.frame(route).getByText(label, { exact: true });
  await button.waitFor();
  await button.scrollIntoViewIfNeeded();
  await who.shot('button');
  const [file] = await Promise.all([who.page.waitForEvent('download'), button.click()]);
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  await who.frame(route).getByText('已生成', { exact: false }).waitFor();
  await who.shot('done');
  return target;
}

test("an organizer downloads the open vote's roll as a spreadsheet", async () => {
  const route = 'pages/decision-organize/index';
  const organizer = await journey.open(`#/${route}?id=d-outage-arrangements`, 'demo-organizer');
  const saved = await download(organizer, route, '导出 Excel：表决名册与计票');
  expect(path.basename(saved)).toMatch(/^表决名册-施工期间停梯安排-\d{8}-\d{4}\.xlsx$/);
  const book = await workbookFrom(fs.readFileSync(saved));
  const roll = recordsOf(sheetOf(book, '表决名册'));
  expect(roll.size).toBe(138);
  const voted = [...roll.values()].filter((r) => r['表决意见'] !== '未投票');
  expect(voted.length).toBeGreaterThan(80);
  // Organizers get masked names: a surname and stars.
  expect(voted.every((r) => /^.\*+$|^未售/.test(String(r['业主'])))).toBe(true);
  expect(organizer.errors).toEqual([]);
});

test('the admin downloads the contact list with phone numbers', async () => {
  const route = 'pages/organizer/index';
  const admin = await journey.open(`#/${route}`, 'demo-admin');
  const saved = await download(admin, route, '导出 Excel：业主联系名单（含电话）');
  const list = recordsOf(sheetOf(await workbookFrom(fs.readFileSync(saved)), '联系名单'));
  expect(list.size).toBe(138);
  expect(
    [...list.values()].filter((r) => /^1\d{10}/.test(String(r['电话']))).length,
  ).toBeGreaterThan(50);
  expect(admin.errors).toEqual([]);
});

test('the organizer exports the money from the funds desk in large type', async () => {
  const route = 'pages/funds-organize/index';
  const organizer = await journey.open(`#/${route}`, 'demo-organizer');
  await organizer.page.evaluate("localStorage.setItem('tongti-preview:largeType', '1')");
  await organizer.page.reload();
  await organizer.page.waitForSelector('html[data-pv-ready]');
  await organizer.frame(route).locator('.tab-charges').click();
  const button = organizer
    .frame(route)
    .locator('wx-button', { hasText: '导出 Excel：各户缴款与账本' });
  await button.waitFor();
  // A tap target of at least 44 pt, text included, in WeChat's large font.
  expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  const saved = await download(organizer, route, '导出 Excel：各户缴款与账本');
  const book = await workbookFrom(fs.readFileSync(saved));
  expect(book.worksheets.map((w) => w.name)).toEqual(['各户缴款', '缴款记录', '账本']);
  const units = recordsOf(sheetOf(book, '各户缴款'));
  expect(units.size).toBe(138);
  expect([...units.values()].filter((u) => u['状态'] === '已缴清').length).toBeGreaterThan(50);
  expect(organizer.errors).toEqual([]);
});
