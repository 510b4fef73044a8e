/**
 * `tongti tally --input FILE`: the lawful tally of one vote from a JSON file of units and ballots.
 * Prints one JSON line and exits 0 for any valid input, passed or not; for invalid input prints one
 * line on stderr and exits 2. I/O comes in through `io` so tests run without touching the disk.
 */
import { readFileSync } from 'fs';
import { formatInputError, formatTally, tallyDocument } from '../../core/tally';

export interface TallyIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

export const TALLY_USAGE =
  'Usage: tongti tally --input FILE\n' +
  '  FILE: {"matter": M, "units": [{"unit", "area", "owner"?, "unsold"?}], ' +
  '"ballots": [{"unit", "choice": "yes"|"no"|"abstain"}]}\n';

export const nodeTallyIo: TallyIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

type Args = { kind: 'run'; input: string } | { kind: 'help' } | { kind: 'error'; message: string };

/** `argv` is what follows the command name; a leading `tally` is tolerated. */
export function runTally(argv: readonly string[], io: TallyIo): number {
  const args = parseArgs(argv[0] === 'tally' ? argv.slice(1) : argv);
  if (args.kind === 'help') {
    io.stdout(TALLY_USAGE);
    return EXIT_OK;
  }
  if (args.kind === 'error') return invalid(io, args.message);

  let text: string;
  try {
    text = io.readFile(args.input);
  } catch (error) {
    return invalid(io, `cannot read ${args.input}: ${describeError(error)}`);
  }
  let raw: unknown;
  try {
    // A BOM is how some editors save UTF-8; it is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return invalid(io, `${args.input}: malformed JSON: ${describeError(error)}`);
  }
  const outcome = tallyDocument(raw);
  if (!outcome.ok) return invalid(io, `${args.input}: ${formatInputError(outcome.error)}`);
  io.stdout(`${JSON.stringify(formatTally(outcome.result))}\n`);
  return EXIT_OK;
}

function parseArgs(argv: readonly string[]): Args {
  let input: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    let value: string | undefined;
    if (arg === '--input') {
      value = argv[i + 1];
      i += 1;
      if (value === undefined || value === '')
        return { kind: 'error', message: '--input needs a FILE' };
    } else if (arg.startsWith('--input=')) {
      value = arg.slice('--input='.length);
      if (value === '') return { kind: 'error', message: '--input needs a FILE' };
    } else {
      return { kind: 'error', message: `unknown argument ${JSON.stringify(arg)}; ${usageLine()}` };
    }
    if (input !== undefined) return { kind: 'error', message: '--input given twice' };
    input = value;
  }
  if (input === undefined)
    return { kind: 'error', message: `missing --input FILE; ${usageLine()}` };
  return { kind: 'run', input };
}

function usageLine(): string {
  return 'usage: tongti tally --input FILE';
}

function invalid(io: TallyIo, message: string): number {
  io.stderr(`tongti tally: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
  return EXIT_INVALID;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
