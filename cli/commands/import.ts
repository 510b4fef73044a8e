/**
 * `tongti import units FILE [--dry-run] [--building ID] [--building-name NAME]`: the property
 * office's roster (CSV or XLSX) into the registry of a local or real environment, through the same
 * code as the organizers' upload action. Every bad row is reported with its line and nothing is
 * written; a dry run previews what would change; importing the same file again changes nothing.
 *
 * It talks to the environment the way a cloud function does — wx-server-sdk, pointed by the
 * variables `tongti env` prints (local cloud), or TCB_ENV with TENCENTCLOUD_SECRETID/SECRETKEY
 * (a real environment). Exit codes: 0 done, 2 bad arguments or rows, 1 the environment failed.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { Presets, SingleBar } from 'cli-progress';
import type { RosterImportResult } from '../../typings/api';
import type { Building } from '../../core/registry/model';
import { formatRosterError, parseRoster } from '../../core/registry/roster';
import type { Db } from '../../server/cloud';
import { docs, find, registryDb } from '../../server/repository/docs';
import { ensureCollections } from '../../server/repository/ensureCollections';
import { importRoster } from '../../server/roster/importRoster';
import {
  readRosterFile,
  RosterFileError,
  rosterFileProblem,
} from '../../server/roster/readRosterFile';

export interface ImportIo {
  readFile(path: string): Buffer;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Where the progress bar draws: stderr, so stdout stays the report. */
  progressStream: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  now(): Date;
}

export const nodeImportIo: ImportIo = {
  readFile: (path) => readFileSync(path),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  progressStream: process.stderr,
  env: process.env,
  now: () => new Date(),
};

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;

export const IMPORT_USAGE =
  'Usage: tongti import units FILE [--dry-run] [--sheet NAME] [--building ID] [--building-name NAME]\n' +
  '  FILE: the property office roster, .csv (UTF-8 or GBK) or .xlsx, one row per unit:\n' +
  '        房号 (803, 8-03, 8楼3室, 8F03), 面积 (m², two decimals at most; ㎡/平方米 allowed),\n' +
  '        业主 (co-owners separated by 、，,/ or 和), and optionally 楼层,\n' +
  '        状态 (自住/出租/空置/未售), 电话 (spaces, dashes, +86 allowed), 高龄, 无智能手机, 常住地.\n' +
  '        A title above the header, blank rows, 合计/总计 rows and full-width digits are fine.\n' +
  '  --dry-run          show what would change, write nothing\n' +
  '  --sheet NAME       the worksheet to read, when several look like a roster\n' +
  '  --building ID      the building to import into (default: the only one)\n' +
  '  --building-name N  create the building when the environment has none\n' +
  '  Environment: export $(tongti env) for a local cloud, or TCB_ENV + TENCENTCLOUD_SECRETID +\n' +
  '  TENCENTCLOUD_SECRETKEY for a real one.\n';

const SHEET_HINT = '运行时加 --sheet 工作表名';

/** Said after the problems: nothing was written, and what to do — to the volunteer at the desk. */
function nothingImported(problems: number): string {
  return (
    `tongti import: ${problems} problem(s); nothing imported — 共 ${problems} 处问题，` +
    '没有导入任何内容。请按上面的行号改正表格后重新运行\n'
  );
}

interface Args {
  file: string;
  dryRun: boolean;
  sheet: string | undefined;
  building: string | null;
  buildingName: string | null;
}

function parseArgs(argv: readonly string[]): Args | { help: true } | { error: string } {
  const rest = argv[0] === 'import' ? argv.slice(1) : [...argv];
  if (rest.includes('--help') || rest.includes('-h')) return { help: true };
  const [what, ...flags] = rest;
  if (what !== 'units')
    return { error: `unknown import ${JSON.stringify(what ?? '')}; only "units"` };
  const args: Args = {
    file: '',
    dryRun: false,
    sheet: undefined,
    building: null,
    buildingName: null,
  };
  for (let i = 0; i < flags.length; i += 1) {
    const flag = flags[i] ?? '';
    const value = (): string | null => {
      const v = flags[i + 1];
      i += 1;
      return v === undefined || v.startsWith('--') ? null : v;
    };
    if (flag === '--dry-run') args.dryRun = true;
    else if (flag === '--sheet') {
      args.sheet = value() ?? undefined;
      if (!args.sheet) return { error: '--sheet needs a NAME' };
    } else if (flag === '--building') {
      args.building = value();
      if (!args.building) return { error: '--building needs an ID' };
    } else if (flag === '--building-name') {
      args.buildingName = value();
      if (!args.buildingName) return { error: '--building-name needs a NAME' };
    } else if (flag.startsWith('--')) return { error: `unknown option ${flag}` };
    else if (args.file) return { error: `one FILE only (got ${args.file} and ${flag})` };
    else args.file = flag;
  }
  if (!args.file) return { error: 'missing FILE' };
  return args;
}

export async function runImport(argv: readonly string[], io: ImportIo): Promise<number> {
  const args = parseArgs(argv);
  if ('help' in args) {
    io.stdout(IMPORT_USAGE);
    return EXIT_OK;
  }
  if ('error' in args) {
    io.stderr(`tongti import: ${args.error}\n${IMPORT_USAGE}`);
    return EXIT_INVALID;
  }
  let bytes: Buffer;
  try {
    bytes = io.readFile(args.file);
  } catch (error) {
    io.stderr(`tongti import: cannot read ${args.file}: ${describe(error)}\n`);
    return EXIT_INVALID;
  }
  const fileName = basename(args.file);

  // Rows are checked before any connection: a bad file never needs an environment.
  let parsed: ReturnType<typeof parseRoster>;
  try {
    parsed = parseRoster(
      await readRosterFile(fileName, bytes, { sheet: args.sheet, howToChooseSheet: SHEET_HINT }),
    );
  } catch (error) {
    if (!(error instanceof RosterFileError)) throw error;
    io.stderr(`${formatRosterError(args.file, rosterFileProblem(error))}\n${nothingImported(1)}`);
    return EXIT_INVALID;
  }
  if (parsed.errors.length) {
    for (const e of parsed.errors) io.stderr(`${formatRosterError(args.file, e)}\n`);
    io.stderr(nothingImported(parsed.errors.length));
    return EXIT_INVALID;
  }

  if (!io.env.TENCENTCLOUD_SECRETID || !(io.env.TCB_ENV || io.env.SCF_NAMESPACE)) {
    io.stderr(
      'tongti import: no environment to write to. For a local cloud: export $(tongti env --port PORT);\n' +
        'for a real one: TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY.\n',
    );
    return EXIT_FAILED;
  }

  try {
    return await importInto(args, fileName, bytes, parsed, io);
  } catch (error) {
    io.stderr(`tongti import: ${describe(error)}\n`);
    return EXIT_FAILED;
  }
}

async function importInto(
  args: Args,
  fileName: string,
  bytes: Buffer,
  parsed: ReturnType<typeof parseRoster>,
  io: ImportIo,
): Promise<number> {
  // Only now: wx-server-sdk must not start talking before the environment is known to be set.
  const db = registryDb();
  await ensureCollections(db);
  const floors = Math.max(0, ...parsed.rows.map((r) => r.floor));
  const building = await resolveBuilding(db, args, floors, io);
  if (!building) return EXIT_INVALID;

  let bar: SingleBar | null = null;
  const result = await importRoster({
    db,
    building,
    fileName,
    bytes,
    dryRun: args.dryRun,
    sheet: args.sheet,
    howToChooseSheet: SHEET_HINT,
    source: 'cli',
    by: { openid: `cli:${operator(io)}`, roles: ['cli'] },
    now: io.now(),
    requestId: `cli-${io.now().getTime()}`,
    record: !args.dryRun,
    onPlan(total) {
      if (total === 0) return;
      bar = new SingleBar(
        {
          stream: io.progressStream,
          format: '写入 [{bar}] {value}/{total}',
          noTTYOutput: true,
          notTTYSchedule: 1000,
          hideCursor: false,
        },
        Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    onProgress(n) {
      bar?.increment(n);
    },
  });
  (bar as SingleBar | null)?.stop();
  if (result.errors.length) {
    // Against the registry a row can still be wrong (1203 in a building with rooms 1-203).
    for (const e of result.errors) io.stderr(`${formatRosterError(args.file, e)}\n`);
    io.stderr(nothingImported(result.errors.length));
    return EXIT_INVALID;
  }
  io.stdout(report(args, result, parsed.skipped));
  return EXIT_OK;
}

async function resolveBuilding(
  db: Db,
  args: Args,
  floors: number,
  io: ImportIo,
): Promise<Building | null> {
  const store = docs(db);
  if (args.building) {
    const found = await store.get<Building>('buildings', args.building);
    if (found) return found;
    if (!args.buildingName) {
      io.stderr(`tongti import: no building ${args.building}; pass --building-name to create it\n`);
      return null;
    }
  } else {
    const all = await find<Building>(db, 'buildings', {}, { limit: 2 });
    if (all.length > 1) {
      io.stderr('tongti import: this environment has several buildings; pass --building ID\n');
      return null;
    }
    if (all[0]) return all[0];
    if (!args.buildingName) {
      io.stderr('tongti import: this environment has no building yet; pass --building-name NAME\n');
      return null;
    }
  }
  const building: Building = {
    _id: args.building ?? 'building',
    name: args.buildingName ?? '',
    address: '',
    community: '',
    builtYear: 0,
    floors,
    elevators: 0,
    residents: 0,
  };
  if (!args.dryRun) await store.set('buildings', building._id, building);
  io.stdout(
    `${args.dryRun ? 'would create' : 'created'} building ${building._id} (${building.name})\n`,
  );
  return building;
}

function report(
  args: Args,
  r: RosterImportResult,
  skipped: ReadonlyArray<{ line: number; text: string }>,
): string {
  const lines: string[] = [];
  lines.push(
    `${args.file}: ${r.rows} rows — units: ${r.created.length} new, ${r.updated.length} updated, ` +
      `${r.unchanged} unchanged; people: ${r.peopleCreated} new, ${r.peopleUpdated} updated`,
  );
  if (r.created.length) lines.push(`  new: ${r.created.join(', ')}`);
  for (const u of r.updated) lines.push(`  update ${u.unitNo}: ${u.changes.join(', ')}`);
  if (r.missing.length) {
    lines.push(
      `  not in the file (left as they are): ${r.missing.length} units: ${r.missing.join(', ')}`,
    );
  }
  if (r.ignoredColumns.length) lines.push(`  ignored columns: ${r.ignoredColumns.join(', ')}`);
  for (const s of skipped) lines.push(`  skipped ${args.file}:${s.line}: ${s.text}（不是房屋）`);
  // Printed in every run, dry or not: each is a guess a person must confirm.
  for (const q of r.questions) lines.push(`  check ${args.file}:${q.line}: ${q.message}`);
  lines.push(
    r.dryRun
      ? 'dry run: nothing written; run again without --dry-run to apply'
      : r.created.length + r.updated.length + r.peopleCreated + r.peopleUpdated === 0
        ? 'nothing to change: the registry already matches the file'
        : 'applied',
  );
  return lines.join('\n') + '\n';
}

function operator(io: ImportIo): string {
  try {
    return io.env.USER ?? userInfo().username;
  } catch {
    return 'unknown';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'errMsg' in error) return String(error.errMsg);
  return String(error);
}
