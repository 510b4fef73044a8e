import protobuf from 'protobufjs';

/**
 * The protobuf envelope wx-server-sdk 4.0.2 wraps openapi calls in (its src/protobuf/openapi.js),
 * re-declared here with the same field numbers. Only the messages the local cloud reads or writes
 * are declared; unknown fields are skipped on decode, as protobuf does.
 */
const PROTO = `
syntax = "proto3";
message KeyValuePair {
  string key = 1;
  bytes value = 2;
  string contenttype = 3;
  string filename = 4;
}
message OpenApiData {
  repeated KeyValuePair pairs = 1;
}
message CommApiData {
  int32 apiType = 1;
  OpenApiData openapiData = 2;
  string appid = 6;
}
message CommOpenApiResp {
  bytes respData = 1;
  string contentType = 2;
  int32 errorCode = 3;
  uint32 httpCode = 4;
  int32 svrkitErrorCode = 6;
}
message ApiOptions {
  string appid = 1;
}
`;

const root = protobuf.parse(PROTO, { keepCase: true }).root;
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');
const ApiOptions = root.lookupType('ApiOptions');

/** CommApiData.ApiType: generic openapi calls use OPEN_API. */
export const API_TYPE_OPEN_API = 0;

export interface OpenApiParam {
  key: string;
  value: Buffer;
  contentType?: string;
  filename?: string;
}

export interface OpenApiRequest {
  apiType: number;
  appid: string;
  pairs: OpenApiParam[];
}

export function decodeOpenApiRequest(bytes: Buffer): OpenApiRequest {
  const decoded: unknown = CommApiData.toObject(CommApiData.decode(bytes), { defaults: false });
  const message = asRecord(decoded);
  const openapiData = asRecord(message.openapiData);
  const rawPairs = Array.isArray(openapiData.pairs) ? openapiData.pairs : [];
  const pairs = rawPairs.map((raw: unknown): OpenApiParam => {
    const pair = asRecord(raw);
    const param: OpenApiParam = {
      key: typeof pair.key === 'string' ? pair.key : '',
      value: pair.value instanceof Uint8Array ? Buffer.from(pair.value) : Buffer.alloc(0),
    };
    if (typeof pair.contenttype === 'string' && pair.contenttype)
      param.contentType = pair.contenttype;
    if (typeof pair.filename === 'string' && pair.filename) param.filename = pair.filename;
    return param;
  });
  return {
    apiType: typeof message.apiType === 'number' ? message.apiType : API_TYPE_OPEN_API,
    appid: typeof message.appid === 'string' ? message.appid : '',
    pairs,
  };
}

export interface OpenApiResponse {
  respData: Buffer;
  contentType: string;
  httpCode?: number;
}

export function encodeOpenApiResponse(response: OpenApiResponse): Buffer {
  const message = CommOpenApiResp.fromObject({
    respData: response.respData,
    contentType: response.contentType,
    errorCode: 0,
    httpCode: response.httpCode ?? 200,
    svrkitErrorCode: 0,
  });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}

/** The appid the SDK puts in `apiOptions` of cloudPay calls (empty when the caller gave none). */
export function decodeApiOptionsAppid(bytes: Buffer | undefined): string {
  if (!bytes || bytes.length === 0) return '';
  const decoded = asRecord(ApiOptions.toObject(ApiOptions.decode(bytes)));
  return typeof decoded.appid === 'string' ? decoded.appid : '';
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
