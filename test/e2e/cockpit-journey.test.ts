import { demoBuilding } from '../../cli/seed';
import type { Ballot } from '../../core/decisions';
import { readPdf } from '../helpers/pdfText';
import { bytesOf, openedDocuments } from './documents';
import { startJourney, type Journey } from './journey';
import { signAndEnter, startVisitBallot } from './visitBallot';

/**
 * The organizer's round, end to end in the browser: the building map, its layers, a flat that
 * has not voted tapped from the grid, a door-to-door ballot entered from that flat with the
 * colleague who signed the visit record, the map showing the flat's new vote, and the final
 * result of the plan taken as a PDF for the lobby board.
 */
jest.setTimeout(120_000);

const OPEN_VOTE = 'd-outage-arrangements';
const PLAN = 'd-elevator-plan';
const seed = demoBuilding(Date.now());
const ballots = seed.collections.ballots as readonly Ballot[];
const voted = new Set(
  ballots.filter((b) => b.decisionId === OPEN_VOTE).flatMap((b) => b.units.map((u) => u.unitId)),
);
const people = seed.collections.people as ReadonlyArray<{ _id: string; noSmartphone: boolean }>;
const units = seed.collections.units as ReadonlyArray<{
  _id: string;
  unitNo: string;
  floor: number;
  ownerIds: string[];
}>;
// An owner without a smartphone who has not voted, high enough to be on the map's first screen.
const flat = units.find(
  (u) =>
    u.floor >= 5 &&
    !voted.has(u._id) &&
    people.find((p) => p._id === u.ownerIds[0])?.noSmartphone === true &&
    units.filter((x) => x.ownerIds[0] === u.ownerIds[0]).length === 1,
);
const members = seed.collections.members as ReadonlyArray<{ openid: string; label: string }>;
const colleague = members.find((m) => m.openid === 'demo-staff1')?.label ?? '';

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('cockpit');
});
afterAll(() => journey?.close());

test('an organizer walks the map, logs a door-to-door vote with a colleague and prints the result', async () => {
  if (!flat) throw new Error('the demo has no unvoted owner without a smartphone above floor 4');
  expect(colleague).not.toBe('');
  const organizer = await journey.open('#/pages/building-map/index', 'demo-organizer');
  const map = organizer.frame('pages/building-map/index');
  await map.getByText(/^在线投票 \d+ 户$/).waitFor();
  const notYet = async (): Promise<number> =>
    Number(/(\d+)/.exec(await map.getByText(/^未投票 \d+ 户$/).innerText())?.[1]);
  const before = await notYet();

  await map.locator('.layer', { hasText: '缴款' }).click();
  await map.getByText(/^已缴清 \d+ 户$/).waitFor();
  await map.locator('.layer', { hasText: '联络' }).click();
  await map.getByText(/^需上门 \d+ 户$/).waitFor();
  await map.locator('.layer', { hasText: '投票' }).click();
  await map.getByText(/^未投票 \d+ 户$/).waitFor();

  const [floor, room] = flat.unitNo.split('-');
  await map
    .locator('.floor')
    .filter({ hasText: new RegExp(`^\\s*${floor}层`) })
    .locator('.cell', { hasText: new RegExp(`^${room}$`) })
    .click();
  const unit = organizer.frame('pages/map-unit/index');
  await unit.getByText(`${flat.unitNo}（${floor}层）`, { exact: true }).waitFor();
  await organizer.shot('unit-not-voted');
  await unit.locator('.paper').click();

  // The flat comes filled in from the map; the organizer took the vote at the door with staff.
  const paper = organizer.frame('pages/decision-paper/index');
  await paper.getByText(`${flat.unitNo} 尚未投票`, { exact: true }).waitFor();
  await startVisitBallot(organizer);
  await signAndEnter(organizer, colleague);
  expect(await paper.locator('.done').innerText()).toMatch(
    new RegExp(`^已录入 ${flat.unitNo}：同意，回执 `),
  );
  await organizer.shot('visit-entered');

  // Back on a fresh map the flat has left the unvoted.
  const again = await journey.open('#/pages/building-map/index', 'demo-organizer');
  const fresh = again.frame('pages/building-map/index');
  await fresh.getByText(`未投票 ${before - 1} 户`, { exact: true }).waitFor();
  await fresh.getByText(/^上门投票 \d+ 户$/).waitFor();

  // The plan's final result, as an A4 PDF for the lobby board.
  const desk = await journey.open(`#/pages/decision-detail/index?id=${PLAN}`, 'demo-organizer');
  const detail = desk.frame('pages/decision-detail/index');
  const print = detail.getByText('最终结果打印版（PDF）', { exact: true });
  await print.waitFor();
  await print.scrollIntoViewIfNeeded();
  const [popup] = await Promise.all([desk.page.waitForEvent('popup'), print.click()]);
  await popup.close();
  const opened = await openedDocuments(desk.page);
  expect(opened).toEqual([expect.objectContaining({ fileType: 'pdf', showMenu: true })]);
  const pdf = await readPdf(await bytesOf(desk.page, opened[0]?.filePath ?? ''));
  expect(pdf.compact).toContain('表决结果（最终）');
  expect(pdf.compact).toContain('通过（方案A）');
  expect([...organizer.errors, ...again.errors, ...desk.errors]).toEqual([]);
});
