/**
 * `tongti tick [--at ISO]`: one run of the scheduler's clocks (reminders, deadlines, scheduled
 * publication) against a local or real environment, the same code the timer trigger runs. Pointed
 * at an environment like `tongti import`: the variables `tongti env` prints, or TCB_ENV with
 * TENCENTCLOUD_SECRETID/SECRETKEY. Prints what each clock did. Running it twice sends nothing twice.
 * Exit codes: 0 done, 1 a clock or the environment failed, 2 bad arguments.
 */
import { isoAt, parseInstant } from '../../core/decisions';
import { registryDb } from '../../server/repository/docs';
import { runScheduler, type SchedulerRun } from '../../server/scheduler/run';

export interface TickIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  now(): Date;
}

export const nodeTickIo: TickIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  now: () => new Date(Date.now()),
};

export const TICK_USAGE =
  'Usage: tongti tick [--at ISO]\n' +
  '  Runs every clock of the scheduler once (what the timer trigger runs every ten minutes).\n' +
  '  --at ISO   run as if it were this instant (e.g. 2026-12-13T09:00:00+08:00)\n' +
  '  Environment: export $(tongti env) for a local cloud, or TCB_ENV + TENCENTCLOUD_SECRETID +\n' +
  '  TENCENTCLOUD_SECRETKEY for a real one.\n';

function parseArgs(
  argv: readonly string[],
): { at: string | null } | { help: true } | { error: string } {
  const rest = argv[0] === 'tick' ? argv.slice(1) : [...argv];
  if (rest.includes('--help') || rest.includes('-h')) return { help: true };
  let at: string | null = null;
  for (let i = 0; i < rest.length; i += 1) {
    if (rest[i] === '--at') {
      const v = rest[i + 1];
      if (v === undefined || parseInstant(v) === null) {
        return { error: '--at needs an instant like 2026-12-13T09:00:00+08:00' };
      }
      at = v;
      i += 1;
    } else return { error: `unknown argument ${JSON.stringify(rest[i])}` };
  }
  return { at };
}

function describe(run: SchedulerRun): string {
  const lines = [`scheduler run ${run._id} at ${run.now}`];
  for (const c of run.clocks) {
    const outcomes = Object.entries(c.outcomes)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    lines.push(`  ${c.name}: ${c.ok ? outcomes || 'nothing due' : `FAILED ${c.error ?? ''}`}`);
    for (const note of c.notes) lines.push(`    ${note}`);
  }
  return lines.join('\n') + '\n';
}

export async function runTick(argv: readonly string[], io: TickIo): Promise<number> {
  const args = parseArgs(argv);
  if ('help' in args) {
    io.stdout(TICK_USAGE);
    return 0;
  }
  if ('error' in args) {
    io.stderr(`tongti tick: ${args.error}\n${TICK_USAGE}`);
    return 2;
  }
  if (!io.env.TENCENTCLOUD_SECRETID || !(io.env.TCB_ENV || io.env.SCF_NAMESPACE)) {
    io.stderr(
      'tongti tick: no environment. For a local cloud: export $(tongti env --port PORT);\n' +
        'for a real one: TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY.\n',
    );
    return 2;
  }
  const now = args.at === null ? io.now() : new Date(parseInstant(args.at) ?? 0);
  try {
    const run = await runScheduler({ db: registryDb(), now, trigger: 'cli' });
    io.stdout(describe(run));
    return run.clocks.every((c) => c.ok) ? 0 : 1;
  } catch (error) {
    io.stderr(
      `tongti tick failed at ${isoAt(now)}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
