import { randomBytes } from 'node:crypto';
import type { OpenApiParams, WxAnswer } from './wxAnswer';
import { stringParam, wxError, wxOk } from './wxAnswer';

/**
 * phonenumber.getPhoneNumber: the client's `<button open-type="getPhoneNumber">` yields a code
 * that the server exchanges once, within 5 minutes, for the number. Locally the codes are
 * registered in advance (by a test, the seed, or the preview's button) and mapped to numbers.
 */
export const PHONE_CODE_TTL_MS = 5 * 60 * 1000;

interface PhoneCode {
  purePhoneNumber: string;
  countryCode: string;
  expiresAt: number;
}

export interface PhoneCodeInfo {
  code: string;
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export class PhoneCodes {
  private readonly codes = new Map<string, PhoneCode>();

  constructor(
    private readonly now: () => number,
    private readonly appid: string,
  ) {}

  /** Registers `code` (or a fresh one) for `phone`: "13800138000", "+86 13800138000", "+1-4155550100". */
  register(code: string | undefined, phone: string): PhoneCodeInfo {
    const parsed = parsePhone(phone);
    const key = code && code.length > 0 ? code : randomBytes(16).toString('hex');
    this.codes.set(key, { ...parsed, expiresAt: this.now() + PHONE_CODE_TTL_MS });
    return { code: key, ...parsed, phoneNumber: displayNumber(parsed) };
  }

  exchange(params: OpenApiParams): { answer: WxAnswer; entry: Record<string, unknown> } {
    const code = stringParam(params, 'code') ?? '';
    const found = this.codes.get(code);
    // Single use: a code is gone after its first exchange, successful or expired.
    this.codes.delete(code);
    if (!found || found.expiresAt <= this.now()) {
      return { answer: wxError(40029, 'invalid code'), entry: { code, errcode: 40029 } };
    }
    const phoneNumber = displayNumber(found);
    const answer = wxOk({
      phone_info: {
        phoneNumber,
        purePhoneNumber: found.purePhoneNumber,
        countryCode: found.countryCode,
        watermark: { timestamp: Math.floor(this.now() / 1000), appid: this.appid },
      },
    });
    return { answer, entry: { code, errcode: 0, phoneNumber } };
  }
}

function parsePhone(phone: string): { purePhoneNumber: string; countryCode: string } {
  const trimmed = phone.trim();
  const international = /^\+(\d{1,4})[\s-]+([\d\s-]+)$/.exec(trimmed);
  const china = /^\+86([\d\s-]+)$/.exec(trimmed);
  const countryCode = international?.[1] ?? '86';
  const pure = digits(international?.[2] ?? china?.[1] ?? trimmed);
  if (!/^\d{5,15}$/.test(pure)) throw new Error(`not a phone number: ${phone}`);
  return { countryCode, purePhoneNumber: pure };
}

function digits(text: string | undefined): string {
  return (text ?? '').replace(/[\s-]/g, '');
}

/** WeChat's phoneNumber carries the country code only for numbers outside mainland China. */
function displayNumber(p: { purePhoneNumber: string; countryCode: string }): string {
  return p.countryCode === '86' ? p.purePhoneNumber : `+${p.countryCode}${p.purePhoneNumber}`;
}
