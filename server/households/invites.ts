import type { InviteCodeSheet } from '../../typings/api';
import { formatInviteCode } from '../../core/registry/codes';
import { byRoom } from '../../core/registry/lastMile';
import type { InviteCode, Unit } from '../../core/registry/model';
import { shanghaiDate, shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import { hashInviteCode, randomInviteCode } from '../auth/secrets';
import { writeAudit } from '../repository/audit';
import { addMany, docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { miniProgramCode, uploadFile } from '../platform';
import { loadBuilding, loadUnits } from './registry';

/** The page a lobby code opens; `scene=bind` tells it to ask for the invite code. */
export const BIND_PAGE = 'pages/bind/index';
export const BIND_SCENE = 'bind';

/**
 * households.issueInviteCodes: a fresh code for each unit (all units, or the ones named), printed
 * once for the lobby notice board with the mini program code; the previous codes of those units
 * stop working. Only keyed hashes are stored.
 */
export async function issueInviteCodes(
  request: { unitIds?: string[] | undefined },
  ctx: UseCaseContext,
): Promise<InviteCodeSheet> {
  const caller = await ctx.caller();
  const building = await loadBuilding(ctx.db);
  const units = (
    request.unitIds
      ? await loadUnits(ctx.db, request.unitIds)
      : await readAll<Unit>(ctx.db, 'units', { buildingId: building._id })
  )
    .filter((u) => u.status !== 'unsold')
    .sort(byRoom);
  const issuedAt = shanghaiIso(ctx.now);
  const codes = new Set<string>();
  const rows = units.map((unit) => {
    let code = randomInviteCode();
    while (codes.has(code)) code = randomInviteCode();
    codes.add(code);
    return { unitId: unit._id, unitNo: unit.unitNo, floor: unit.floor, code };
  });
  const invites: InviteCode[] = rows.map((row) => ({
    _id: hashInviteCode(row.code),
    buildingId: building._id,
    unitId: row.unitId,
    issuedAt,
    issuedBy: caller.openid,
  }));
  if (rows.length) {
    await ctx.db
      .collection('invites')
      .where({ unitId: ctx.db.command.in(rows.map((r) => r.unitId)) })
      .remove();
    await addMany(ctx.db, 'invites', invites);
  }
  const png = await miniProgramCode(BIND_SCENE, BIND_PAGE);
  const qrFileId = png
    ? await uploadFile(`invites/${shanghaiDate(ctx.now)}-${ctx.now.getTime()}.png`, png)
    : null;
  await writeAudit(
    docs(ctx.db),
    ctx,
    caller,
    'households.issueInviteCodes',
    `units:${rows.length}`,
    {
      unitIds: rows.map((r) => r.unitId),
    },
  );
  return {
    issuedAt,
    page: BIND_PAGE,
    qrFileId,
    rows: rows.map((r) => ({ ...r, code: formatInviteCode(r.code) })),
  };
}
