import type { AdminBody, AdminContext } from '../module';
import { CloudError } from '../errors';

/**
 * `wx.openApi` and `wx.wxPayApi` arrive as multipart/form-data (the SDK's form-data package), with
 * binary fields (`requestData`, `apiOptions`) that must reach us byte for byte. So these actions
 * read the raw request instead of trusting any text decoding the server may have applied.
 */
export interface FormPart {
  data: Buffer;
  contentType?: string;
  filename?: string;
}

export function parseMultipart(body: Buffer, contentType: string): Map<string, FormPart> {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new CloudError('INVALID_PARAM', 'multipart body without boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = new Map<string, FormPart>();
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    // `--boundary--` closes the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headerStart = afterDelimiter + 2; // skip CRLF
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) break;
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next === -1) break;
    const headers = parseHeaders(body.subarray(headerStart, headerEnd).toString('utf8'));
    const disposition = headers.get('content-disposition') ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    // The part's content ends with the CRLF that precedes the next delimiter.
    const data = body.subarray(headerEnd + 4, next - 2);
    if (name !== undefined) {
      const part: FormPart = { data: Buffer.from(data) };
      const partType = headers.get('content-type');
      if (partType) part.contentType = partType;
      if (filename !== undefined) part.filename = filename;
      parts.set(name, part);
    }
    start = next;
  }
  return parts;
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * The form fields of an SDK multipart call. Reads the raw body when it is multipart; otherwise
 * falls back to fields the server already placed in the body (Buffers or strings).
 */
export function readFormFields(body: AdminBody, ctx: AdminContext): Map<string, Buffer> {
  const contentType = headerValue(ctx.raw.headers['content-type']);
  const fields = new Map<string, Buffer>();
  if (/^multipart\/form-data/i.test(contentType) && ctx.raw.body.length > 0) {
    for (const [name, part] of parseMultipart(ctx.raw.body, contentType))
      fields.set(name, part.data);
    return fields;
  }
  for (const [name, value] of Object.entries(body)) {
    if (Buffer.isBuffer(value)) fields.set(name, value);
    else if (value instanceof Uint8Array) fields.set(name, Buffer.from(value));
    else if (typeof value === 'string') fields.set(name, Buffer.from(value, 'utf8'));
  }
  return fields;
}

function headerValue(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
