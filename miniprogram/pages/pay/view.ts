import type { MeView, MyAccountView, PayLinkInfoView } from '../../../typings/api';
import { formatFen } from '../../utils/format';

/** What is being paid for, whoever opens the page. */
export interface PayTarget {
  unitId: string;
  unitNo: string;
  /** "代 钟霞（5-02）缴费" / "业主 钱*康" (a pay link) / "业主本人缴费" */
  forLine: string;
  leftFen: number;
  left: string;
  payable: boolean;
  /** Why nothing can be paid (the link expired, nothing is left). */
  reason: string;
}

export const MIN_PAYMENT_FEN = 100;

export type AmountCheck = { ok: true; fen: number } | { ok: false; message: string };

const YUAN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * Reads an amount in yuan as typed ("1000", "1,000.5", "￥1000") into fen, by string, so
 * 0.1 + 0.2 never enters it; refuses less than ¥1 or more than what is left.
 */
export function checkAmount(text: string, leftFen: number): AmountCheck {
  const cleaned = text.replace(/[\s,，¥￥元]/g, '');
  if (!cleaned) return { ok: false, message: '请输入要缴纳的金额' };
  const m = YUAN.exec(cleaned);
  if (!m) return { ok: false, message: '金额格式不对，请输入如 1000 或 1000.50' };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen < MIN_PAYMENT_FEN) return { ok: false, message: '每次至少缴纳 ¥1.00' };
  if (fen > leftFen) return { ok: false, message: `不能超过还需缴纳的 ${formatFen(leftFen)}` };
  return { ok: true, fen };
}

/** 1234567 → "12345.67", the way the amount field is prefilled. */
export function yuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export function targetFromAccount(
  account: MyAccountView,
  me: MeView | null,
  unitId: string,
): PayTarget | null {
  const unit = account.units.find((u) => u.unitId === unitId);
  if (!unit) return null;
  let forLine = `${unit.asLabel}本人缴费`;
  if (unit.asLabel === '代理人') {
    const proxy = me?.proxiesHeld.find((p) => p.state === 'active' && p.unitIds.includes(unitId));
    forLine = proxy ? `代 ${proxy.ownerName}（${unit.unitNo}）缴费` : `代 ${unit.unitNo} 业主缴费`;
  }
  let reason = '';
  if (!unit.canPay) reason = '您不能为这户缴款，请业主本人或有缴款授权的代理人缴纳';
  else if (unit.leftFen <= 0) reason = '这户已缴清，无需再缴';
  return {
    unitId,
    unitNo: unit.unitNo,
    forLine,
    leftFen: unit.leftFen,
    left: unit.leftLabel,
    payable: reason === '',
    reason,
  };
}

export function targetFromLink(info: PayLinkInfoView): PayTarget {
  return {
    unitId: '',
    unitNo: info.unitNo,
    forLine: `业主 ${info.ownerMasked}`,
    leftFen: info.leftFen,
    left: info.leftLabel,
    payable: info.payable,
    reason: info.payable ? '' : (info.reason ?? '这个缴费链接已不能使用'),
  };
}

/** The payer names themselves for the owner's receipt: short, but never empty. */
export function checkPayerName(
  text: string,
): { ok: true; name: string } | { ok: false; message: string } {
  const name = text.trim();
  if (!name) return { ok: false, message: '请填写您的称呼，业主会在收据上看到是谁代付' };
  if (name.length > 20) return { ok: false, message: '称呼请不超过 20 个字' };
  return { ok: true, name };
}
