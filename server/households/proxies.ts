import type {
  InviteProxyRequest,
  ProxyInvitation,
  ProxyPreview,
  ProxyView,
  RegisterPaperProxyRequest,
} from '../../typings/api';
import { newMember, newPerson, withProxy } from '../../core/registry/members';
import type { Member, Person, ProxyGrant, Unit } from '../../core/registry/model';
import { ownersOn, proxyState, voterOn } from '../../core/registry/rights';
import { addHours, isBefore, shanghaiIso } from '../../core/registry/time';
import type { Caller } from '../auth/caller';
import { requireOpenid, type UseCaseContext } from '../auth/guard';
import {
  newShareToken,
  parseShareToken,
  personIdForOpenid,
  randomId,
  secretMatches,
} from '../auth/secrets';
import { AppError } from '../errors';
import { writeAudit } from '../repository/audit';
import { countOf, docs, inTransaction } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { fileExists } from '../platform';
import { checkProxyTerms, isOrganizer, loadUnits, proxyView, sameName } from './registry';

/**
 * Proxies (DOMAIN.md): an owner invites someone by a share link carrying a one-time token; the
 * proxy accepts in WeChat and sees the scope (vote and/or pay, one decision or all, until a day);
 * the owner revokes at any time. For an owner without WeChat an organizer registers the signed
 * paper form, with its photo as evidence, and gets a link the proxy can use to sign in.
 */

/** A WeChat invitation is good for three days; a link for a paper form, for a week. */
const INVITE_LINK_HOURS = 72;
const PAPER_LINK_HOURS = 7 * 24;

export const PROXY_PAGE = '/pages/proxy/index';

function sharePath(token: string): string {
  return `${PROXY_PAGE}?token=${encodeURIComponent(token)}`;
}

async function ownerName(ctx: UseCaseContext, personId: string): Promise<string> {
  return (await docs(ctx.db).get<Person>('people', personId))?.name ?? '业主';
}

async function viewOf(
  proxy: ProxyGrant,
  ctx: UseCaseContext,
  options: { units?: readonly Unit[]; maskOwner?: boolean } = {},
): Promise<ProxyView> {
  const units = options.units ?? (await loadUnits(ctx.db, proxy.unitIds).catch(() => []));
  return proxyView(proxy, {
    units,
    ownerName: await ownerName(ctx, proxy.ownerPersonId),
    now: ctx.now,
    ...(options.maskOwner ? { maskOwner: true } : {}),
  });
}

function baseGrant(
  fields: Pick<
    ProxyGrant,
    | 'buildingId'
    | 'unitIds'
    | 'ownerPersonId'
    | 'grantedBy'
    | 'source'
    | 'proxyName'
    | 'scope'
    | 'validUntil'
    | 'status'
    | 'evidenceFileId'
  >,
  id: string,
  tokenHash: string,
  tokenExpiresAt: string,
  createdAt: string,
): ProxyGrant {
  return {
    _id: id,
    ...fields,
    proxyOpenid: null,
    proxyPersonId: null,
    tokenHash,
    tokenExpiresAt,
    createdAt,
    acceptedAt: null,
    revokedAt: null,
    revokedBy: null,
  };
}

/** households.inviteProxy: the owner's share link (the token is shown once). */
export async function inviteProxy(
  request: InviteProxyRequest,
  ctx: UseCaseContext,
): Promise<ProxyInvitation> {
  const caller = await ctx.caller();
  const personId = caller.member?.personId;
  if (!personId) throw new AppError('FORBIDDEN', '请先绑定您的房屋');
  checkProxyTerms(request.scope, request.validUntil, ctx.now);
  const units = await loadUnits(ctx.db, request.unitIds);
  for (const unit of units) {
    if (!ownersOn(unit, ctx.now).includes(personId)) {
      throw new AppError(
        'FORBIDDEN',
        `只能为您自己名下的房屋委托代理人（${unit.unitNo} 不在您名下）`,
      );
    }
    if (request.scope.vote && voterOn(unit, ctx.now) !== personId) {
      throw new AppError('INVALID_INPUT', `您不是 ${unit.unitNo} 的投票人，不能委托他人投票`);
    }
  }
  const id = randomId('px');
  const { token, hash } = newShareToken(id);
  const createdAt = shanghaiIso(ctx.now);
  const tokenExpiresAt = addHours(ctx.now, INVITE_LINK_HOURS);
  const proxy = baseGrant(
    {
      buildingId: units[0]?.buildingId ?? '',
      unitIds: units.map((u) => u._id),
      ownerPersonId: personId,
      grantedBy: caller.openid,
      source: 'wechat',
      proxyName: request.proxyName.trim(),
      scope: { ...request.scope },
      validUntil: request.validUntil,
      status: 'invited',
      evidenceFileId: null,
    },
    id,
    hash,
    tokenExpiresAt,
    createdAt,
  );
  await inTransaction(ctx.db, async (tx) => {
    await tx.set('proxies', id, proxy);
    await writeAudit(tx, ctx, caller, 'households.inviteProxy', `proxy:${id}`, {
      unitIds: proxy.unitIds,
      scope: proxy.scope,
      validUntil: proxy.validUntil,
    });
  });
  return {
    proxy: await viewOf(proxy, ctx, { units }),
    token,
    sharePath: sharePath(token),
    tokenExpiresAt,
  };
}

/** households.registerPaperProxy: a signed paper form for an owner without WeChat. */
export async function registerPaperProxy(
  request: RegisterPaperProxyRequest,
  ctx: UseCaseContext,
): Promise<ProxyInvitation> {
  const caller = await ctx.caller();
  checkProxyTerms(request.scope, request.validUntil, ctx.now);
  const units = await loadUnits(ctx.db, request.unitIds);
  const first = units[0];
  const ownerPersonId = request.ownerPersonId ?? (first ? voterOn(first, ctx.now) : null);
  if (!ownerPersonId) throw new AppError('INVALID_INPUT', '这套房屋没有登记业主');
  for (const unit of units) {
    if (!ownersOn(unit, ctx.now).includes(ownerPersonId)) {
      throw new AppError('INVALID_INPUT', `委托人不是 ${unit.unitNo} 的业主`);
    }
    if (request.scope.vote && voterOn(unit, ctx.now) !== ownerPersonId) {
      throw new AppError('INVALID_INPUT', `委托人不是 ${unit.unitNo} 的投票人，不能委托投票`);
    }
  }
  await checkPaperForm(ctx, caller, ownerPersonId, request);
  const id = randomId('px');
  const { token, hash } = newShareToken(id);
  const createdAt = shanghaiIso(ctx.now);
  const tokenExpiresAt = addHours(ctx.now, PAPER_LINK_HOURS);
  const proxy = baseGrant(
    {
      buildingId: first?.buildingId ?? '',
      unitIds: units.map((u) => u._id),
      ownerPersonId,
      grantedBy: caller.openid,
      source: 'paper',
      proxyName: request.proxyName.trim(),
      scope: { ...request.scope },
      validUntil: request.validUntil,
      // The signed form is the authorization; the link only lets the proxy sign in.
      status: 'active',
      evidenceFileId: request.evidenceFileId,
    },
    id,
    hash,
    tokenExpiresAt,
    createdAt,
  );
  await inTransaction(ctx.db, async (tx) => {
    await tx.set('proxies', id, proxy);
    await writeAudit(tx, ctx, caller, 'households.registerPaperProxy', `proxy:${id}`, {
      unitIds: proxy.unitIds,
      ownerPersonId,
      evidenceFileId: request.evidenceFileId,
    });
  });
  return {
    proxy: await viewOf(proxy, ctx, { units }),
    token,
    sharePath: sharePath(token),
    tokenExpiresAt,
  };
}

/**
 * Separation of duties for a paper form: whoever registers it is neither the owner nor the proxy
 * it names, and its photo is in storage — a form nobody can look at authorizes nobody.
 */
async function checkPaperForm(
  ctx: UseCaseContext,
  caller: Caller,
  ownerPersonId: string,
  request: RegisterPaperProxyRequest,
): Promise<void> {
  const myPersonId = caller.member?.personId ?? null;
  if (myPersonId === ownerPersonId) {
    throw new AppError('FORBIDDEN', '不能为自己的房屋登记书面委托，请在“我的房屋”里邀请代理人');
  }
  const me = myPersonId ? await docs(ctx.db).get<Person>('people', myPersonId) : null;
  if (me && sameName(me.name, request.proxyName)) {
    throw new AppError('FORBIDDEN', '不能登记以您本人为代理人的书面委托，须由另一位组织者登记');
  }
  if (!(await fileExists(request.evidenceFileId))) {
    throw new AppError('INVALID_INPUT', '没有找到上传的书面委托照片，请重新拍照上传');
  }
}

const INVALID_LINK = '邀请链接无效';

/** Why a token cannot be accepted now, or null when it can. */
function refusal(proxy: ProxyGrant, secret: string, now: Date): string | null {
  // The secret first: a wrong token learns nothing about the authorization behind the id.
  if (!secretMatches(secret, proxy.tokenHash)) return INVALID_LINK;
  const state = proxyState(proxy, now);
  if (state === 'revoked') return '业主已撤销这份委托';
  if (proxy.proxyOpenid !== null) return '这个邀请链接已经被使用过了（每个链接只能使用一次）';
  if (state === 'expired') return '委托或邀请链接已过期，请联系业主重新邀请';
  if (proxy.tokenExpiresAt !== null && !isBefore(now, proxy.tokenExpiresAt)) {
    return '邀请链接已过期，请联系业主重新邀请';
  }
  return null;
}

async function proxyByToken(
  ctx: UseCaseContext,
  token: string,
): Promise<{ proxy: ProxyGrant; secret: string }> {
  const parsed = parseShareToken(token);
  const proxy = parsed ? await docs(ctx.db).get<ProxyGrant>('proxies', parsed.id) : null;
  if (!parsed || !proxy) throw new AppError('NOT_FOUND', INVALID_LINK);
  return { proxy, secret: parsed.secret };
}

/** households.previewProxyInvite: what accepting would mean (owner's name masked). */
export async function previewProxyInvite(
  request: { token: string },
  ctx: UseCaseContext,
): Promise<ProxyPreview> {
  const { proxy, secret } = await proxyByToken(ctx, request.token);
  const reason = refusal(proxy, secret, ctx.now);
  if (reason === INVALID_LINK) throw new AppError('NOT_FOUND', INVALID_LINK);
  return {
    proxy: await viewOf(proxy, ctx, { maskOwner: true }),
    canAccept: reason === null,
    reason,
  };
}

/** households.acceptProxy: the link's holder becomes the proxy; the token is spent. */
export async function acceptProxy(
  request: { token: string; name?: string | undefined },
  ctx: UseCaseContext,
): Promise<{ proxy: ProxyView }> {
  const openid = requireOpenid(ctx);
  const caller = await ctx.caller();
  const parsed = parseShareToken(request.token);
  if (!parsed) throw new AppError('NOT_FOUND', INVALID_LINK);
  const at = shanghaiIso(ctx.now);
  const accepted = await inTransaction(ctx.db, async (tx) => {
    const proxy = await tx.get<ProxyGrant>('proxies', parsed.id);
    if (!proxy) throw new AppError('NOT_FOUND', INVALID_LINK);
    const reason = refusal(proxy, parsed.secret, ctx.now);
    if (reason === INVALID_LINK) throw new AppError('NOT_FOUND', reason);
    if (reason) throw new AppError('CONFLICT', reason);
    let member = await tx.get<Member>('members', openid);
    if (member?.personId === proxy.ownerPersonId) {
      throw new AppError('INVALID_INPUT', '不能委托给自己');
    }
    if (proxy.source === 'paper' && proxy.grantedBy === openid) {
      throw new AppError(
        'FORBIDDEN',
        '登记这份书面委托的人不能自己接受它，请把链接交给委托书上的代理人',
      );
    }
    if (!member) {
      const name = request.name?.trim() || proxy.proxyName;
      const personId = personIdForOpenid(openid);
      const person = newPerson(personId, name);
      await tx.set('people', personId, person);
      member = newMember(openid, personId, `${name}（代理人）`);
    }
    member = withProxy(member, true, proxy.unitIds);
    await tx.set('members', openid, member);
    const next: ProxyGrant = {
      ...proxy,
      status: 'active',
      proxyOpenid: openid,
      proxyPersonId: member.personId,
      acceptedAt: at,
    };
    await tx.set('proxies', proxy._id, next);
    await writeAudit(
      tx,
      ctx,
      { openid, roles: member.roles.length ? member.roles : caller.roles },
      'households.acceptProxy',
      `proxy:${proxy._id}`,
    );
    return next;
  });
  return { proxy: await viewOf(accepted, ctx) };
}

/** households.revokeProxy: the owner who granted it (or an organizer) ends it now. */
export async function revokeProxy(
  request: { proxyId: string },
  ctx: UseCaseContext,
): Promise<{ proxy: ProxyView }> {
  const caller = await ctx.caller();
  const at = shanghaiIso(ctx.now);
  const revoked = await inTransaction(ctx.db, async (tx) => {
    const proxy = await tx.get<ProxyGrant>('proxies', request.proxyId);
    if (!proxy) throw new AppError('NOT_FOUND', '没有找到这份委托');
    assertMayRevoke(caller, proxy);
    if (proxy.status === 'revoked') return proxy;
    const next: ProxyGrant = {
      ...proxy,
      status: 'revoked',
      revokedAt: at,
      revokedBy: caller.openid,
    };
    await tx.set('proxies', proxy._id, next);
    await writeAudit(tx, ctx, caller, 'households.revokeProxy', `proxy:${proxy._id}`);
    return next;
  });
  if (revoked.proxyOpenid) await dropProxyRoleIfIdle(ctx, revoked);
  return { proxy: await viewOf(revoked, ctx) };
}

function assertMayRevoke(caller: Caller, proxy: ProxyGrant): void {
  if (isOrganizer(caller)) return;
  if (caller.member && caller.member.personId === proxy.ownerPersonId) return;
  throw new AppError('FORBIDDEN', '只有委托人本人或换梯小组可以撤销这份委托');
}

/** A member whose last proxy ended is no longer a proxy. */
async function dropProxyRoleIfIdle(ctx: UseCaseContext, proxy: ProxyGrant): Promise<void> {
  const openid = proxy.proxyOpenid;
  if (!openid) return;
  const left = await countOf(ctx.db, 'proxies', { proxyOpenid: openid, status: 'active' });
  if (left > 0) return;
  const store = docs(ctx.db);
  const member = await store.get<Member>('members', openid);
  if (!member || !member.roles.includes('proxy')) return;
  const next = withProxy(member, false, proxy.unitIds);
  await store.update('members', openid, { roles: next.roles, unitIds: next.unitIds });
}

/** The proxies an owner gave and a member holds, for "my household". */
export async function proxiesOf(
  ctx: UseCaseContext,
  member: Member,
): Promise<{ given: ProxyGrant[]; held: ProxyGrant[] }> {
  const [given, held] = await Promise.all([
    readAll<ProxyGrant>(ctx.db, 'proxies', { ownerPersonId: member.personId }),
    readAll<ProxyGrant>(ctx.db, 'proxies', { proxyOpenid: member.openid }),
  ]);
  return { given, held };
}
