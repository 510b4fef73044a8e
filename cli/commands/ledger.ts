/**
 * `tongti ledger verify`: recomputes the ledger from `entries` — the hash chain, the chain head,
 * the two-phase rules and every balance — reading ALL documents of the collections (paged by
 * `_id`, so a document stripped of its seq is read too). Prints one JSON line
 * `{"ok":true,"count":N,"headHash":"…"}` (exit 0), or one stderr line naming the first bad
 * entry's `_id` (exit 2). Exit 1: no environment, or it failed.
 *
 * Pointed at an environment the way `tongti import` is: the variables `tongti env` prints (local
 * cloud), or TCB_ENV with TENCENTCLOUD_SECRETID/SECRETKEY (a real environment).
 */
import {
  verifyLedger,
  type ChainHead,
  type StoredBalance,
  type StoredDoc,
} from '../../core/ledger/chain';
import type { Db } from '../../server/cloud';
import { registryDb } from '../../server/repository/docs';
import { docsOf } from '../../server/repository/results';
import { HEAD_ID } from '../../server/ledger/store';
import { DEFAULT_ENV_ID, sdkEnv } from '../../localcloud/sdkEnv';

export interface LedgerIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const nodeLedgerIo: LedgerIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
};

export const LEDGER_USAGE =
  'Usage: tongti ledger verify [--port PORT [--host HOST]]\n' +
  '  Recomputes the hash chain and the balances from the entries of an environment.\n' +
  '  Prints {"ok":true,"count":N,"headHash":"…"} (exit 0), or names the first bad entry (exit 2).\n' +
  '  Environment: --port PORT (a local cloud), export $(tongti env --port PORT), or TCB_ENV +\n' +
  '  TENCENTCLOUD_SECRETID +\n' +
  '  TENCENTCLOUD_SECRETKEY for a real one.\n';

const PAGE = 1000;

/** Every document of a collection, a thousand a request, by `_id` (never by skip). */
export async function readEvery<T extends { _id: string }>(
  db: Db,
  collection: string,
): Promise<T[]> {
  const out: T[] = [];
  let last: string | null = null;
  for (;;) {
    const where: Record<string, unknown> = last === null ? {} : { _id: db.command.gt(last) };
    const page: T[] = await docsOf<T>(
      db.collection(collection).where(where).orderBy('_id', 'asc').limit(PAGE).get(),
    );
    out.push(...page);
    const tail: T | undefined = page[page.length - 1];
    if (page.length < PAGE || !tail) return out;
    last = tail._id;
  }
}

/** `--port PORT` and `--host HOST` (a local cloud); what is left is the command. */
export function localCloudTarget(
  args: readonly string[],
): { port: number | null; host: string; rest: string[] } | { error: string } {
  let port: number | null = null;
  let host = '127.0.0.1';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--port' || arg === '--host') {
      const value = args[i + 1];
      i += 1;
      if (value === undefined || value === '') return { error: `${arg} needs a value` };
      if (arg === '--host') {
        host = value;
      } else {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 65535) return { error: 'a port is 1–65535' };
        port = n;
      }
    } else {
      rest.push(arg);
    }
  }
  return { port, host, rest };
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') return JSON.stringify(error);
  return String(error);
}

export async function runLedger(argv: readonly string[], io: LedgerIo): Promise<number> {
  const args = argv[0] === 'ledger' ? argv.slice(1) : [...argv];
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(LEDGER_USAGE);
    return 0;
  }
  const target = localCloudTarget(args);
  if ('error' in target) {
    io.stderr(`tongti ledger: ${target.error}\n`);
    return 2;
  }
  const rest = target.rest;
  // `--port` saves the `export $(tongti env --port PORT)` step for a local cloud.
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
  if (rest.length !== 1 || rest[0] !== 'verify') {
    io.stderr(`tongti ledger: unknown command ${JSON.stringify(rest.join(' '))}\n${LEDGER_USAGE}`);
    return 2;
  }
  if (!io.env.TENCENTCLOUD_SECRETID || !(io.env.TCB_ENV || io.env.SCF_NAMESPACE)) {
    io.stderr(
      'tongti ledger: no environment to read. For a local cloud: export $(tongti env --port PORT);\n' +
        'for a real one: TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY.\n',
    );
    return 1;
  }
  let entries: StoredDoc[];
  let balances: StoredBalance[];
  let heads: Array<{ _id: string; seq?: unknown; hash?: unknown }>;
  try {
    const db = registryDb();
    entries = await readEvery<StoredDoc>(db, 'entries');
    balances = await readEvery<StoredBalance>(db, 'balances');
    heads = await readEvery(db, 'ledgerHead');
  } catch (error) {
    const text = describe(error);
    // A fresh environment has no ledger yet: an empty ledger is a sound one.
    if (/-502005|not exist/i.test(text)) {
      entries = [];
      balances = [];
      heads = [];
    } else {
      io.stderr(`tongti ledger: ${text}\n`);
      return 1;
    }
  }
  const stored = heads.find((h) => h._id === HEAD_ID);
  if (!stored && entries.length > 0) {
    io.stderr(
      `tongti ledger verify: broken: the chain head ledgerHead/${HEAD_ID} is missing (${entries.length} entries)\n`,
    );
    return 2;
  }
  const head: ChainHead | null = stored
    ? {
        _id: stored._id,
        seq: typeof stored.seq === 'number' ? stored.seq : -1,
        hash: typeof stored.hash === 'string' ? stored.hash : '',
      }
    : null;
  const verdict = verifyLedger(entries, balances, head);
  if (!verdict.ok) {
    const at = verdict.seq === null ? '' : ` (seq ${verdict.seq})`;
    io.stderr(
      `tongti ledger verify: broken at entry _id ${verdict.badId}${at}: ${verdict.reason}\n`,
    );
    return 2;
  }
  io.stdout(`${JSON.stringify({ ok: true, count: verdict.count, headHash: verdict.headHash })}\n`);
  return 0;
}
