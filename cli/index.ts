import { Command, InvalidArgumentError } from 'commander';
import { runTally, nodeTallyIo } from './commands/tally';
import { runSplit, nodeSplitIo } from './commands/split';
import { runEnv } from './commands/env';

/**
 * `tongti`: the project's command line. `serve` runs the local cloud with our functions (and the
 * browser preview), `env` prints what points an SDK at it, `tally` recounts a vote from a file,
 * `split` apportions a cost among units.
 */
export async function main(argv: readonly string[]): Promise<number> {
  // tally owns its arguments and exit codes exactly (0 valid, 2 invalid), so it bypasses commander.
  if (argv[2] === 'tally') return runTally(argv.slice(3), nodeTallyIo);
  if (argv[2] === 'split') return runSplit(argv.slice(3), nodeSplitIo);
  // import owns its arguments and exit codes too. Required on demand (it brings wx-server-sdk);
  // a dynamic import() of a .ts file can run before tsx's loader is ready, require cannot.
  if (argv[2] === 'import') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const command = require('./commands/import') as typeof import('./commands/import');
    return command.runImport(argv.slice(3), command.nodeImportIo);
  }

  if (argv[2] === 'ledger') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const command = require('./commands/ledger') as typeof import('./commands/ledger');
    return command.runLedger(argv.slice(3), command.nodeLedgerIo);
  }

  if (argv[2] === 'export') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const command = require('./commands/export') as typeof import('./commands/export');
    return command.runExport(argv.slice(3), command.nodeExportIo);
  }

  if (argv[2] === 'tick') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const command = require('./commands/tick') as typeof import('./commands/tick');
    return command.runTick(argv.slice(3), command.nodeTickIo);
  }

  let exitCode = 0;
  const program = new Command()
    .name('tongti')
    .description('TongTi (同梯): the local cloud and tools for the elevator renewal mini program')
    .exitOverride();

  program
    .command('serve')
    .description('start the local cloud with our cloud functions, the console and the preview')
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, 8787)
    .option('--host <host>', 'address to bind (development server: keep it local)', '127.0.0.1')
    .option('--data <dir>', 'data folder (database, files, outbox)', '.tongti')
    .option('--seed <seed>', 'data to load into an empty store: demo | none', parseSeed, 'none')
    .option('--no-preview', 'do not serve the browser preview')
    .option('--no-timers', "do not run the functions' timer triggers")
    .action(
      async (opts: {
        port: number;
        host: string;
        data: string;
        seed: 'demo' | 'none';
        preview: boolean;
        timers: boolean;
      }) => {
        // Loaded on demand so `tally` and `env` never load the local cloud (a native module among
        // them); require, not import(), because tsx resolves import() as ESM, without extensions.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runServe } = require('./commands/serve') as typeof import('./commands/serve');
        exitCode = await runServe(opts);
      },
    );

  program
    .command('env')
    .description('print the environment variables that point wx-server-sdk at a local cloud')
    .option('--port <port>', 'the local cloud port', parsePort, 8787)
    .option('--host <host>', 'the local cloud address', '127.0.0.1')
    .option('--openid <openid>', 'the caller identity getWXContext() reports', '')
    .action((opts: { port: number; host: string; openid: string }) => {
      process.stdout.write(runEnv(opts));
    });

  program
    .command('tally')
    .description('the lawful tally of one vote: tongti tally --input FILE (prints JSON)')
    .option('--input <file>', 'JSON file of units and ballots');

  program
    .command('split')
    .description("every unit's share of a cost: tongti split --input FILE (prints JSON)")
    .option('--input <file>', 'JSON file of the total, method, coefficients, exemptions and units');

  program
    .command('tick')
    .description("one run of the scheduler's clocks against a cloud: tongti tick [--at ISO]");

  program
    .command('import')
    .description(
      'the property office roster into the registry: tongti import units FILE [--dry-run]',
    );

  program
    .command('ledger')
    .description('tongti ledger verify: recompute the hash chain and balances of an environment');

  program
    .command('export')
    .description(
      'a spreadsheet for the committee: tongti export decision ID|ledger|contacts --out FILE',
    );

  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    // Commander has already printed its own usage errors; anything else is ours to report.
    const code = (err as { exitCode?: unknown }).exitCode;
    if (typeof code === 'number') return code;
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
  return exitCode;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is 0–65535');
  return n;
}

function parseSeed(value: string): 'demo' | 'none' {
  if (value !== 'demo' && value !== 'none') throw new InvalidArgumentError('demo or none');
  return value;
}
