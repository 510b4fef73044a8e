import { demoSeed } from '../../cli/seed/demo';
import type { ApiResult, BindingRequestResult } from '../../typings/api';
import { readPdf } from '../helpers/pdfText';
import { bytesOf, openedDocuments } from './documents';
import { startJourney, type Journey } from './journey';

/**
 * The lobby list in the browser: the organizer opens it from the desk, is warned, confirms, and
 * gets a sheet to post by the lift — the building, a mini program code that loads, and a fresh
 * code for every flat. A journey of its own: issuing voids the demo building's printed codes.
 */
jest.setTimeout(60_000);

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('invite-sheet');
});
afterAll(() => journey?.close());

test('an organizer issues the lobby list and sees a printable sheet', async () => {
  const organizer = await journey.open('#/pages/organizer/index', 'demo-organizer');
  const desk = organizer.frame('pages/organizer/index');
  const entry = desk.getByText('大堂邀请码名单', { exact: true });
  await entry.waitFor();
  await organizer.shot('desk');
  await entry.click();
  const sheetPage = organizer.frame('pages/invite-sheet/index');
  await sheetPage.getByText('之前张贴的邀请码全部作废', { exact: false }).waitFor();
  await organizer.shot('warning');

  await sheetPage.getByText('生成邀请码名单', { exact: true }).click();
  const dialog = organizer.page.locator('.pv-dialog');
  await dialog.getByText('之前张贴的邀请码将全部作废', { exact: false }).waitFor();
  // Confirming issues the codes and opens their A4 PDF at once, to forward or save.
  const [popup] = await Promise.all([
    organizer.page.waitForEvent('popup'),
    dialog.locator('.pv-dialog__btn--ok').click(),
  ]);
  await popup.close();
  const opened = await openedDocuments(organizer.page);
  expect(opened).toHaveLength(1);
  expect(opened[0]).toMatchObject({ fileType: 'pdf', showMenu: true });
  const pdf = await readPdf(await bytesOf(organizer.page, opened[0]?.filePath ?? ''));
  expect(pdf.pages).toBeGreaterThanOrEqual(2);
  expect(pdf.compact).toContain('名单遗失或损坏时，请联系换梯小组重新打印');

  const sheet = sheetPage.locator('.sheet');
  await sheet.waitFor();
  expect(await sheet.locator('.sheet-building').innerText()).toBe('慈爱鑫和公寓');
  await sheet.locator('.qr img').waitFor();
  // Loaded means the signed URL from getTempFileURL served the PNG the function drew.
  await organizer.page.waitForFunction(
    `(() => { const img = document.querySelector('.pv-frame[data-path="pages/invite-sheet/index"] .qr img'); return !!img && img.complete && img.naturalWidth > 0; })()`,
  );
  const row = sheet.locator('.code-row', {
    has: organizer.page.locator('.room', { hasText: /^12-04$/ }),
  });
  const code = await row.locator('.code').innerText();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  // The printed sheet carries the same code as the screen.
  expect(pdf.compact).toContain(`12-04${code}`);
  await organizer.shot('sheet');
  await row.scrollIntoViewIfNeeded();
  await organizer.shot('sheet-12-04');
  expect(organizer.errors).toEqual([]);

  // What the warning said: the code posted before no longer binds 12-04; the new one does.
  const posted = demoSeed().inviteCodes.find((c) => c.unitNo === '12-04')?.code;
  if (!posted) throw new Error('the demo lobby list has no code for 12-04');
  expect(posted).not.toBe(code);
  expect(await bindWith(posted)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await bindWith(code)).toMatchObject({
    ok: true,
    data: { bindings: [{ unitNo: '12-04', status: 'pending' }] },
  });
});

async function bindWith(code: string): Promise<ApiResult<BindingRequestResult>> {
  const request = { action: 'requestBinding', code, as: 'resident', name: '林晓雯' };
  const r = await journey.cloud.call('households', request, 'demo-guest');
  return (r.body as { result: ApiResult<BindingRequestResult> }).result;
}
