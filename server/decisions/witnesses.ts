/**
 * decisions.witnesses: who may stand beside the caller on a video or visit ballot — the building's
 * staff and organizers other than the caller, by their label. A handful of people: one request.
 */
import type { WitnessView } from '../../typings/api';
import type { Member } from '../../core/registry/model';
import type { UseCaseContext } from '../auth/guard';
import { readAll } from '../repository/readAll';

const FIELD_ROLES = ['staff', 'organizer', 'admin'];

export async function listWitnesses(ctx: UseCaseContext): Promise<{ witnesses: WitnessView[] }> {
  const caller = await ctx.caller();
  const members = await readAll<Member>(ctx.db, 'members', {
    roles: ctx.db.command.in(FIELD_ROLES),
  });
  return {
    witnesses: members
      .filter((m) => m.openid !== caller.openid)
      .map((m) => ({ openid: m.openid, label: m.label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN')),
  };
}
