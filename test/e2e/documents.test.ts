import { readPdf } from '../helpers/pdfText';
import { bytesOf, openedDocuments } from './documents';
import { startJourney, type Journey } from './journey';

/**
 * Documents and printable notices in the browser preview: an owner opens the plan's inspection
 * report from the decision (a real PDF, shown by wx.openDocument with its menu), and community
 * staff take the final result as an A4 PDF to post in the lobby.
 */
jest.setTimeout(60_000);

const PLAN = 'd-elevator-plan';
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('documents');
});
afterAll(() => journey?.close());

test("an owner opens the plan's inspection report", async () => {
  const owner = await journey.open(`#/pages/decision-detail/index?id=${PLAN}`, 'demo-owner-p104');
  const detail = owner.frame('pages/decision-detail/index');
  const report = detail.getByText('两部电梯第三方检测报告', { exact: true });
  await report.waitFor();
  await report.scrollIntoViewIfNeeded();
  await owner.shot('documents');
  expect(await detail.locator('.link-print').count()).toBe(0);
  const [popup] = await Promise.all([owner.page.waitForEvent('popup'), report.click()]);
  await popup.close();
  const opened = await openedDocuments(owner.page);
  expect(opened).toEqual([expect.objectContaining({ fileType: 'pdf', showMenu: true })]);
  const pdf = await readPdf(await bytesOf(owner.page, opened[0]?.filePath ?? ''));
  expect(pdf.compact).toContain('电梯安全评估报告');
  expect(pdf.compact).toContain('导轨及支架');
  expect(owner.errors).toEqual([]);
});

test('community staff print the final result for the lobby', async () => {
  const staff = await journey.open(`#/pages/decision-detail/index?id=${PLAN}`, 'demo-staff1');
  const detail = staff.frame('pages/decision-detail/index');
  const print = detail.getByText('最终结果打印版（PDF）', { exact: true });
  await print.waitFor();
  await print.scrollIntoViewIfNeeded();
  await staff.shot('print-result');
  const [popup] = await Promise.all([staff.page.waitForEvent('popup'), print.click()]);
  await popup.close();
  const opened = await openedDocuments(staff.page);
  expect(opened).toEqual([expect.objectContaining({ fileType: 'pdf', showMenu: true })]);
  const pdf = await readPdf(await bytesOf(staff.page, opened[0]?.filePath ?? ''));
  expect(pdf.compact).toContain('电梯更换方案表决');
  expect(pdf.compact).toContain('表决结果（最终）');
  expect(pdf.compact).toContain('通过（方案A）');
  expect(staff.errors).toEqual([]);
});
