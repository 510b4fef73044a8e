import fs from 'node:fs';
import path from 'node:path';
import { demoBuilding } from '../../cli/seed';
import type { Person, Unit } from '../../core/registry/model';
import type { ApiResult, UnitLedgerView } from '../../typings/api';
import { startJourney, type Journey } from './journey';

/**
 * Cash in the browser, through the real pages and functions: staff take an elderly owner's share
 * in cash at the door and record it with the photo of the signed receipt, then record the bank
 * deposit; the treasurer (another person, opening the queue from 我的) confirms it, and
 * the flat goes from "现金已收，待入账" to paid.
 */
jest.setTimeout(90_000);

const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('cash');
});
afterAll(() => journey?.close());

async function ok<T>(fn: string, data: object, openid: string): Promise<T> {
  const { body } = await journey.cloud.call(fn, data, openid);
  const result = (body as { result: ApiResult<T> }).result;
  if (!result.ok)
    throw new Error(`${fn}.${String((data as { action: string }).action)}: ${result.message}`);
  return result.data;
}

/**
 * A flat whose only owner has no smartphone and who has paid nothing yet (the demo's cash desk
 * has not visited her): the one staff visit with a receipt book. The demo already charged every
 * flat from the binding area scheme, so her share stands unpaid.
 */
function elderlyFlat(): { unitId: string; unitNo: string } {
  const seed = demoBuilding(Date.now());
  const { units, people, cashReceipts, payOrders } = seed.collections as unknown as {
    units: Unit[];
    people: Person[];
    cashReceipts: Array<{ unitId: string }>;
    payOrders: Array<{ unitId: string }>;
  };
  const paid = new Set([...cashReceipts, ...payOrders].map((r) => r.unitId));
  for (const unit of units) {
    const [owner, ...others] = unit.ownerIds;
    const person = people.find((p) => p._id === owner);
    if (person?.noSmartphone && others.length === 0 && !paid.has(unit._id))
      return { unitId: unit._id, unitNo: unit.unitNo };
  }
  throw new Error('the demo has no unpaid owner without a smartphone');
}

function findFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? findFiles(full) : [full];
  });
}

test('staff record cash with the receipt photo and the deposit; the treasurer confirms; the flat is paid', async () => {
  const flat = elderlyFlat();
  const standing = async () =>
    (
      await ok<UnitLedgerView>(
        'ledger',
        { action: 'unitLedger', unitId: flat.unitId },
        'demo-organizer',
      )
    ).unit;
  const before = await standing();
  expect(before.status).toBe('unpaid');
  expect(before.leftFen).toBeGreaterThan(0);
  const yuan = `${Math.floor(before.leftFen / 100)}.${String(before.leftFen % 100).padStart(2, '0')}`;

  // Staff, at the door: the room as written, the amount, the receipt number, the photo.
  const staff = await journey.open('#/pages/cash-desk/index', 'demo-staff1');
  const desk = staff.frame('pages/cash-desk/index');
  await desk.locator('.summary').waitFor();
  await desk.locator('.cash-unit input').pressSequentially(flat.unitNo);
  await desk.locator('.owner-line').waitFor();
  await desk.locator('.cash-amount input').pressSequentially(yuan);
  await desk.locator('.cash-receipt-no input').pressSequentially('R-E2E-0001');
  const [chooser] = await Promise.all([
    staff.page.waitForEvent('filechooser'),
    desk.getByText('拍摄业主签字的纸质收据', { exact: true }).click(),
  ]);
  await chooser.setFiles({ name: 'receipt.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
  await desk.getByText('✓ 已拍摄签字收据，点此重拍', { exact: true }).waitFor();
  await staff.shot('cash-form');
  await desk.getByText('确认登记收款', { exact: true }).click();
  const done = desk.locator('.done');
  await done.waitFor();
  expect(await done.innerText()).toContain(`已登记：${flat.unitNo} 现金 ¥`);
  await staff.shot('cash-recorded');

  // The photo is in storage where the ledger looks for it; the flat shows the cash as pending.
  const stored = findFiles(path.join(journey.cloud.dataDir, 'storage')).filter((f) =>
    f.includes(path.join('ledger', 'cash', flat.unitId)),
  );
  expect(stored).toHaveLength(1);
  expect(fs.readFileSync(stored[0] ?? '')).toEqual(PHOTO);
  const pending = await standing();
  expect(pending.statusLabel).toBe('现金已收，待入账');
  expect(pending.pendingCashFen).toBe(before.leftFen);

  // The bank: tick the receipt; a wrong slip amount is named before anything is sent.
  await desk.getByText('存银行', { exact: true }).click();
  await desk.locator('.receipt', { hasText: 'R-E2E-0001' }).click();
  await desk.locator('.deposit-amount input').pressSequentially('1');
  await desk.locator('.match--off', { hasText: '比收据少' }).waitFor();
  await desk.locator('.deposit-amount input').fill('');
  await desk.locator('.deposit-amount input').pressSequentially(yuan);
  await desk.locator('.match--ok').waitFor();
  await desk.locator('.deposit-slip-no input').pressSequentially('B-E2E-01');
  const [slip] = await Promise.all([
    staff.page.waitForEvent('filechooser'),
    desk.getByText('拍摄银行存款单', { exact: true }).click(),
  ]);
  await slip.setFiles({ name: 'slip.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
  await desk.getByText('✓ 已拍摄存款单，点此重拍', { exact: true }).waitFor();
  await desk.getByText('确认登记存款', { exact: true }).click();
  await desk.locator('.done', { hasText: '已登记存款：存款单 B-E2E-01' }).waitFor();
  await staff.shot('deposit-recorded');

  // The treasurer — another person (journey.open picks the identity as the switcher above the
  // phone does) — opens the queue from 我的.
  const treasurer = await journey.open('#/pages/me/index', 'demo-treasurer');
  await treasurer.frame('pages/me/index').getByText('出纳待办', { exact: true }).click();
  const queue = treasurer.frame('pages/treasurer/index');
  const deposit = queue.locator('.deposit', { hasText: 'B-E2E-01' });
  await deposit.waitFor();
  await treasurer.shot('treasurer-queue');
  await deposit.getByText('确认到账', { exact: true }).click();
  const dialog = treasurer.page.locator('.pv-dialog');
  await dialog.waitFor();
  expect(await dialog.innerText()).toContain('不能撤销');
  await treasurer.shot('treasurer-confirm');
  await dialog.locator('.pv-dialog__btn--ok').click();
  await queue.locator('.message', { hasText: '已确认存款单 B-E2E-01' }).waitFor();
  await treasurer.shot('treasurer-confirmed');

  const after = await standing();
  expect([after.status, after.statusLabel, after.leftFen, after.pendingCashFen]).toEqual([
    'paid',
    '已缴清',
    0,
    0,
  ]);
  expect([...staff.errors, ...treasurer.errors]).toEqual([]);
});
