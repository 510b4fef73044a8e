import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How the parts of the local cloud (database, storage, openapi, pay, function host) plug into its
 * HTTP server. Each part contributes `/admin` actions (the wire protocol the SDK speaks) and,
 * where it needs them, plain HTTP routes (upload targets, downloads, the pay simulator).
 */

/** One `/admin` request body as the SDK posts it (JSON; EJSON strings inside some fields). */
export type AdminBody = Record<string, unknown> & { action: string };

/** Who is calling, when the request comes from a function invocation the host started. */
export interface InvocationRef {
  id: string;
  functionName: string;
  openid: string;
}

export interface AdminContext {
  requestId: string;
  /** Set when the request carries an invocation id (see function host); else an outside SDK. */
  invocation: InvocationRef | null;
  /** Raw request, for parts that read multipart bodies or headers. */
  raw: { headers: IncomingMessage['headers']; body: Buffer };
}

/**
 * An action returns the JSON body to send (the server adds `requestId`), or a Buffer with its
 * content type for binary answers. Throw CloudError for failures.
 */
export type AdminResult = Record<string, unknown> | { binary: Buffer; contentType: string };
export type AdminAction = (
  body: AdminBody,
  ctx: AdminContext,
) => Promise<AdminResult> | AdminResult;

export interface RawRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Matched as a path prefix, e.g. '/storage/'. */
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> | void;
}

/** What the server offers its parts: its own address and the function host. */
export interface CloudServices {
  baseUrl(): string;
  dataDir: string;
  invokeFunction(name: string, data: unknown, identity: { openid: string }): Promise<unknown>;
  /** Append a record to the outbox (messages, payments, QR codes asked for). */
  record(kind: string, entry: Record<string, unknown>): void;
}

export interface LocalCloudModule {
  actions: Record<string, AdminAction>;
  routes?: RawRoute[];
  close?(): void | Promise<void>;
}
