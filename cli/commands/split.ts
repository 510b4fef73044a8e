/**
 * `tongti split --input FILE`: every unit's share of a cost under a scheme (area, floor
 * coefficient or equal; exemptions). Prints one JSON line `{totalFen, method, shares}` in input
 * order and exits 0; for invalid input prints one line on stderr and exits 2.
 */
import { readFileSync } from 'fs';
import { splitDocument } from '../../core/funds/splitDocument';

export interface SplitIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const nodeSplitIo: SplitIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

const EXIT_OK = 0;
const EXIT_INVALID = 2;
const USAGE_LINE = 'usage: tongti split --input FILE';

export const SPLIT_USAGE =
  'Usage: tongti split --input FILE\n' +
  '  FILE: {"totalFen": N, "method": "area"|"floor-coefficient"|"equal", ' +
  '"coefficients"?: {"3": "0.8"}, "exempt"?: ["2-01"], "units": [{"unit", "floor", "area"}]}\n';

/** `argv` is what follows the command name; a leading `split` is tolerated. */
export function runSplit(argv: readonly string[], io: SplitIo): number {
  const args = argv[0] === 'split' ? argv.slice(1) : argv;
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(SPLIT_USAGE);
    return EXIT_OK;
  }
  const input = inputPath(args);
  if (typeof input !== 'string') return invalid(io, input.error);

  let text: string;
  try {
    text = io.readFile(input);
  } catch (error) {
    return invalid(io, `cannot read ${input}: ${describe(error)}`);
  }
  let raw: unknown;
  try {
    // A BOM is how some editors save UTF-8; it is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return invalid(io, `${input}: malformed JSON: ${describe(error)}`);
  }
  const outcome = splitDocument(raw);
  if (!outcome.ok) return invalid(io, `${input}: ${outcome.message}`);
  const { totalFen, method } = outcome.input;
  io.stdout(`${JSON.stringify({ totalFen, method, shares: outcome.shares })}\n`);
  return EXIT_OK;
}

function inputPath(args: readonly string[]): string | { error: string } {
  let input: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    let value: string | undefined;
    if (arg === '--input') {
      value = args[i + 1];
      i += 1;
    } else if (arg.startsWith('--input=')) {
      value = arg.slice('--input='.length);
    } else {
      return { error: `unknown argument ${JSON.stringify(arg)}; ${USAGE_LINE}` };
    }
    if (value === undefined || value === '') return { error: '--input needs a FILE' };
    if (input !== undefined) return { error: '--input given twice' };
    input = value;
  }
  return input ?? { error: `missing --input FILE; ${USAGE_LINE}` };
}

function invalid(io: SplitIo, message: string): number {
  io.stderr(`tongti split: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
  return EXIT_INVALID;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
