import type { Person, Unit } from '../../core/registry/model';
import { parseRoster, type RosterRow } from '../../core/registry/roster';
import { planRoster, type RosterPlan } from '../../core/registry/rosterPlan';

/** Planning an import against the registry: only real changes, one person per owner, idempotent. */

function rows(sheet: string[][]): RosterRow[] {
  const [header = [], ...data] = sheet;
  const parsed = parseRoster({
    header: { line: 1, cells: header },
    rows: data.map((cells, i) => ({ line: i + 2, cells })),
  });
  if (parsed.errors.length) throw new Error(JSON.stringify(parsed.errors));
  return parsed.rows;
}

const SHEET = [
  ['房号', '面积', '业主', '电话', '状态'],
  ['2-01', '138.52', '孙建国', '13900000001', ''],
  ['2-02', '89.12', '孙建国', '13900000001', '出租'],
  ['2-03', '62.45', '王伟、李敏', '', ''],
  ['3-01', '138.52', '', '', '未售'],
];

/** The registry after applying `plan` to `units` and `people`. */
function apply(
  plan: RosterPlan,
  units: Unit[],
  people: Person[],
): { units: Unit[]; people: Person[] } {
  const nextUnits = units.map((u) => {
    const update = plan.updateUnits.find((x) => x.id === u._id);
    return update ? { ...u, ...update.patch } : u;
  });
  const nextPeople = people.map((p) => {
    const update = plan.updatePeople.find((x) => x.id === p._id);
    return update ? { ...p, ...update.patch } : p;
  });
  return {
    units: [...nextUnits, ...plan.createUnits],
    people: [...nextPeople, ...plan.createPeople],
  };
}

describe('planRoster', () => {
  it('creates units and people; one person owning two units is one person', () => {
    const plan = planRoster(rows(SHEET), { buildingId: 'b', units: [], people: [] });
    expect(plan.createUnits.map((u) => [u._id, u.unitNo, u.status, u.ownerIds.length])).toEqual([
      ['u2-01', '2-01', 'owned', 1],
      ['u2-02', '2-02', 'rented', 1],
      ['u2-03', '2-03', 'owned', 2],
      ['u3-01', '3-01', 'unsold', 0],
    ]);
    expect(plan.createUnits[0]?.ownerIds).toEqual(plan.createUnits[1]?.ownerIds);
    expect(plan.createPeople.map((p) => p.name)).toEqual(['孙建国', '王伟', '李敏']);
  });

  it('applying the same rows again changes nothing', () => {
    const first = planRoster(rows(SHEET), { buildingId: 'b', units: [], people: [] });
    const registry = apply(first, [], []);
    const second = planRoster(rows(SHEET), { buildingId: 'b', ...registry });
    expect(second).toEqual({
      createUnits: [],
      updateUnits: [],
      unchangedUnits: 4,
      createPeople: [],
      updatePeople: [],
      missing: [],
      questions: [],
    });
  });

  it('updates only what changed, and lists units the file leaves out', () => {
    const registry = apply(
      planRoster(rows(SHEET), { buildingId: 'b', units: [], people: [] }),
      [],
      [],
    );
    const changed = [
      ['房号', '面积', '业主', '电话', '状态'],
      ['2-01', '138.50', '孙建国', '13900000099', ''],
      ['2-03', '62.45', '李敏、王伟', '', ''],
    ];
    const plan = planRoster(rows(changed), { buildingId: 'b', ...registry });
    expect(plan.updateUnits.map((u) => [u.unitNo, u.changes])).toEqual([
      ['2-01', ['area']],
      ['2-03', ['owners']],
    ]);
    expect(plan.updatePeople).toEqual([
      expect.objectContaining({ patch: { phone: '13900000099' }, changes: ['phone'] }),
    ]);
    expect(plan.createPeople).toEqual([]);
    expect(plan.missing).toEqual(['2-02', '3-01']);
    const after = apply(plan, registry.units, registry.people);
    const coOwners = after.units.find((u) => u.unitNo === '2-03')?.ownerIds ?? [];
    expect(coOwners.map((id) => after.people.find((p) => p._id === id)?.name)).toEqual([
      '李敏',
      '王伟',
    ]);
  });

  it('a new owner of a unit is a new person; the old one stays in the registry', () => {
    const registry = apply(
      planRoster(rows(SHEET), { buildingId: 'b', units: [], people: [] }),
      [],
      [],
    );
    const sold = [
      ['房号', '面积', '业主', '电话'],
      ['2-02', '89.12', '周新', '13700000000'],
    ];
    const plan = planRoster(rows(sold), { buildingId: 'b', ...registry });
    expect(plan.createPeople).toEqual([expect.objectContaining({ _id: 'p-2-02-1', name: '周新' })]);
    expect(plan.updateUnits).toEqual([
      expect.objectContaining({
        unitNo: '2-02',
        changes: ['status', 'owners'],
        patch: { status: 'owned', ownerIds: ['p-2-02-1'] },
      }),
    ]);
  });

  it('never merges two owners who share a name and have no phone; it asks instead', () => {
    const namesakes = [
      ['房号', '面积', '业主', '电话'],
      ['5-01', '80.00', '王芳', ''],
      ['5-02', '81.00', '王芳', ''],
      ['5-03', '82.00', '王芳', '13800000000'],
    ];
    const plan = planRoster(rows(namesakes), { buildingId: 'b', units: [], people: [] });
    const owners = plan.createUnits.map((u) => u.ownerIds[0]);
    expect(new Set(owners).size).toBe(3);
    expect(plan.createPeople).toHaveLength(3);
    expect(plan.questions.map((q) => q.line)).toEqual([3, 4]);
    expect(plan.questions[0]?.message).toContain('5-02 的业主“王芳”与 5-01 的业主同名');
    expect(plan.questions[1]?.message).toContain('5-01、5-02');

    const registry = apply(plan, [], []);
    const again = planRoster(rows(namesakes), { buildingId: 'b', ...registry });
    expect(again.createPeople).toEqual([]);
    expect(again.updateUnits).toEqual([]);
    expect(again.questions).toEqual([]);
  });

  it('still merges one owner of two flats by name and phone, without asking', () => {
    const plan = planRoster(rows(SHEET), { buildingId: 'b', units: [], people: [] });
    expect(plan.questions).toEqual([]);
  });
});
