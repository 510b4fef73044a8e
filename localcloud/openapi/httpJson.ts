import type { ServerResponse } from 'node:http';
import { ZodError } from 'zod';

/** JSON in and out for the local cloud's own control routes (rules, simulators). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  return JSON.parse(body.toString('utf8'));
}

/** Runs a control route, answering 400 with the reason when its input is malformed. */
export async function handleJsonRoute(res: ServerResponse, run: () => unknown): Promise<void> {
  try {
    sendJson(res, 200, await run());
  } catch (e) {
    if (e instanceof ZodError || e instanceof SyntaxError) {
      sendJson(res, 400, { error: e instanceof ZodError ? e.issues : e.message });
      return;
    }
    if (e instanceof RouteError) {
      sendJson(res, e.status, { error: e.message });
      return;
    }
    throw e;
  }
}

export class RouteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RouteError';
  }
}
