/**
 * Pay links for the overseas owner's relative or friend: there is no "friend pays" API, so the
 * owner (or their proxy) shares a link; whoever opens it sees the room number, the owner's masked
 * name and what is left, and pays their own order, credited to the owner's unit. The token is
 * `<linkId>.<secret>`; only the secret's hash is stored.
 */
import type { PayLinkInfoView, PayLinkView } from '../../typings/api';
import type { PayLink } from '../../core/funds/model';
import { formatFen } from '../../core/funds/money';
import { maskName } from '../../core/registry/privacy';
import { addDays, isBefore, shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import { newShareToken, parseShareToken, randomId, secretMatches } from '../auth/secrets';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { auditEntry } from '../repository/audit';
import { docs, inTransaction } from '../repository/docs';
import { assertMayPay, leftOf } from './unitMoney';
import { loadUnit, ownerName } from './registry';

/** A link lasts a month: long enough for a relative abroad, short enough to go stale. */
const LINK_DAYS = 30;

export const PAY_PAGE = '/pages/pay/index';

export async function createPayLink(
  request: { unitId: string },
  ctx: UseCaseContext,
): Promise<PayLinkView> {
  const caller = await ctx.caller();
  const unit = await loadUnit(docs(ctx.db), request.unitId);
  await assertMayPay(ctx, caller, unit);
  const id = randomId('pl');
  const { token, hash } = newShareToken(id);
  const expiresAt = shanghaiIso(`${addDays(ctx.now, LINK_DAYS)}T23:59:59+08:00`);
  const link: PayLink = {
    _id: id,
    tokenHash: hash,
    buildingId: unit.buildingId,
    unitId: unit._id,
    unitNo: unit.unitNo,
    createdBy: caller.openid,
    createdAt: shanghaiIso(ctx.now),
    expiresAt,
  };
  await inTransaction(ctx.db, async (tx) => {
    await tx.set('payLinks', id, link);
    await tx.add('audit', auditEntry(ctx, caller, 'funds.createPayLink', unit._id, { linkId: id }));
  });
  return {
    token,
    path: `${PAY_PAGE}?link=${encodeURIComponent(token)}`,
    unitNo: unit.unitNo,
    expiresAt,
  };
}

/** The link a token opens; NOT_FOUND for anything forged, CONFLICT once expired. */
export async function openLink(db: Db, token: string, now: Date): Promise<PayLink> {
  const parsed = parseShareToken(token);
  const link = parsed ? await docs(db).get<PayLink>('payLinks', parsed.id) : null;
  if (!parsed || !link || !secretMatches(parsed.secret, link.tokenHash)) {
    throw new AppError('NOT_FOUND', '代付链接无效，请向业主索取新的链接');
  }
  if (!isBefore(now, link.expiresAt)) {
    throw new AppError('CONFLICT', '代付链接已过期，请向业主索取新的链接');
  }
  return { ...link, _id: parsed.id };
}

export async function payLinkInfo(
  request: { linkToken: string },
  ctx: UseCaseContext,
): Promise<PayLinkInfoView> {
  const link = await openLink(ctx.db, request.linkToken, ctx.now);
  const unit = await loadUnit(docs(ctx.db), link.unitId);
  const [name, left] = await Promise.all([
    ownerName(ctx.db, unit, ctx.now),
    leftOf(ctx.db, unit._id),
  ]);
  return {
    unitNo: unit.unitNo,
    ownerMasked: maskName(name),
    leftFen: left,
    leftLabel: formatFen(left),
    expiresAt: link.expiresAt,
    payable: left > 0,
    reason: left > 0 ? null : '该房屋目前没有待缴金额',
  };
}
