import type { OpenApiRules } from './rules';
import { pageIsKnown } from './rules';
import type { OpenApiParams, WxAnswer } from './wxAnswer';
import { recordParam, stringParam, wxError, wxOk } from './wxAnswer';

/**
 * subscribeMessage.send as WeChat checks it: the recipient, the template, the page, each data
 * value against its keyword's limits, then the user's consent (43101 when refused or no grant).
 */
export interface SubscribeState {
  rules(): OpenApiRules;
  /** Takes one grant for (openid, templateId); false when there is none. */
  takeGrant(openid: string, templateId: string): boolean;
  nextMsgId(): number;
}

export interface SubscribeOutcome {
  answer: WxAnswer;
  entry: Record<string, unknown>;
}

const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal']);
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']);

export function sendSubscribeMessage(
  params: OpenApiParams,
  state: SubscribeState,
): SubscribeOutcome {
  const touser = stringParam(params, 'touser') ?? '';
  const templateId = stringParam(params, 'template_id') ?? '';
  const page = stringParam(params, 'page');
  const data = recordParam(params, 'data');
  const miniprogramState = stringParam(params, 'miniprogram_state') ?? 'formal';
  const lang = stringParam(params, 'lang') ?? 'zh_CN';
  const entry: Record<string, unknown> = {
    touser,
    templateId,
    page: page ?? null,
    data: data ?? null,
    miniprogramState,
    lang,
  };
  const answer = check();
  const json = 'json' in answer ? answer.json : {};
  entry.errcode = json.errcode;
  if (typeof json.msgid === 'number') entry.msgid = json.msgid;
  return { answer, entry };

  function check(): WxAnswer {
    if (!touser) return wxError(40003, 'invalid openid');
    if (!templateId) return wxError(40037, 'invalid template_id');
    if (page !== undefined && page !== '' && !pageIsKnown(state.rules(), page)) {
      return wxError(41030, 'invalid page');
    }
    if (!MINIPROGRAM_STATES.has(miniprogramState)) {
      return wxError(47003, 'argument invalid! miniprogram_state invalid');
    }
    if (!LANGS.has(lang)) return wxError(47003, 'argument invalid! lang invalid');
    if (!data || Object.keys(data).length === 0) {
      return wxError(47003, 'argument invalid! data is empty');
    }
    for (const [key, item] of Object.entries(data)) {
      const problem = checkDataValue(key, item);
      if (problem) return wxError(47003, `argument invalid! data.${key}.value ${problem}`);
    }
    const rules = state.rules();
    if (rules.refusedSubscribers.includes('*') || rules.refusedSubscribers.includes(touser)) {
      return wxError(43101, 'user refuse to accept the msg');
    }
    if (rules.requireSubscribeGrants && !state.takeGrant(touser, templateId)) {
      return wxError(43101, 'user refuse to accept the msg');
    }
    return wxOk({ msgid: state.nextMsgId() });
  }
}

/** Limits of template keywords, by the keyword's type (the key without its trailing number). */
const LIMITS: Record<string, { max: number; pattern?: RegExp }> = {
  thing: { max: 20 },
  number: { max: 32, pattern: /^[0-9.]+$/ },
  letter: { max: 32, pattern: /^[A-Za-z]+$/ },
  symbol: { max: 5 },
  character_string: { max: 32, pattern: /^[\x21-\x7e]+$/ },
  time: { max: 64 },
  date: { max: 64 },
  amount: { max: 32, pattern: /^\D?\d{1,10}(\.\d{1,2})?元?$/ },
  phone_number: { max: 17, pattern: /^[0-9+\-() ]+$/ },
  car_number: { max: 8 },
  name: { max: 20 },
  phrase: { max: 5 },
};

function checkDataValue(key: string, item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return 'invalid';
  const raw = (item as Record<string, unknown>).value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return 'invalid';
  const value = String(raw);
  if (value.trim() === '') return 'is empty';
  const kind = key.replace(/\d+$/, '');
  const limit = LIMITS[kind];
  if (!limit) return null;
  const length = [...value].length;
  // Chinese names count double against the 20-letter limit (10 characters).
  const max = kind === 'name' && /[^\x20-\x7e]/.test(value) ? 10 : limit.max;
  if (length > max) return 'exceeds limit';
  if (limit.pattern && !limit.pattern.test(value)) return 'invalid';
  return null;
}
