import fs from 'node:fs';
import path from 'node:path';
import { png } from '../../cli/seed/photos';
import { startJourney, type Journey } from './journey';

/**
 * Progress in the browser, through the real pages and functions: the organizer posts an update
 * with two photos (chosen in the file picker, uploaded under progress/, captioned), and a
 * resident finds it on the 进度 tab, opens it and opens a photo full screen.
 */
jest.setTimeout(60_000);

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('progress');
});
afterAll(() => journey?.close());

const TEXT = '井道脚手架已经搭好，下周一开始拆旧电梯，请大家注意安全。';

test('an organizer posts an update with photos and a resident sees it on the 进度 tab', async () => {
  const organizer = await journey.open('#/pages/progress/index', 'demo-organizer');
  const tab = organizer.frame('pages/progress/index');
  await tab.locator('.percent').waitFor();
  await tab.getByText('发布进展', { exact: true }).click();

  const post = organizer.frame('pages/progress-post/index');
  // The picker starts at the stage the works are at: the outage, next after signing.
  await post.locator('.stage-picker', { hasText: '停梯施工' }).waitFor();
  await post.locator('.text-input').locator('input, textarea').first().pressSequentially(TEXT);
  const photos = [png(64, 48, (x) => [200, x * 3, 80]), png(64, 48, (_x, y) => [40, 90, y * 5])];
  const [chooser] = await Promise.all([
    organizer.page.waitForEvent('filechooser'),
    post.getByText('添加照片', { exact: true }).click(),
  ]);
  await chooser.setFiles([
    { name: 'scaffold.png', mimeType: 'image/png', buffer: photos[0] ?? Buffer.alloc(0) },
    { name: 'shaft.png', mimeType: 'image/png', buffer: photos[1] ?? Buffer.alloc(0) },
  ]);
  await post.locator('.photo-row').nth(1).waitFor();
  await post.locator('.caption-input').first().locator('input').pressSequentially('脚手架');
  await organizer.shot('organizer-post');
  await post.getByText('发布', { exact: true }).click();

  const posted = organizer.frame('pages/progress-update/index');
  await posted.getByText(TEXT, { exact: true }).waitFor();
  expect(await posted.locator('.caption').allInnerTexts()).toEqual(['脚手架']);
  expect(await posted.locator('.photo').count()).toBe(2);
  await organizer.shot('organizer-posted');

  // Both photos went to the cloud's storage under progress/, byte for byte.
  const stored = findFiles(path.join(journey.cloud.dataDir, 'storage')).filter((f) =>
    f.includes(path.join('progress', 'outage')),
  );
  expect(stored.map((f) => fs.readFileSync(f)).sort(Buffer.compare)).toEqual(
    [...photos].sort(Buffer.compare),
  );

  const resident = await journey.open('#/pages/progress/index', 'demo-owner-p104');
  const home = resident.frame('pages/progress/index');
  const first = home.locator('.update').first();
  await first.getByText(TEXT, { exact: true }).waitFor();
  expect(await first.locator('.thumb').count()).toBe(2);
  expect(await home.locator('.post-button').count()).toBe(0);
  await resident.shot('resident-tab');
  await first.click();
  const update = resident.frame('pages/progress-update/index');
  await update.getByText(TEXT, { exact: true }).waitFor();
  // A photo opens full screen (the preview opens the image itself).
  const [popup] = await Promise.all([
    resident.page.waitForEvent('popup'),
    update.locator('.photo').first().click(),
  ]);
  expect(popup.url()).toContain('/storage/files/');
  expect(popup.url()).toContain('progress/outage/');
  await resident.shot('resident-update');
  expect([...organizer.errors, ...resident.errors]).toEqual([]);
});

function findFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? findFiles(full) : [full];
  });
}
