import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { inviteCodeFromBytes } from '../../core/registry/codes';

/**
 * Secrets the registry hands out — invite codes and proxy share tokens — are random, shown once,
 * and stored only as hashes. Invite codes are short (8 symbols), so their hash is keyed with
 * TONGTI_CODE_PEPPER when the deployer sets it: a leaked database then does not give the codes
 * away by brute force.
 */
export const CODE_PEPPER_ENV = 'TONGTI_CODE_PEPPER';

export function hashInviteCode(code: string): string {
  const pepper = process.env[CODE_PEPPER_ENV] ?? '';
  return createHmac('sha256', `tongti-invite:${pepper}`).update(code).digest('hex');
}

export function randomInviteCode(): string {
  for (;;) {
    const code = inviteCodeFromBytes(randomBytes(16));
    if (code) return code;
  }
}

export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(8).toString('hex')}`;
}

/** A stable id derived from an openid, for people who arrive through WeChat. */
export function personIdForOpenid(openid: string): string {
  return `p-w-${createHash('sha256').update(openid).digest('hex').slice(0, 16)}`;
}

/** `<id>.<secret>`: the id finds the record, the secret proves the holder got the link. */
export function newShareToken(id: string): { token: string; hash: string } {
  const secret = randomBytes(18).toString('base64url');
  return { token: `${id}.${secret}`, hash: hashSecret(secret) };
}

export function parseShareToken(token: string): { id: string; secret: string } | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16,64})$/.exec(token.trim());
  return match ? { id: match[1] ?? '', secret: match[2] ?? '' } : null;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string | null): boolean {
  if (storedHash === null) return false;
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
