import { FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from '../helpers/localCloud';

/** The console a newcomer opens at `/`, and the read-only API behind it. */
describe('console', () => {
  let t: TestCloud;
  const units = Array.from({ length: 45 }, (_, i) => ({
    _id: `u${String(i).padStart(2, '0')}`,
    n: i,
  }));

  beforeAll(async () => {
    t = await startTestCloud({
      functionsDir: FIXTURE_FUNCTIONS,
      seed: { units, notes: [{ _id: 'n1', text: '你好' }] },
      identities: [{ openid: 'demo-a', label: 'A', role: 'owner' }],
    });
  });
  afterAll(() => t.stop());

  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${t.cloud.url}${path}`);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('serves the console page, which says it is a development server', async () => {
    const res = await fetch(`${t.cloud.url}/`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('TongTi 同梯 · local cloud');
    expect(html).toContain('Development server');
  });

  it('lists collections with their counts', async () => {
    expect((await get('/api/collections')).body).toEqual([
      { name: 'notes', count: 1 },
      { name: 'units', count: 45 },
    ]);
  });

  it('pages through documents read-only', async () => {
    const page = (await get('/api/collections/units?offset=40&limit=20')).body as {
      total: number;
      docs: Array<{ _id: string }>;
    };
    expect(page.total).toBe(45);
    expect(page.docs.map((d) => d._id)).toEqual(['u40', 'u41', 'u42', 'u43', 'u44']);
    const clamped = (await get('/api/collections/units?limit=100000')).body as { docs: unknown[] };
    expect(clamped.docs).toHaveLength(45);
    expect((await get('/api/collections/missing')).status).toBe(404);
  });

  it('shows the last invocations with caller and request counts, and the identities', async () => {
    await t.call('whoami', { action: 'ping' }, 'demo-a');
    const inv = (await get('/api/invocations')).body as Array<Record<string, unknown>>;
    expect(inv[0]).toMatchObject({
      functionName: 'whoami',
      action: 'ping',
      openid: 'demo-a',
      ok: true,
      dbRequests: 0,
    });
    expect((await get('/api/identities')).body).toEqual([
      { openid: 'demo-a', label: 'A', role: 'owner' },
    ]);
    expect((await get('/api/functions')).body).toContain('whoami');
  });

  it('shows the outbox', async () => {
    t.cloud.outbox.record('test.kind', { note: 'recorded' });
    const out = (await get('/api/outbox?kind=test.kind')).body as Array<Record<string, unknown>>;
    expect(out).toEqual([
      expect.objectContaining({ kind: 'test.kind', note: 'recorded', seq: expect.any(Number) }),
    ]);
  });
});
