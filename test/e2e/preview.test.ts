import { computedStyle } from '../../preview/chromium';
import { startJourney, type Journey } from './journey';

/**
 * A resident opens the mini program: the home page of the demo building with the inspection
 * notice, the Me tab's large-type switch, and the identity switcher above the phone. The pages,
 * the households function and the database are all real.
 */
jest.setTimeout(120_000);

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('resident');
});
afterAll(() => journey?.close());

const fontSize = async (l: import('playwright-core').Locator): Promise<number> =>
  parseFloat(await computedStyle(l, 'font-size'));

test('a resident reads the latest notice, the charges, then turns large type on', async () => {
  const resident = journey.identities.find((i) => i.role === 'resident');
  if (!resident) throw new Error('the demo building has no resident');
  const { page, frame, errors, shot } = await journey.open('#/pages/home/index', resident.openid);
  const home = frame('pages/home/index');
  const name = home.getByText('慈爱鑫和公寓', { exact: true });
  await name.waitFor();
  // The newest notice in the demo's story: the charges issued from the binding scheme.
  const notice = home.getByText('换梯费用分摊及缴款通知', { exact: true });
  expect(await notice.isVisible()).toBe(true);
  await shot('home');

  // The notice opens the article page, whose text says how to pay.
  await notice.click();
  const article = frame('pages/article/index');
  await article.getByText('在外地的业主可以把代付链接发给家人代缴', { exact: false }).waitFor();
  await shot('notice');

  const calls = journey.cloud.cloud.invocations();
  expect(calls.find((c) => c.functionName === 'households')).toMatchObject({
    action: 'summary',
    openid: resident.openid,
    ok: true,
  });
  expect(calls[0]).toMatchObject({ functionName: 'articles', action: 'detail', ok: true });
  await page.locator('.pv-nav__back').click();
  await name.waitFor();

  const nameBefore = await fontSize(name);
  await page.locator('.pv-tab', { hasText: '我的' }).click();
  const me = frame('pages/me/index');
  const toggle = me.locator('wx-switch');
  await toggle.waitFor();
  await toggle.click();
  await me.locator('wx-switch[checked]').waitFor();
  await shot('large-type');

  await page.locator('.pv-tab', { hasText: '首页' }).click();
  await name.waitFor();
  expect(await fontSize(name)).toBeGreaterThan(nameBefore);
  expect(errors).toEqual([]);
  await shot('home-large');
});

test('the identity chosen above the phone is the caller the function sees', async () => {
  const organizer = journey.identities.find((i) => i.role === 'organizer');
  if (!organizer) throw new Error('the demo building has no organizer');
  const { page, frame } = await journey.open('#/pages/home/index', organizer.openid);
  await frame('pages/home/index').getByText('慈爱鑫和公寓', { exact: true }).waitFor();
  expect(await page.locator('select[name=identity]').inputValue()).toBe(organizer.openid);
  expect(journey.cloud.cloud.invocations()[0]).toMatchObject({ openid: organizer.openid });
});
