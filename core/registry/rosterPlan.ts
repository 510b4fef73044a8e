import type { Person, RosterError, Unit } from './model';
import type { RosterRow } from './roster';
import { newPerson } from './members';

/**
 * What applying a checked roster would change: units to create or update (only the fields that
 * differ), people to create or update, and units the registry has that the file does not. Applying
 * the same file twice changes nothing the second time.
 *
 * A person is recognised, in order, as a current owner of the same unit with the same name, or as
 * anyone with the same name and the same phone — so one person owning several units stays one
 * person and counts once. A blank phone is never a key: two owners who share a name and lack a
 * phone are two people until someone gives the phone, because merging them would take one
 * owner's vote away. Such a namesake is a guess the plan does not make: it asks (`questions`).
 */

export type UnitChange = 'floor' | 'area' | 'status' | 'owners';
export type PersonChange = 'phone' | 'elderly' | 'noSmartphone' | 'livesIn';

export interface UnitUpdate {
  id: string;
  unitNo: string;
  patch: Partial<Omit<Unit, '_id'>>;
  changes: UnitChange[];
}

export interface PersonUpdate {
  id: string;
  patch: Partial<Omit<Person, '_id'>>;
  changes: PersonChange[];
}

export interface RosterPlan {
  createUnits: Unit[];
  updateUnits: UnitUpdate[];
  unchangedUnits: number;
  createPeople: Person[];
  updatePeople: PersonUpdate[];
  /** Unit numbers in the registry but not in the file: left as they are. */
  missing: string[];
  /** Namesakes the plan kept apart without a phone to tell: a person should confirm. */
  questions: RosterError[];
}

export interface RegistrySnapshot {
  buildingId: string;
  units: readonly Unit[];
  people: readonly Person[];
}

const keyOf = (name: string, phone: string): string => `${name}\u0000${phone}`;

export function unitIdFor(unitNo: string): string {
  return `u${unitNo}`;
}

export function planRoster(rows: readonly RosterRow[], registry: RegistrySnapshot): RosterPlan {
  const originalPeople = new Map(registry.people.map((p) => [p._id, p]));
  const state = new Map(registry.people.map((p) => [p._id, { ...p }]));
  const created = new Set<string>();
  const byKey = new Map<string, string>();
  for (const p of registry.people)
    if (p.phone !== null && !byKey.has(keyOf(p.name, p.phone)))
      byKey.set(keyOf(p.name, p.phone), p._id);
  // Who holds which units, to name a namesake's flats in a question.
  const unitNosOf = new Map<string, Set<string>>();
  const holds = (personId: string, unitNo: string): void => {
    const set = unitNosOf.get(personId) ?? new Set<string>();
    set.add(unitNo);
    unitNosOf.set(personId, set);
  };
  for (const u of registry.units) for (const id of u.ownerIds) holds(id, u.unitNo);
  const unitsByNo = new Map(registry.units.map((u) => [u.unitNo, u]));
  const unitIds = new Set(registry.units.map((u) => u._id));

  const plan: RosterPlan = {
    createUnits: [],
    updateUnits: [],
    unchangedUnits: 0,
    createPeople: [],
    updatePeople: [],
    missing: [],
    questions: [],
  };

  const freshPersonId = (unitNo: string, index: number): string => {
    const base = `p-${unitNo}-${index + 1}`;
    let id = base;
    for (let n = 2; state.has(id); n += 1) id = `${base}-${n}`;
    return id;
  };

  for (const row of rows) {
    const existing = unitsByNo.get(row.unitNo);
    const current = existing?.ownerIds ?? [];
    const ownerIds: string[] = [];
    row.owners.forEach((owner, index) => {
      let id =
        current.find((pid) => state.get(pid)?.name === owner.name && !ownerIds.includes(pid)) ??
        (owner.phone === null ? undefined : byKey.get(keyOf(owner.name, owner.phone)));
      if (id === undefined || ownerIds.includes(id)) {
        const namesakes = [...state.values()].filter(
          (p) =>
            p.name === owner.name &&
            (p.phone === null || owner.phone === null) &&
            !ownerIds.includes(p._id) &&
            unitNosOf.has(p._id),
        );
        id = freshPersonId(row.unitNo, index);
        state.set(id, newPerson(id, owner.name, owner.phone));
        created.add(id);
        if (namesakes.length)
          plan.questions.push(namesakeQuestion(row, owner.name, namesakes, unitNosOf));
      }
      const person = state.get(id);
      if (!person) throw new Error(`roster plan: lost person ${id}`);
      if (owner.phone !== null) person.phone = owner.phone;
      if (index === 0) {
        if (row.elderly !== null) person.elderly = row.elderly;
        if (row.noSmartphone !== null) person.noSmartphone = row.noSmartphone;
        if (row.livesIn !== undefined) {
          person.livesIn = row.livesIn;
          person.overseas = row.livesIn !== null;
        }
      }
      if (person.phone !== null) byKey.set(keyOf(person.name, person.phone), id);
      holds(id, row.unitNo);
      ownerIds.push(id);
    });

    if (!existing) {
      let id = unitIdFor(row.unitNo);
      for (let n = 2; unitIds.has(id); n += 1) id = `${unitIdFor(row.unitNo)}-${n}`;
      unitIds.add(id);
      plan.createUnits.push({
        _id: id,
        buildingId: registry.buildingId,
        unitNo: row.unitNo,
        floor: row.floor,
        areaHundredths: row.areaHundredths,
        status: row.status,
        ownerIds,
      });
      continue;
    }
    const patch: Partial<Omit<Unit, '_id'>> = {};
    const changes: UnitChange[] = [];
    if (existing.floor !== row.floor) {
      patch.floor = row.floor;
      changes.push('floor');
    }
    if (existing.areaHundredths !== row.areaHundredths) {
      patch.areaHundredths = row.areaHundredths;
      changes.push('area');
    }
    if (existing.status !== row.status) {
      patch.status = row.status;
      changes.push('status');
    }
    if (existing.ownerIds.join('\u0000') !== ownerIds.join('\u0000')) {
      patch.ownerIds = ownerIds;
      changes.push('owners');
    }
    if (changes.length)
      plan.updateUnits.push({ id: existing._id, unitNo: row.unitNo, patch, changes });
    else plan.unchangedUnits += 1;
  }

  for (const [id, person] of state) {
    if (created.has(id)) {
      plan.createPeople.push(person);
      continue;
    }
    const before = originalPeople.get(id);
    if (!before) continue;
    const patch: Partial<Omit<Person, '_id'>> = {};
    const changes: PersonChange[] = [];
    if (before.phone !== person.phone) {
      patch.phone = person.phone;
      changes.push('phone');
    }
    if (before.elderly !== person.elderly) {
      patch.elderly = person.elderly;
      changes.push('elderly');
    }
    if (before.noSmartphone !== person.noSmartphone) {
      patch.noSmartphone = person.noSmartphone;
      changes.push('noSmartphone');
    }
    if (before.livesIn !== person.livesIn || before.overseas !== person.overseas) {
      patch.livesIn = person.livesIn;
      patch.overseas = person.overseas;
      changes.push('livesIn');
    }
    if (changes.length) plan.updatePeople.push({ id, patch, changes });
  }

  const inFile = new Set(rows.map((r) => r.unitNo));
  plan.missing = registry.units
    .filter((u) => !inFile.has(u.unitNo))
    .map((u) => u.unitNo)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return plan;
}

function namesakeQuestion(
  row: RosterRow,
  name: string,
  namesakes: readonly Person[],
  unitNosOf: ReadonlyMap<string, ReadonlySet<string>>,
): RosterError {
  const flats = namesakes
    .flatMap((p) => [...(unitNosOf.get(p._id) ?? [])])
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    line: row.line,
    column: '业主',
    message:
      `${row.unitNo} 的业主“${name}”与 ${flats.join('、')} 的业主同名，但没有电话可以确认是否同一人：` +
      '已按两位业主登记（各计一人）。如是同一人，请在两行填写相同的电话后重新导入',
  };
}
