import { randomBytes } from 'node:crypto';
import type { InvocationRef } from '../module';

/**
 * What a WeChat openapi endpoint answers: a JSON body (errcode 0 or a WeChat error) or a binary
 * body such as an image. The SDK turns a JSON errcode into an error with that numeric errCode and
 * the message "openapi.<api>:fail <errmsg>", so errmsg texts follow WeChat's, rid suffix included.
 */
export type WxAnswer = { json: Record<string, unknown> } | { buffer: Buffer; contentType: string };

export interface OpenApiCall {
  /** e.g. "subscribeMessage.send" */
  api: string;
  appid: string;
  requestId: string;
  invocation: InvocationRef | null;
}

/** Request parameters by snake_case key: JSON values as parsed, media as `{contentType, value}`. */
export type OpenApiParams = Record<string, unknown>;

export type OpenApiHandler = (
  params: OpenApiParams,
  call: OpenApiCall,
) => WxAnswer | Promise<WxAnswer>;

export function wxOk(body: Record<string, unknown> = {}): WxAnswer {
  return { json: { errcode: 0, errmsg: 'ok', ...body } };
}

export function wxError(errcode: number, errmsg: string): WxAnswer {
  return { json: { errcode, errmsg: `${errmsg} rid: ${rid()}` } };
}

/** WeChat request ids look like "6641b2f3-0a1b2c3d-4e5f6a7b". */
export function rid(): string {
  const hex = randomBytes(12).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16, 24)}`;
}

export function stringParam(params: OpenApiParams, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
}

export function numberParam(params: OpenApiParams, key: string): number | undefined {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function booleanParam(params: OpenApiParams, key: string): boolean | undefined {
  const value = params[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function recordParam(
  params: OpenApiParams,
  key: string,
): Record<string, unknown> | undefined {
  const value = params[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
