import { z } from 'zod';
import { CloudError } from '../errors';
import type { AdminAction, CloudServices, LocalCloudModule, RawRoute } from '../module';
import { LOCAL_APPID } from '../sdkEnv';
import { handleJsonRoute, parseJsonBody, RouteError } from './httpJson';
import { msgSecCheck } from './msgSecCheck';
import { readFormFields } from './multipart';
import type { PhoneCodeInfo } from './phoneNumbers';
import { PhoneCodes } from './phoneNumbers';
import type { OpenApiRules, RulesPatch } from './rules';
import { applyRulesPatch, defaultRules } from './rules';
import { sendSubscribeMessage } from './subscribeMessage';
import { decodeOpenApiRequest, encodeOpenApiResponse } from './wireFormat';
import { getByPath, getUnlimited } from './wxacode';
import type { OpenApiCall, OpenApiParams, WxAnswer } from './wxAnswer';

export { parseWxacodeText, wxacodeText } from './wxacode';
export type { OpenApiRules, RulesPatch } from './rules';
export type { PhoneCodeInfo } from './phoneNumbers';

/**
 * The `cloud.openapi.*` stand-in. The SDK posts action `wx.openApi` as multipart with the API name
 * and a protobuf CommApiData holding one JSON-encoded pair per (snake_case) parameter; the answer
 * is a protobuf CommOpenApiResp carrying WeChat's JSON or binary body. Every call is recorded as
 * `openapi.<api>` with its parameters and outcome.
 */
export interface OpenApiOptions {
  now?: () => number;
  appid?: string;
}

export interface OpenApiModule extends LocalCloudModule {
  /** Maps a getPhoneNumber code to a number (single use, valid 5 minutes). */
  registerPhoneCode(code: string, phone: string): PhoneCodeInfo;
  rules(): OpenApiRules;
  setRules(patch: RulesPatch): OpenApiRules;
  /** One accepted subscription = one send of `templateId` to `openid` (when grants are required). */
  grantSubscription(openid: string, templateId: string, count?: number): void;
  /** Back to default rules, no grants, no phone codes. */
  reset(): void;
}

interface Outcome {
  answer: WxAnswer;
  entry: Record<string, unknown>;
}

type ApiHandler = (params: OpenApiParams, call: OpenApiCall) => Outcome | Promise<Outcome>;

const phoneCodeInput = z.object({ code: z.string().min(1).optional(), phone: z.string().min(1) });
const subscriptionInput = z.object({
  openid: z.string().min(1),
  templateIds: z.array(z.string().min(1)).min(1),
  count: z.number().int().positive().optional(),
});

export function createOpenApi(
  services: CloudServices,
  options: OpenApiOptions = {},
): OpenApiModule {
  const now = options.now ?? Date.now;
  const appid = options.appid ?? LOCAL_APPID;
  let rules = defaultRules();
  let phoneCodes = new PhoneCodes(now, appid);
  const grants = new Map<string, number>();
  let msgId = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
  const grantKey = (openid: string, templateId: string): string => `${openid}\n${templateId}`;

  const handlers: Record<string, ApiHandler> = {
    'subscribeMessage.send': (params) =>
      sendSubscribeMessage(params, {
        rules: () => rules,
        nextMsgId: () => ++msgId,
        takeGrant(openid, templateId) {
          const left = grants.get(grantKey(openid, templateId)) ?? 0;
          if (left <= 0) return false;
          grants.set(grantKey(openid, templateId), left - 1);
          return true;
        },
      }),
    'security.msgSecCheck': (params) => msgSecCheck(params, rules),
    'wxacode.getUnlimited': (params) => getUnlimited(params, rules),
    'wxacode.get': (params) => getByPath(params),
    'wxacode.createQRCode': (params) => getByPath(params),
    'phonenumber.getPhoneNumber': (params) => phoneCodes.exchange(params),
  };

  const openApi: AdminAction = async (body, ctx) => {
    const fields = readFormFields(body, ctx);
    const api = fields.get('apiName')?.toString('utf8') ?? '';
    const requestData = fields.get('requestData');
    if (!requestData) throw new CloudError('INVALID_PARAM', 'requestData is required');
    const request = decodeOpenApiRequest(requestData);
    const params = toParams(request.pairs);
    const call: OpenApiCall = {
      api,
      appid: request.appid || appid,
      requestId: ctx.requestId,
      invocation: ctx.invocation,
    };
    const handler = handlers[api];
    const base = {
      requestId: ctx.requestId,
      caller: ctx.invocation?.openid ?? null,
      functionName: ctx.invocation?.functionName ?? null,
    };
    if (!handler) {
      services.record(`openapi.${api}`, {
        ...base,
        params: describeParams(params),
        emulated: false,
      });
      throw new CloudError('INVALID_PARAM', `openapi.${api} is not emulated by the local cloud`);
    }
    const { answer, entry } = await handler(params, call);
    services.record(`openapi.${api}`, { ...base, ...entry });
    return { binary: encodeAnswer(answer), contentType: 'application/octet-stream' };
  };

  const routes: RawRoute[] = [
    {
      method: 'GET',
      prefix: '/openapi/rules',
      handle: (_req, res) => handleJsonRoute(res, () => rules),
    },
    {
      method: 'POST',
      prefix: '/openapi/rules',
      handle: (_req, res, _url, body) =>
        handleJsonRoute(res, () => {
          rules = applyRulesPatch(rules, parseJsonBody(body) as RulesPatch);
          return rules;
        }),
    },
    {
      method: 'POST',
      prefix: '/openapi/phone-codes',
      handle: (_req, res, _url, body) =>
        handleJsonRoute(res, () => {
          const input = phoneCodeInput.parse(parseJsonBody(body));
          try {
            return phoneCodes.register(input.code, input.phone);
          } catch (e) {
            throw new RouteError(400, e instanceof Error ? e.message : String(e));
          }
        }),
    },
    {
      method: 'POST',
      prefix: '/openapi/subscriptions',
      handle: (_req, res, _url, body) =>
        handleJsonRoute(res, () => {
          const input = subscriptionInput.parse(parseJsonBody(body));
          for (const templateId of input.templateIds) {
            grant(input.openid, templateId, input.count ?? 1);
          }
          return { openid: input.openid, templateIds: input.templateIds };
        }),
    },
  ];

  function grant(openid: string, templateId: string, count: number): void {
    const key = grantKey(openid, templateId);
    grants.set(key, (grants.get(key) ?? 0) + count);
  }

  return {
    actions: { 'wx.openApi': openApi },
    routes,
    registerPhoneCode: (code, phone) => phoneCodes.register(code, phone),
    rules: () => rules,
    setRules(patch) {
      rules = applyRulesPatch(rules, patch);
      return rules;
    },
    grantSubscription: (openid, templateId, count = 1) => grant(openid, templateId, count),
    reset() {
      rules = defaultRules();
      grants.clear();
      phoneCodes = new PhoneCodes(now, appid);
    },
  };
}

/** Pairs hold JSON text (the SDK stringifies each value) or, with a content type, raw media. */
function toParams(pairs: ReturnType<typeof decodeOpenApiRequest>['pairs']): OpenApiParams {
  const params: OpenApiParams = {};
  for (const pair of pairs) {
    if (pair.contentType) {
      params[pair.key] = {
        contentType: pair.contentType,
        value: pair.value,
        filename: pair.filename,
      };
      continue;
    }
    const text = pair.value.toString('utf8');
    try {
      params[pair.key] = JSON.parse(text);
    } catch {
      params[pair.key] = text;
    }
  }
  return params;
}

/** Media parameters are recorded by size, not content, to keep the outbox readable. */
function describeParams(params: OpenApiParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const media = value as { value?: unknown } | null;
    out[key] =
      typeof media === 'object' && media !== null && Buffer.isBuffer(media.value)
        ? { bytes: media.value.length }
        : value;
  }
  return out;
}

function encodeAnswer(answer: WxAnswer): Buffer {
  if ('json' in answer) {
    return encodeOpenApiResponse({
      respData: Buffer.from(JSON.stringify(answer.json), 'utf8'),
      contentType: 'application/json; charset=UTF-8',
    });
  }
  return encodeOpenApiResponse({ respData: answer.buffer, contentType: answer.contentType });
}
