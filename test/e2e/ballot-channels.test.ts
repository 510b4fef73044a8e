import fs from 'node:fs';
import path from 'node:path';
import { demoBuilding } from '../../cli/seed';
import type { Ballot } from '../../core/decisions';
import { startJourney, type Journey } from './journey';
import { signAndEnter, startVisitBallot, VISIT_RECORD } from './visitBallot';

/**
 * A door-to-door ballot in the browser, as the building map hands it over: two community staff
 * visit an owner without a smartphone, one enters the vote on the flat's link, chooses 上门,
 * photographs the visit record both signed and names the colleague who signed with them; the
 * record lands in storage under the flat, and the flat then shows its vote taken at the door.
 */
jest.setTimeout(60_000);

const PLAN = 'd-outage-arrangements';
const seed = demoBuilding(Date.now());
const ballots = seed.collections.ballots as readonly Ballot[];
const voted = new Set(
  ballots.filter((b) => b.decisionId === PLAN).flatMap((b) => b.units.map((u) => u.unitId)),
);
const people = seed.collections.people as ReadonlyArray<{ _id: string; noSmartphone: boolean }>;
const units = seed.collections.units as ReadonlyArray<{
  _id: string;
  unitNo: string;
  ownerIds: string[];
}>;
const flat = units.find(
  (u) =>
    !voted.has(u._id) &&
    people.find((p) => p._id === u.ownerIds[0])?.noSmartphone === true &&
    units.filter((x) => x.ownerIds[0] === u.ownerIds[0]).length === 1,
);
const members = seed.collections.members as ReadonlyArray<{ openid: string; label: string }>;
const colleague = members.find((m) => m.openid === 'demo-staff2')?.label ?? '';

function findFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? findFiles(full) : [full];
  });
}

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('ballot-channels');
});
afterAll(() => journey?.close());

test('two staff enter a door-to-door vote with the signed visit record', async () => {
  if (!flat) throw new Error('the demo has no unvoted owner without a smartphone');
  expect(colleague).not.toBe('');
  const staff = await journey.open(
    `#/pages/decision-paper/index?decisionId=${PLAN}&unit=${flat.unitNo}`,
    'demo-staff1',
  );
  const paper = staff.frame('pages/decision-paper/index');
  // The link filled in the flat and looked it up.
  await paper.getByText(`${flat.unitNo} 尚未投票`, { exact: true }).waitFor();
  await startVisitBallot(staff);

  // Without the colleague's name nothing is sent, and the page says exactly that.
  await paper.getByText('确认录入', { exact: true }).click();
  await paper.getByText('还缺：另一位签字的工作人员', { exact: true }).waitFor();
  await staff.shot('visit-missing');

  await signAndEnter(staff, colleague);
  const done = paper.locator('.done');
  expect(await done.innerText()).toMatch(new RegExp(`^已录入 ${flat.unitNo}：同意，回执 `));
  await staff.shot('visit-entered');

  // The record is in storage under the decision and the flat.
  const stored = findFiles(path.join(journey.cloud.dataDir, 'storage')).filter((f) =>
    f.includes(path.join('ballots', PLAN, `${flat._id}-`)),
  );
  expect(stored).toHaveLength(1);
  expect(fs.readFileSync(stored[0] ?? '')).toEqual(VISIT_RECORD);

  // Looked up again, the flat shows its vote taken at the door.
  await paper.locator('.unit-input input').pressSequentially(flat.unitNo);
  await paper.getByText('查询', { exact: true }).click();
  await paper.getByText('由业主本人上门投票', { exact: false }).waitFor();
  expect(staff.errors).toEqual([]);
});
