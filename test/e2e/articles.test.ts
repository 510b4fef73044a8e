import type { Locator } from 'playwright-core';
import { shaftPhoto } from '../../cli/seed/photos';
import { startJourney, type Journey } from './journey';

/**
 * Articles in the browser, tapped through the real pages against the real functions: the
 * organizer writes a notice, inserts a photo (uploaded to the local cloud's storage), previews
 * it as residents will see it and publishes it; a resident finds it in the 公告 list, reads it
 * with the photo, and asks a question; the organizer answers it in public and sees the reads.
 */
jest.setTimeout(90_000);

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('articles');
});
afterAll(() => journey?.close());

async function typeInto(field: Locator, text: string): Promise<void> {
  await field.locator('input, textarea').first().pressSequentially(text);
}

/** Whether the rich-text shows an image that really loaded. */
async function loadedImages(scope: Locator): Promise<number> {
  const images = scope.locator('wx-rich-text img');
  await images.first().waitFor();
  return images.evaluateAll(
    (els) =>
      els.filter(
        (el) =>
          (el as unknown as { complete: boolean }).complete &&
          (el as unknown as { naturalWidth: number }).naturalWidth > 0,
      ).length,
  );
}

const TITLE = '关于电梯井道清理的通知';
const QUESTION = '清理那天电梯还能坐吗？';
const ANSWER = '上午停用两小时，其余时间正常。';

test('an organizer publishes a notice with a photo; a resident reads it, asks, and gets a public answer', async () => {
  const resident = journey.identities.find((i) => i.role === 'resident');
  if (!resident) throw new Error('the demo building has no resident');

  // The organizer: 公告 → 写公告, a title, the text, a photo from the album.
  const organizer = await journey.open('#/pages/articles/index', 'demo-organizer');
  const list = organizer.frame('pages/articles/index');
  await list.getByText('写公告', { exact: true }).click();
  const editor = organizer.frame('pages/article-edit/index');
  await editor.locator('.title-input').waitFor();
  await typeInto(editor.locator('.title-input'), TITLE);
  await typeInto(editor.locator('.summary-input'), '周三上午清理井道，请勿在电梯厅堆放杂物。');
  await typeInto(editor.locator('.body-input'), '周三上午九点到十一点清理两部电梯的井道。');
  const [chooser] = await Promise.all([
    organizer.page.waitForEvent('filechooser'),
    editor.getByText('插入图片', { exact: true }).click(),
  ]);
  await chooser.setFiles({ name: 'shaft.png', mimeType: 'image/png', buffer: shaftPhoto() });
  await editor
    .locator('.body-input textarea')
    .first()
    .evaluate(
      (el) =>
        new Promise<void>((done) => {
          const check = (): void => {
            if ((el as unknown as { value: string }).value.includes('cloud://')) done();
            else setTimeout(check, 50);
          };
          check();
        }),
    );

  // 预览: the server builds the page exactly as residents will get it, photo included.
  await editor.getByText('预览', { exact: true }).click();
  const preview = editor.locator('.preview');
  await preview.getByText(TITLE, { exact: true }).waitFor();
  expect(await loadedImages(preview)).toBe(1);
  await organizer.shot('preview');
  await editor.getByText('继续编辑', { exact: true }).click();
  await editor.getByText('立即发布', { exact: true }).click();
  const published = organizer.frame('pages/article/index');
  await published.getByText(TITLE, { exact: true }).waitFor();
  expect(await published.locator('.reads-figure').innerText()).toBe('已读 1 户 / 138');
  await organizer.shot('published');

  // The resident finds it in the list and reads it, photo and all, then asks.
  const reader = await journey.open('#/pages/articles/index', resident.openid);
  await reader.frame('pages/articles/index').getByText(TITLE, { exact: true }).click();
  const article = reader.frame('pages/article/index');
  await article.getByText('周三上午九点到十一点', { exact: false }).waitFor();
  expect(await loadedImages(article)).toBe(1);
  await typeInto(article.locator('.ask-field'), QUESTION);
  await article.getByText('提交问题', { exact: true }).click();
  await article.getByText(`问：${QUESTION}`, { exact: true }).waitFor();
  await article.getByText('等待答复', { exact: true }).waitFor();
  await reader.shot('asked');

  // The organizer answers in public and sees two flats have read it: theirs and the resident's.
  const again = await journey.open('#/pages/articles/index', 'demo-organizer');
  await again.frame('pages/articles/index').getByText(TITLE, { exact: true }).click();
  const mine = again.frame('pages/article/index');
  await mine.getByText(`问：${QUESTION}`, { exact: true }).waitFor();
  expect(await mine.locator('.reads-figure').innerText()).toBe('已读 2 户 / 138');
  await typeInto(mine.locator('.answer-field'), ANSWER);
  await mine.getByText('公开答复', { exact: true }).click();
  await mine.getByText(`答：${ANSWER}`, { exact: true }).waitFor();
  await again.shot('answered');

  // The resident pulls the page again and reads the answer; their name shows masked.
  await reader.page.reload();
  await reader.page.waitForSelector('html[data-pv-ready]');
  const reread = reader.frame('pages/article/index');
  await reread.getByText(`答：${ANSWER}`, { exact: true }).waitFor();
  const asker = await reread.locator('.question .tt-muted').first().innerText();
  expect(asker).toMatch(/^\S\*+ · \d+楼（我） · /);
  await reader.shot('answer-read');

  const checks = journey.cloud.cloud.outbox.list('openapi.security.msgSecCheck');
  expect(checks.map((c) => c.content)).toEqual(expect.arrayContaining([TITLE, QUESTION, ANSWER]));
  expect([...organizer.errors, ...reader.errors, ...again.errors]).toEqual([]);
});
