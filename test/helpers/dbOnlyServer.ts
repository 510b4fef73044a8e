import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCloudError } from '../../localcloud/errors';
import type { AdminBody, AdminContext } from '../../localcloud/module';
import type { Database } from '../../localcloud/database';

/**
 * Serves only the database module's `/admin` actions, answering the way the local cloud server
 * does (`{...result, requestId}`, or `{code, message, requestId}`), so database tests can inject a
 * clock and start fast.
 */
export interface DbOnlyServer {
  url: string;
  adminUrl: string;
  port: number;
  /** Requests answered, by action. */
  counts: Map<string, number>;
  close(): Promise<void>;
}

export async function startDbOnlyServer(db: Database): Promise<DbOnlyServer> {
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestId = randomBytes(8).toString('hex');
      const send = (body: Record<string, unknown>): void => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ ...body, requestId }));
      };
      const raw = Buffer.concat(chunks);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        return send({ code: 'INVALID_PARAM', message: 'request body is not JSON' });
      }
      const action =
        parsed && typeof parsed === 'object' && 'action' in parsed ? parsed.action : undefined;
      if (typeof action !== 'string' || req.method !== 'POST' || !req.url?.startsWith('/admin')) {
        return send({ code: 'INVALID_PARAM', message: 'missing action' });
      }
      counts.set(action, (counts.get(action) ?? 0) + 1);
      const handler = db.module.actions[action];
      if (!handler) return send({ code: 'INVALID_PARAM', message: `unknown action: ${action}` });
      const ctx: AdminContext = {
        requestId,
        invocation: null,
        raw: { headers: req.headers, body: raw },
      };
      Promise.resolve()
        .then(() => handler({ ...(parsed as AdminBody), action }, ctx))
        .then(
          (result) => send('binary' in result ? {} : result),
          (err: unknown) => {
            if (isCloudError(err)) return send({ code: err.code, message: err.message });
            send({ code: 'SYS_ERR', message: err instanceof Error ? err.message : String(err) });
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    adminUrl: `${url}/admin`,
    port,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
