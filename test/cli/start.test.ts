import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startServe, type ServeProcess } from '../helpers/tongtiCli';

/**
 * `npm start` is the README's first command: after building, the command it runs must serve the
 * demo building. This runs that very command (on a free port and a fresh data folder).
 */
describe('npm start', () => {
  let server: ServeProcess | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-start-'));

  afterAll(async () => {
    await server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the demo building, whose summary a client can fetch', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const steps = (pkg.scripts.start ?? '').split('&&').map((s) => s.trim());
    expect(steps[0]).toBe('npm run build');
    const serve = (steps[1] ?? '').split(/\s+/);
    expect(serve[0]).toBe('node');
    server = await startServe(dataDir, [process.execPath, ...serve.slice(1)]);
    const res = await fetch(`${server.url}/functions/households`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tongti-openid': 'demo-organizer' },
      body: JSON.stringify({ data: { action: 'summary' } }),
    });
    expect(await res.json()).toMatchObject({
      result: { ok: true, data: { name: '慈爱鑫和公寓', unitCount: 138 } },
    });
  });
});
