import type { Member, Role } from '../../core/registry/model';
import type { Db } from '../cloud';
import { docs } from '../repository/docs';
import { principalsOf, type Principal } from './policy';

/**
 * Who is calling: the member document keyed by the platform's openid, never anything the client
 * sent. The first admin is whoever the deployer names in TONGTI_FIRST_ADMIN_OPENID (the function's
 * environment) — never whoever happens to call first.
 */
export const FIRST_ADMIN_ENV = 'TONGTI_FIRST_ADMIN_OPENID';

export interface Caller {
  openid: string;
  member: Member | null;
  roles: Role[];
  principals: Principal[];
  label: string;
}

export function firstAdminOpenid(): string | null {
  const value = process.env[FIRST_ADMIN_ENV]?.trim();
  return value ? value : null;
}

export async function resolveCaller(db: Db, openid: string): Promise<Caller> {
  const member = openid ? await docs(db).get<Member>('members', openid) : null;
  const roles: Role[] = [...(member?.roles ?? [])];
  if (openid && openid === firstAdminOpenid() && !roles.includes('admin')) roles.push('admin');
  return {
    openid,
    member,
    roles,
    principals: principalsOf(roles),
    label: member?.label ?? (roles.includes('admin') ? '管理员' : '微信用户'),
  };
}
