/**
 * The shape of a tally file (`tongti tally --input FILE`) and its reading into a TallyInput.
 * zod checks the shape; the headcount then checks what a shape cannot (duplicates, unknown units,
 * one owner with two different choices). Every problem comes back as one readable line.
 */
import * as z from 'zod';
import { parseArea } from './area';
import { type TallyOutcome, type TallyInput, tallyBallots } from './ballots';
import { CHOICES, type TallyInputError } from './headcount';
import { MATTERS } from './matters';

const nonEmptyString = z.string({ error: 'must be a non-empty string' }).min(1, {
  error: 'must be a non-empty string',
});

const areaSchema = z
  .union([z.string(), z.number()], { error: 'must be a decimal string or a number' })
  .transform((value, ctx) => {
    const parsed = parseArea(value);
    if (parsed.ok) return parsed.hundredths;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });

export const tallyFileSchema = z.object(
  {
    matter: z.enum(MATTERS, {
      error: (issue) =>
        `${issue.input === undefined ? 'missing matter' : `unknown matter ${JSON.stringify(issue.input)}`}; ` +
        `expected one of ${MATTERS.join(', ')}`,
    }),
    units: z
      .array(
        z.object(
          {
            unit: nonEmptyString,
            area: areaSchema,
            // An unsold unit may have no owner; a sold one without an owner is its own owner.
            owner: nonEmptyString.optional(),
            unsold: z.boolean({ error: 'must be true or false' }).optional(),
          },
          { error: 'must be an object {unit, area, owner?, unsold?}' },
        ),
        { error: 'must be an array of units' },
      )
      .min(1, { error: 'must list at least one unit' }),
    ballots: z.array(
      z.object(
        {
          unit: nonEmptyString,
          choice: z.enum(CHOICES, { error: `must be one of ${CHOICES.join(', ')}` }),
        },
        { error: 'must be an object {unit, choice}' },
      ),
      { error: 'must be an array of ballots' },
    ),
  },
  { error: 'must be an object {matter, units, ballots}' },
);

export type TallyReadOutcome =
  { ok: true; input: TallyInput } | { ok: false; error: TallyInputError };

/** Checks the shape of parsed JSON and turns areas into hundredths. */
export function readTallyInput(raw: unknown): TallyReadOutcome {
  const parsed = tallyFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const [first, ...rest] = parsed.error.issues;
  if (first === undefined) return { ok: false, error: { path: 'input', message: 'is invalid' } };
  const more =
    rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})`;
  return { ok: false, error: { path: formatPath(first.path), message: first.message + more } };
}

/** Reads and tallies parsed JSON in one step. */
export function tallyDocument(raw: unknown): TallyOutcome {
  const read = readTallyInput(raw);
  return read.ok ? tallyBallots(read.input) : read;
}

/** `['units', 3, 'area']` → `units[3].area`; the root is called `input`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? 'input' : text;
}

/** One line, whatever the message holds. */
export function formatInputError(error: TallyInputError): string {
  return `${error.path}: ${error.message}`.replace(/\s*[\r\n]+\s*/g, ' ');
}
