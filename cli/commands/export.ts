/**
 * `tongti export decision ID|ledger|contacts --out FILE [--port PORT [--host HOST]]`: the same
 * workbooks the exports function writes (server/exports), built from an environment and written to
 * a local file. Whoever holds the environment's keys reads everything, so names are in full and the
 * contact list carries phone numbers; each export is recorded in the audit log as `cli:<user>`.
 *
 * Pointed at an environment like `tongti ledger verify`: --port for a local cloud, the variables
 * `tongti env` prints, or TCB_ENV with TENCENTCLOUD_SECRETID/SECRETKEY for a real one.
 * Exit codes: 0 written; 2 bad arguments, an unwritable FILE, or no such decision (or one not yet
 * open); 1 no environment, or it failed.
 */
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Sheet } from '../../core/exports/sheet';
import { DEFAULT_ENV_ID, sdkEnv } from '../../localcloud/sdkEnv';
import { AppError } from '../../server/errors';
import { contactSheets } from '../../server/exports/contacts';
import { decisionSheets } from '../../server/exports/decision';
import { moneySheets } from '../../server/exports/money';
import { workbookOf } from '../../server/exports/workbook';
import { writeAudit } from '../../server/repository/audit';
import { docs, registryDb } from '../../server/repository/docs';
import { describe, localCloudTarget } from './ledger';

export interface ExportIo {
  stdout(text: string): void;
  stderr(text: string): void;
  writeFile(path: string, content: Buffer): void;
  env: NodeJS.ProcessEnv;
  now(): Date;
}

export const nodeExportIo: ExportIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  writeFile: (path, content) => writeFileSync(path, content),
  env: process.env,
  now: () => new Date(),
};

export const EXPORT_USAGE =
  'Usage: tongti export decision ID --out FILE [--port PORT [--host HOST]]\n' +
  '       tongti export ledger --out FILE [--port PORT [--host HOST]]\n' +
  '       tongti export contacts --out FILE [--port PORT [--host HOST]]\n' +
  "  decision ID  the roll and ballots of a decision, with its tally (the decision's id, d-…)\n" +
  "  ledger       each unit's charge and payments, every payment, and the whole ledger\n" +
  '  contacts     the last-mile contact list with phone numbers\n' +
  '  --out FILE   the .xlsx file to write (replaced if it exists)\n' +
  '  Prints {"ok":true,"out":…,"rows":N,"sheets":[…]} (exit 0). Exit 2: bad arguments, FILE not\n' +
  '  writable, no such decision; exit 1: no environment, or it failed.\n' +
  '  Environment: --port PORT (a local cloud), export $(tongti env --port PORT), or TCB_ENV +\n' +
  '  TENCENTCLOUD_SECRETID + TENCENTCLOUD_SECRETKEY for a real one.\n';

type What = { kind: 'decision'; decisionId: string } | { kind: 'ledger' } | { kind: 'contacts' };

function parseArgs(rest: readonly string[]): { what: What; out: string } | { error: string } {
  const [kind, ...more] = rest;
  let out: string | null = null;
  const positional: string[] = [];
  for (let i = 0; i < more.length; i += 1) {
    const arg = more[i] ?? '';
    if (arg === '--out') {
      const value = more[i + 1];
      i += 1;
      if (value === undefined || value === '' || value.startsWith('--')) {
        return { error: '--out needs a FILE' };
      }
      out = value;
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else positional.push(arg);
  }
  let what: What;
  if (kind === 'decision') {
    const [decisionId, ...extra] = positional;
    if (!decisionId) return { error: 'export decision needs the decision ID' };
    if (extra.length) return { error: `unexpected ${JSON.stringify(extra.join(' '))}` };
    what = { kind, decisionId };
  } else if (kind === 'ledger' || kind === 'contacts') {
    if (positional.length) return { error: `unexpected ${JSON.stringify(positional.join(' '))}` };
    what = { kind };
  } else {
    return { error: `unknown export ${JSON.stringify(kind ?? '')}; decision, ledger or contacts` };
  }
  if (out === null) return { error: 'missing --out FILE' };
  return { what, out };
}

/** Why FILE cannot be written, checked before anything is read; null when it can. */
function unwritable(path: string): string | null {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return `${path} is a folder`;
    const dir = dirname(path);
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      return `the folder ${dir} does not exist`;
    }
    accessSync(statSync(path, { throwIfNoEntry: false }) ? path : dir, constants.W_OK);
    return null;
  } catch (error) {
    return `cannot write ${path}: ${describe(error)}`;
  }
}

function operator(io: ExportIo): string {
  try {
    return io.env.USER ?? userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function runExport(argv: readonly string[], io: ExportIo): Promise<number> {
  const args = argv[0] === 'export' ? argv.slice(1) : [...argv];
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(EXPORT_USAGE);
    return 0;
  }
  const target = localCloudTarget(args);
  if ('error' in target) {
    io.stderr(`tongti export: ${target.error}\n${EXPORT_USAGE}`);
    return 2;
  }
  const parsed = parseArgs(target.rest);
  if ('error' in parsed) {
    io.stderr(`tongti export: ${parsed.error}\n${EXPORT_USAGE}`);
    return 2;
  }
  const out = resolve(parsed.out);
  const problem = unwritable(out);
  if (problem) {
    io.stderr(`tongti export: ${problem}; nothing exported\n`);
    return 2;
  }
  if (target.port !== null) {
    Object.assign(
      io.env,
      sdkEnv({
        adminUrl: `http://${target.host}:${target.port}/admin`,
        envId: DEFAULT_ENV_ID,
        openid: '',
      }),
    );
  }
  if (!io.env.TENCENTCLOUD_SECRETID || !(io.env.TCB_ENV || io.env.SCF_NAMESPACE)) {
    io.stderr(
      'tongti export: no environment to read. For a local cloud: --port PORT or\n' +
        'export $(tongti env --port PORT); for a real one: TCB_ENV, TENCENTCLOUD_SECRETID and\n' +
        'TENCENTCLOUD_SECRETKEY.\n',
    );
    return 1;
  }
  const now = io.now();
  const what = parsed.what;
  let built: { sheets: Sheet[]; rows: number };
  try {
    const db = registryDb();
    built =
      what.kind === 'decision'
        ? await decisionSheets(db, what.decisionId, 'full', now)
        : what.kind === 'ledger'
          ? await moneySheets(db, 'full', now)
          : await contactSheets(db, now);
    const content = await workbookOf(built.sheets);
    try {
      io.writeFile(out, content);
    } catch (error) {
      io.stderr(`tongti export: cannot write ${out}: ${describe(error)}\n`);
      return 1;
    }
    await writeAudit(
      docs(db),
      { now, requestId: `cli-${now.getTime()}` },
      { openid: `cli:${operator(io)}`, roles: ['cli'] },
      `exports.${what.kind}`,
      what.kind === 'decision' ? `decision:${what.decisionId}` : what.kind,
      { file: out, rows: built.rows, names: 'full' },
    );
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'CONFLICT')) {
      const id = what.kind === 'decision' ? ` (${what.decisionId})` : '';
      io.stderr(`tongti export: ${error.message}${id}; nothing exported\n`);
      return 2;
    }
    io.stderr(`tongti export: ${describe(error)}\n`);
    return 1;
  }
  io.stdout(
    `${JSON.stringify({ ok: true, out, rows: built.rows, sheets: built.sheets.map((s) => s.name) })}\n`,
  );
  return 0;
}
