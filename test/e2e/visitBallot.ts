import type { JourneyPage } from './journey';

/** A 1×1 PNG: the photo of the visit record both staff signed. */
export const VISIT_RECORD = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** On the ballot entry page with the flat found: 上门, 同意, and the visit record photographed. */
export async function startVisitBallot(staff: JourneyPage): Promise<void> {
  const paper = staff.frame('pages/decision-paper/index');
  await paper.locator('.channel', { hasText: '上门' }).click();
  await paper.locator('.choice', { hasText: '同意' }).click();
  const [chooser] = await Promise.all([
    staff.page.waitForEvent('filechooser'),
    paper.getByText('拍摄两人签字的上门记录', { exact: true }).click(),
  ]);
  await chooser.setFiles({ name: 'visit.png', mimeType: 'image/png', buffer: VISIT_RECORD });
  await paper.getByText('已拍摄，重新拍摄', { exact: true }).waitFor();
}

/** Names the colleague who signed with them, confirms, and waits for the entry to be done. */
export async function signAndEnter(staff: JourneyPage, colleague: string): Promise<void> {
  const paper = staff.frame('pages/decision-paper/index');
  await paper.locator('wx-picker.witness').click();
  await staff.page.locator('.pv-picklist__item', { hasText: colleague }).click();
  await paper.getByText(`${colleague} ▾`, { exact: true }).waitFor();
  await paper.getByText('确认录入', { exact: true }).click();
  await staff.page.locator('.pv-dialog', { hasText: `与${colleague}两人签字` }).waitFor();
  await staff.page.locator('.pv-dialog__btn--ok').click();
  await paper.locator('.done').waitFor();
}
