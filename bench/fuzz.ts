import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as z from 'zod';
import { demoBuilding } from '../cli/seed';
import { startLocalCloud, OPENID_HEADER, type LocalCloud } from '../localcloud/server';
import { POLICY } from '../server/auth/policy';
import { actions as decisionsActions } from '../cloudfunctions/decisions/src/actions';
import { actions as householdsActions } from '../cloudfunctions/households/src/actions';
import type { Row } from './table';

/**
 * Fuzz: 10,000 bad inputs, from a fixed seed, over every action of every function built in
 * cloudfunctions/, each sent by one of the demo building's people (or nobody) through the local
 * cloud as a client would. Every input is bad by construction and checked against the action's
 * own request schema: not an object, no or an unknown action, fields of the wrong type or
 * shape, unknown fields, prototype keys, very long strings, deep nesting, names that are no
 * function name. Reported: how each was answered — a refusal with a clear code is right; an
 * INTERNAL answer, an HTTP 500 or an accepted request is wrong — how many commits the store saw
 * (must be 0), whether every document is byte-for-byte what it was, and whether the server still
 * answers afterwards.
 */

export const FUZZ_SEED = 20261207;
/** Functions that answer platform events and record every untrusted one they get. */
const EVENT_LOGGERS = new Set(['payCallback']);
const INPUTS = 10_000;
const PARALLEL = 8;

type Schema = z.ZodType<unknown>;
type Spec = Record<string, { input: Schema }>;

/** The request schemas of the functions whose action spec the bench can read. */
const SPECS: Record<string, Spec> = {
  households: householdsActions as unknown as Spec,
  decisions: decisionsActions as unknown as Spec,
};

interface Target {
  fn: string;
  action: string;
  schema: Schema | null;
  keys: string[];
}

type Kind = 'not an object' | 'bad action' | 'bad fields' | 'prototype keys' | 'deep' | 'bad name';

interface Input {
  kind: Kind;
  fn: string;
  action: string;
  openid: string;
  /** The HTTP body, as the client sends it. */
  body: string;
}

interface Outcome {
  status: number;
  code: string;
  ok: boolean;
}

const CALLERS = [
  '',
  'demo-organizer',
  'demo-engineer',
  'demo-admin',
  'demo-staff1',
  'demo-treasurer',
  'demo-owner-p001',
  'demo-proxy-p137',
  'demo-resident-p144',
  'demo-applicant1',
  'stranger-openid',
];

const TRICKY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '../households',
  'u10-02',
  'u2-01',
  'd-elevator-plan',
  'd-outage-arrangements',
  'd-draft',
  'yes',
  'A',
  'owner',
  'proxy',
  '2027-02-30',
  '9999-99-99',
  'cloud://',
  'cloud://tongti-local.746f-tongti-local-1300000000/../../etc/passwd',
  '<script>alert(1)</script>',
  '{"$gt":""}',
  '😀😀😀',
  'ABCD-EFGH',
  '１３９１２３４５６７８',
];

function targetsOf(functions: readonly string[]): Target[] {
  const out: Target[] = [];
  for (const fn of functions) {
    const spec = SPECS[fn];
    const policy = (POLICY as unknown as Record<string, Record<string, unknown> | undefined>)[fn];
    const names = Object.keys(spec ?? policy ?? {});
    for (const action of names) {
      const schema = spec?.[action]?.input ?? null;
      const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
      out.push({ fn, action, schema, keys });
    }
  }
  return out;
}

/** Any JSON value, small, with the strings and numbers that break careless code. */
function jsonValue(): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.constantFrom(...TRICKY_STRINGS),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.integer(),
    fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53),
    fc.boolean(),
    fc.constant(null),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
    ),
  }));
  return value;
}

/** Arrays or objects nested `levels` deep, as JSON text. */
function nested(levels: number, objects: boolean): string {
  return objects
    ? '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)
    : '['.repeat(levels) + ']'.repeat(levels);
}

/** Whether the action's own schema refuses these fields (the router strips transport fields). */
function refusedBySchema(target: Target, fields: Record<string, unknown>): boolean {
  if (!target.schema) return Object.keys(fields).some((k) => k.startsWith('fuzz'));
  const { userInfo: _transport, ...rest } = fields;
  return !target.schema.safeParse(rest).success;
}

function inputs(targets: readonly Target[], functions: readonly string[]): Input[] {
  const caller = fc.constantFrom(...CALLERS);
  const target = fc.constantFrom(...targets);
  const body = (data: unknown): string => JSON.stringify({ data });

  const notObject = fc
    .tuple(
      fc.constantFrom(...functions),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(jsonValue(), { maxLength: 3 })),
      caller,
    )
    .map(([fn, data, openid]): Input => ({
      kind: 'not an object',
      fn,
      action: '-',
      openid,
      body: body(data),
    }));

  const badAction = fc
    .tuple(
      fc.constantFrom(...functions),
      fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'),
        fc.constantFrom('', ' list', 'LIST', 'cast ', 'init\u0000'),
        fc.string({ maxLength: 20 }),
        jsonValue().filter((v) => typeof v !== 'string'),
      ),
      fc.boolean(),
      caller,
    )
    .map(([fn, action, missing, openid]): Input => ({
      kind: 'bad action',
      fn,
      action: typeof action === 'string' ? action : typeof action,
      openid,
      body: body(missing ? { unitId: 'u2-01' } : { action }),
    }))
    .filter((input) => {
      const spec = SPECS[input.fn];
      return !spec || !Object.prototype.hasOwnProperty.call(spec, input.action);
    });

  const badFields = fc
    .tuple(
      target,
      caller,
      fc.func(jsonValue()),
      fc.dictionary(fc.string({ maxLength: 10 }), jsonValue(), { maxKeys: 2 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.boolean(),
    )
    .map(([t, openid, valueFor, extra, share, withExtra]): Input | null => {
      const fields: Record<string, unknown> = {};
      t.keys.forEach((key, i) => {
        // Most real keys present, each with some value: the shape is near what the action takes.
        if ((i + 1) / (t.keys.length + 1) <= share || t.keys.length === 1) {
          fields[key] = valueFor(key, i);
        }
      });
      if (withExtra || !t.keys.length) Object.assign(fields, extra, { fuzz: true });
      if (!refusedBySchema(t, fields)) return null;
      return {
        kind: 'bad fields',
        fn: t.fn,
        action: t.action,
        openid,
        body: body({ ...fields, action: t.action }),
      };
    })
    .filter((input): input is Input => input !== null);

  const prototypeKeys = fc
    .tuple(target, caller, fc.constantFrom('__proto__', 'constructor', 'prototype'), jsonValue())
    .map(([t, openid, key, value]): Input => {
      // Written as text: an object literal would set the prototype instead of a key.
      const extra = `${JSON.stringify(key)}:${JSON.stringify({ polluted: value, roles: ['admin'] })}`;
      return {
        kind: 'prototype keys',
        fn: t.fn,
        action: t.action,
        openid,
        body: `{"data":{"action":${JSON.stringify(t.action)},${extra}}}`,
      };
    });

  const deep = fc
    .tuple(target, caller, fc.integer({ min: 100, max: 6000 }), fc.boolean())
    .map(([t, openid, levels, objects]): Input => {
      const key = t.keys[levels % Math.max(1, t.keys.length)] ?? 'fuzz';
      return {
        kind: 'deep',
        fn: t.fn,
        action: t.action,
        openid,
        body: `{"data":{"action":${JSON.stringify(t.action)},${JSON.stringify(key)}:${nested(levels, objects)}}}`,
      };
    });

  const badName = fc
    .tuple(
      fc.constantFrom(
        '%2e%2e%2fhouseholds',
        '..%2Fdecisions',
        '%E0%A4%A',
        'households%00',
        'nope',
        'HOUSEHOLDS',
        'households.js',
      ),
      caller,
    )
    .map(([fn, openid]): Input => ({
      kind: 'bad name',
      fn,
      action: 'list',
      openid,
      body: body({ action: 'list' }),
    }));

  const all = fc.oneof(
    { arbitrary: notObject, weight: 5 },
    { arbitrary: badAction, weight: 8 },
    { arbitrary: badFields, weight: 70 },
    { arbitrary: prototypeKeys, weight: 7 },
    { arbitrary: deep, weight: 7 },
    { arbitrary: badName, weight: 3 },
  );
  // Sampled generously, then cut to size: a candidate the schema would take is dropped.
  return fc
    .sample(all, { numRuns: Math.ceil(INPUTS * 1.5), seed: FUZZ_SEED })
    .filter((input): input is Input => input !== null && typeof input === 'object')
    .slice(0, INPUTS);
}

async function send(cloud: LocalCloud, input: Input): Promise<Outcome> {
  const res = await fetch(`${cloud.url}/functions/${input.fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: input.openid },
    body: input.body,
  });
  const answer = (await res.json()) as {
    result?: { ok: boolean; code?: string };
    error?: { code: string };
  };
  if (answer.result) {
    return { status: res.status, ok: answer.result.ok, code: answer.result.code ?? 'OK' };
  }
  return { status: res.status, ok: false, code: answer.error?.code ?? 'NONE' };
}

/** Every document of every collection, hashed: equal digests mean nothing changed. */
function digest(cloud: LocalCloud): { documents: number; hash: string } {
  const hash = createHash('sha256');
  let documents = 0;
  for (const name of cloud.database.listCollections().sort()) {
    const { total, docs } = cloud.database.documents(name, 0, 10_000_000);
    documents += total;
    hash.update(name);
    hash.update(JSON.stringify(docs));
  }
  return { documents, hash: hash.digest('hex').slice(0, 16) };
}

async function alive(cloud: LocalCloud): Promise<boolean> {
  const checks = [
    { fn: 'households', data: { action: 'summary' } },
    { fn: 'decisions', data: { action: 'list' } },
  ];
  for (const check of checks) {
    const res = await fetch(`${cloud.url}/functions/${check.fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [OPENID_HEADER]: 'demo-organizer' },
      body: JSON.stringify({ data: check.data }),
    });
    if (res.status !== 200) return false;
    const answer = (await res.json()) as { result?: { ok: boolean } };
    if (!answer.result?.ok) return false;
  }
  return true;
}

export interface FuzzReport {
  byFunction: Row[];
  byKind: Row[];
  summary: Row[];
  /** The first few wrong answers, to start from when one appears. */
  wrong: string[];
}

export async function benchFuzz(): Promise<FuzzReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-fuzz-'));
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    seed: demoBuilding(Date.now()).collections,
    log: () => undefined,
  });
  try {
    // payCallback takes WeChat Pay's notifications, not actions: every forged one is deliberately
    // recorded for the treasurer (test/cloud/funds.test.ts), so it would write by design here.
    const functions = cloud.functions.list().filter((name) => !EVENT_LOGGERS.has(name));
    const targets = targetsOf(functions);
    const all = inputs(targets, functions);
    const before = digest(cloud);
    const commitsBefore = cloud.database.commits();
    const outcomes: Outcome[] = new Array<Outcome>(all.length);
    const started = Date.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < all.length) {
        const i = next;
        next += 1;
        const input = all[i];
        if (input) outcomes[i] = await send(cloud, input);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const ms = Date.now() - started;
    const commits = cloud.database.commits() - commitsBefore;
    const after = digest(cloud);
    const up = await alive(cloud);

    const wrongOf = (o: Outcome): boolean => o.ok || o.code === 'INTERNAL' || o.status >= 500;
    const wrong = all
      .map((input, i) => ({ input, outcome: outcomes[i] }))
      .filter((x) => x.outcome && wrongOf(x.outcome))
      .slice(0, 5)
      .map(
        ({ input, outcome }) =>
          `${input.fn}.${input.action} as ${input.openid || '(nobody)'} → HTTP ${outcome?.status ?? 0} ${outcome?.code ?? ''}: ${input.body.slice(0, 200)}`,
      );

    const rowFor = (label: string, key: string, pick: (input: Input) => boolean): Row => {
      const mine = all.map((input, i) => ({ input, o: outcomes[i] })).filter((x) => pick(x.input));
      const count = (test: (o: Outcome) => boolean): number =>
        mine.filter((x) => x.o && test(x.o)).length;
      return {
        [key]: label,
        inputs: mine.length,
        INVALID_INPUT: count((o) => o.code === 'INVALID_INPUT'),
        UNKNOWN_ACTION: count((o) => o.code === 'UNKNOWN_ACTION'),
        'HTTP 400/404': count((o) => o.status === 400 || o.status === 404),
        'other refusals': count(
          (o) =>
            o.status === 200 &&
            !o.ok &&
            !['INVALID_INPUT', 'UNKNOWN_ACTION', 'INTERNAL'].includes(o.code),
        ),
        INTERNAL: count((o) => o.code === 'INTERNAL'),
        'HTTP 5xx': count((o) => o.status >= 500),
        accepted: count((o) => o.ok),
      };
    };
    const known = new Set(functions);
    const byFunction: Row[] = [
      ...functions.map((fn) => {
        const actions = targets.filter((t) => t.fn === fn).length;
        const covered = new Set(
          all.filter((i) => i.fn === fn && i.kind === 'bad fields').map((i) => i.action),
        ).size;
        return {
          ...rowFor(fn, 'function', (i) => i.fn === fn),
          'actions fuzzed': `${covered}/${actions}`,
        };
      }),
      rowFor('(no such function)', 'function', (i) => !known.has(i.fn)),
      rowFor('all', 'function', () => true),
    ];
    const kinds: Kind[] = [
      'not an object',
      'bad action',
      'bad fields',
      'prototype keys',
      'deep',
      'bad name',
    ];
    const byKind = kinds.map((kind) => rowFor(kind, 'kind of input', (i) => i.kind === kind));
    const summary: Row[] = [
      { measure: 'seed', value: FUZZ_SEED },
      { measure: 'bad inputs sent', value: all.length },
      { measure: 'INTERNAL answers (must be 0)', value: byFunction.at(-1)?.INTERNAL ?? -1 },
      { measure: 'database commits during the fuzz (must be 0)', value: commits },
      { measure: 'documents before → after', value: `${before.documents} → ${after.documents}` },
      {
        measure: 'every document unchanged (sha-256 of all)',
        value: before.hash === after.hash ? `yes (${after.hash})` : 'NO',
      },
      { measure: 'server answers afterwards', value: up ? 'yes' : 'NO' },
      { measure: 'ms (8 at a time)', value: ms },
    ];
    return { byFunction, byKind, summary, wrong };
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
