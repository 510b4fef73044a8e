import { FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from '../helpers/localCloud';

/**
 * The function host: each invocation isolated with its own identity, under its timeout, with a
 * clear error on crash, one record per invocation with its database requests, and
 * `cloud.callFunction` between functions.
 */
describe('function host', () => {
  let t: TestCloud;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestCloud({
      functionsDir: FIXTURE_FUNCTIONS,
      log: (line) => lines.push(line),
      maxWorkersPerFunction: 3,
    });
  });
  afterAll(() => t.stop());

  it('lists the built functions', () => {
    expect(t.cloud.functions.list()).toEqual([
      'caller',
      'crash',
      'dbcount',
      'reject',
      'slow',
      'ticker',
      'whoami',
    ]);
  });

  it('gives each concurrent invocation its own caller identity', async () => {
    const callers = Array.from({ length: 8 }, (_, i) => `openid-${i}`);
    const results = await Promise.all(
      callers.map((openid, i) => t.call('whoami', { pauseMs: 30 * (i % 3), echo: i }, openid)),
    );
    results.forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        result: { openid: callers[i], appid: 'wx0000000000000000', env: 'tongti-local', echo: i },
      });
    });
  });

  it('times out a function that runs past its configured timeout', async () => {
    const r = await t.call('slow', {}, 'o-slow');
    expect(r.status).toBe(504);
    expect(r.body).toEqual({
      error: { code: 'FUNCTIONS_TIMEOUT', message: 'Invoking task timed out after 1 seconds' },
    });
    // The host stays usable afterwards.
    expect((await t.call('whoami', {}, 'after')).status).toBe(200);
  });

  it('reports a thrown error as an execution failure', async () => {
    const r = await t.call('crash', { reason: 'test' }, 'o-crash');
    expect(r.status).toBe(500);
    expect(r.body).toEqual({
      error: { code: 'FUNCTIONS_EXECUTE_FAIL', message: 'Error: boom: test' },
    });
  });

  it('reports a process exit and an unhandled rejection, then keeps serving', async () => {
    const exit = await t.call('crash', { mode: 'exit' }, 'o');
    expect(exit.status).toBe(500);
    expect(exit.body).toMatchObject({ error: { code: 'FUNCTIONS_EXECUTE_FAIL' } });
    const rejected = await t.call('reject', {}, 'o');
    expect(rejected.body).toEqual({
      error: { code: 'FUNCTIONS_EXECUTE_FAIL', message: 'Error: forgotten promise' },
    });
    const again = await Promise.all([1, 2, 3, 4].map(() => t.call('crash', {}, 'o')));
    again.forEach((r) => expect(r.status).toBe(500));
    expect((await t.call('whoami', {}, 'still-here')).body).toMatchObject({
      result: { openid: 'still-here' },
    });
  });

  it('counts the database requests of each invocation', async () => {
    await t.call('dbcount', { n: 1 }, 'o-count');
    await t.call('dbcount', { n: 4 }, 'o-count');
    const records = t.cloud.invocations().filter((r) => r.functionName === 'dbcount');
    expect(records.slice(0, 2).map((r) => r.dbRequests)).toEqual([4, 1]);
    expect(records[0]).toMatchObject({ ok: true, openid: 'o-count', action: null });
  });

  it('logs one line per invocation with function, action, caller, ms and requests', async () => {
    lines.length = 0;
    await t.call('whoami', { action: 'ping' }, 'o-log');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fn=whoami action=ping caller=o-log ms=\d+ db=0 ok$/);
  });

  it('runs cloud.callFunction from a function as the same caller', async () => {
    const r = await t.call('caller', {}, 'o-outer');
    expect(r.body).toEqual({
      result: {
        outer: 'o-outer',
        inner: {
          openid: 'o-outer',
          appid: 'wx0000000000000000',
          env: 'tongti-local',
          echo: 'via caller',
        },
      },
    });
  });

  it('answers an unknown function and a bad body with clear errors', async () => {
    const missing = await t.call('nope', {}, 'o');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'FUNCTION_NOT_FOUND' } });
    const res = await fetch(`${t.cloud.url}/functions/whoami`, {
      method: 'POST',
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_PARAM' } });
  });

  const post = async (path: string, body: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${t.cloud.url}/functions/${path}`, { method: 'POST', body });
    return { status: res.status, body: await res.json() };
  };

  it('answers a name that is no function name with 400, never 500', async () => {
    for (const name of ['%2e%2e%2fwhoami', '..%2Fwhoami', '%E0%A4%A', 'who%20ami']) {
      const r = await post(name, '{"data":{}}');
      expect([name, r.status]).toEqual([name, 400]);
      expect(r.body).toMatchObject({ error: { code: 'INVALID_PARAM' } });
    }
  });

  it('answers data nested 5,000 levels deep with 400, and still takes deep-enough data', async () => {
    const nest = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
    const tooDeep = await post('whoami', `{"data":{"echo":${nest(5000)}}}`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body).toMatchObject({
      error: { code: 'INVALID_PARAM', message: expect.stringContaining('deeper than') as string },
    });
    const objects = await post(
      'whoami',
      `{"data":{"echo":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
    );
    expect(objects.status).toBe(400);
    const fine = await post('whoami', `{"data":{"echo":${nest(100)}}}`);
    expect(fine.status).toBe(200);
    expect((await t.call('whoami', {}, 'after-deep')).status).toBe(200);
  });
});
