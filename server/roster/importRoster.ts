import type { RosterImportResult } from '../../typings/api';
import type { Building, Person, RosterError, RosterImport, Unit } from '../../core/registry/model';
import { parseRoster, registryLayout } from '../../core/registry/roster';
import { planRoster, type RosterPlan } from '../../core/registry/rosterPlan';
import { shanghaiIso } from '../../core/registry/time';
import { randomId } from '../auth/secrets';
import type { Db } from '../cloud';
import { auditEntry } from '../repository/audit';
import { addMany, docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { readRosterFile, RosterFileError, rosterFileProblem } from './readRosterFile';

/**
 * The roster import, shared by `tongti import units` and the organizers' upload action: read the
 * file, check every row, plan against the registry, and — unless it is a dry run or any row is
 * wrong — write only what changed. Re-importing the same file writes nothing.
 */
export interface RosterImportOptions {
  db: Db;
  building: Building;
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  source: RosterImport['source'];
  by: { openid: string; roles: string[] };
  now: Date;
  requestId: string;
  /** The worksheet to read when the workbook holds several rosters; how a person names it. */
  sheet?: string | undefined;
  howToChooseSheet?: string;
  /** Record the run in `imports` (the organizers' status page) and the audit log. */
  record: boolean;
  /** How many documents are about to be written; then each write as it lands. */
  onPlan?(total: number): void;
  onProgress?(written: number): void;
}

const RECORDED_ERRORS = 50;
const PARALLEL_UPDATES = 8;

export async function importRoster(opts: RosterImportOptions): Promise<RosterImportResult> {
  const result: RosterImportResult = {
    fileName: opts.fileName,
    dryRun: opts.dryRun,
    applied: false,
    rows: 0,
    errors: [],
    ignoredColumns: [],
    created: [],
    updated: [],
    unchanged: 0,
    peopleCreated: 0,
    peopleUpdated: 0,
    missing: [],
    questions: [],
  };
  let parsed: ReturnType<typeof parseRoster> | null = null;
  // The registry's units first: their floors and room numbers decide how 1203 reads.
  const units = await readAll<Unit>(opts.db, 'units', { buildingId: opts.building._id });
  try {
    const table = await readRosterFile(opts.fileName, opts.bytes, {
      sheet: opts.sheet,
      ...(opts.howToChooseSheet ? { howToChooseSheet: opts.howToChooseSheet } : {}),
    });
    parsed = parseRoster(table, { layout: registryLayout(opts.building.floors, units) });
    result.rows = parsed.dataRows;
    result.errors = parsed.errors;
    result.ignoredColumns = parsed.ignoredColumns;
  } catch (error) {
    if (!(error instanceof RosterFileError)) throw error;
    result.errors = [rosterFileProblem(error)];
  }
  if (parsed && !result.errors.length) {
    const people = await readAll<Person>(opts.db, 'people', {});
    const plan = planRoster(parsed.rows, { buildingId: opts.building._id, units, people });
    result.created = plan.createUnits.map((u) => u.unitNo);
    result.updated = plan.updateUnits.map((u) => ({ unitNo: u.unitNo, changes: u.changes }));
    result.unchanged = plan.unchangedUnits;
    result.peopleCreated = plan.createPeople.length;
    result.peopleUpdated = plan.updatePeople.length;
    result.missing = plan.missing;
    result.questions = plan.questions;
    if (!opts.dryRun) {
      await applyPlan(opts, plan);
      result.applied = true;
    }
  }
  if (opts.record) await recordRun(opts, result);
  return result;
}

async function applyPlan(opts: RosterImportOptions, plan: RosterPlan): Promise<void> {
  const total =
    plan.createPeople.length +
    plan.createUnits.length +
    plan.updatePeople.length +
    plan.updateUnits.length;
  opts.onPlan?.(total);
  const tick = (n: number): void => opts.onProgress?.(n);
  // People first: a unit never names an owner who is not there yet.
  await addMany(opts.db, 'people', plan.createPeople, tick);
  const store = docs(opts.db);
  const updates: Array<() => Promise<void>> = [
    ...plan.updatePeople.map((u) => () => store.update('people', u.id, u.patch)),
    ...plan.updateUnits.map((u) => () => store.update('units', u.id, u.patch)),
  ];
  await inParallel(updates, PARALLEL_UPDATES, tick);
  await addMany(opts.db, 'units', plan.createUnits, tick);
}

async function inParallel(
  jobs: ReadonlyArray<() => Promise<void>>,
  width: number,
  tick: (n: number) => void,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next];
      next += 1;
      if (job) {
        await job();
        tick(1);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
}

async function recordRun(opts: RosterImportOptions, result: RosterImportResult): Promise<void> {
  const errors: RosterError[] = result.errors.slice(0, RECORDED_ERRORS);
  const run: RosterImport = {
    // Time first, so the newest sorts first by id even within one second.
    _id: `imp-${opts.now.getTime()}-${randomId('')}`,
    buildingId: opts.building._id,
    at: shanghaiIso(opts.now),
    by: opts.by.openid,
    source: opts.source,
    fileName: opts.fileName,
    dryRun: opts.dryRun,
    applied: result.applied,
    rows: result.rows,
    created: result.created.length,
    updated: result.updated.length,
    unchanged: result.unchanged,
    errorCount: result.errors.length,
    errors,
  };
  const store = docs(opts.db);
  await store.set('imports', run._id, run);
  await store.add(
    'audit',
    auditEntry(opts, opts.by, 'households.importRoster', `import:${run._id}`, {
      fileName: opts.fileName,
      applied: result.applied,
      created: run.created,
      updated: run.updated,
    }),
  );
}
