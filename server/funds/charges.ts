/**
 * Charges from a binding scheme: one per paying unit (`_id = schemeId:unitId`), each posted to the
 * ledger as a 'charge' transfer assessments → unit:X keyed `charge:schemeId:unitId`, written in
 * the same transaction as the charge. Issuing again finds them and writes nothing; a charge is
 * never edited — a correction is a new transfer.
 */
import type { IssueChargesResult } from '../../typings/api';
import type { Decision } from '../../core/decisions/model';
import { chargeTransfer, newCharge } from '../../core/funds/charges';
import { type Charge, type Scheme, chargeId } from '../../core/funds/model';
import { isCalendarDate, shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { auditEntry } from '../repository/audit';
import { docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { inLedgerTransaction, postTransfers } from '../ledger/post';
import { buildingUnits } from './registry';
import { linkedDecisions, loadScheme, sharesOf, statusOf } from './schemes';

/** Units charged per call: a large building is charged over a few calls, each well in time. */
export const CHARGES_PER_CALL = 1000;
/** Units per transaction: every posting moves the chain head, so fewer, larger transactions. */
const CHARGES_PER_TRANSACTION = 50;

export interface IssueChargesInput {
  schemeId: string;
  dueDate: string;
}

export async function issueCharges(
  request: IssueChargesInput,
  ctx: UseCaseContext,
): Promise<IssueChargesResult> {
  const caller = await ctx.caller();
  if (!isCalendarDate(request.dueDate)) {
    throw new AppError('INVALID_INPUT', `缴款截止日期 ${request.dueDate} 不是有效日期`);
  }
  const scheme = await loadScheme(docs(ctx.db), request.schemeId);
  const decisions = await linkedDecisions(ctx.db, [scheme]);
  if (statusOf(scheme, decisions) !== 'binding') {
    throw new AppError(
      'CONFLICT',
      '该方案尚未生效：须附在表决方案上，且该表决已公布最终结果并通过',
    );
  }
  const decision: Decision | null = scheme.link
    ? (decisions.get(scheme.link.decisionId) ?? null)
    : null;
  const units = await buildingUnits(ctx.db, scheme.buildingId);
  const shares = sharesOf(scheme, decision, units);
  const charged = new Set((await chargesOf(ctx.db, scheme._id)).map((c) => c.unitId));
  const paying = units.flatMap((u, i) => {
    const fen = shares[i] ?? 0;
    return fen > 0 ? [{ ...u, fen }] : [];
  });
  const todo = paying.filter((u) => !charged.has(u.unitId)).slice(0, CHARGES_PER_CALL);
  const at = shanghaiIso(ctx.now);
  let issued = 0;
  for (let i = 0; i < todo.length; i += CHARGES_PER_TRANSACTION) {
    const batch = todo.slice(i, i + CHARGES_PER_TRANSACTION);
    issued += await inLedgerTransaction(ctx.db, async (tx) => {
      const fresh: Charge[] = [];
      for (const u of batch) {
        // A concurrent call may have charged it since the list was read.
        if (await tx.get<Charge>('charges', chargeId(scheme._id, u.unitId))) continue;
        fresh.push(
          newCharge({
            scheme,
            unit: u,
            fen: u.fen,
            dueDate: request.dueDate,
            at,
            by: caller.openid,
          }),
        );
      }
      if (!fresh.length) return 0;
      const transfers = fresh.map((c) => chargeTransfer(c, scheme.title));
      await postTransfers(tx, transfers, at);
      for (const c of fresh) await tx.set('charges', c._id, c);
      const current = await loadScheme(tx, scheme._id);
      const next: Scheme = {
        ...current,
        chargedUnits: current.chargedUnits + fresh.length,
        chargedFen: current.chargedFen + fresh.reduce((sum, c) => sum + c.fen, 0),
      };
      await tx.set('schemes', next._id, next);
      await tx.add(
        'audit',
        auditEntry(ctx, caller, 'funds.issueCharges', scheme._id, {
          units: fresh.length,
          dueDate: request.dueDate,
        }),
      );
      return fresh.length;
    });
  }
  const after = await loadScheme(docs(ctx.db), scheme._id);
  return {
    schemeId: scheme._id,
    issued,
    alreadyIssued: charged.size,
    remaining: Math.max(0, paying.length - charged.size - todo.length),
    chargedUnits: after.chargedUnits,
    chargedFen: after.chargedFen,
  };
}

export function chargesOf(db: Db, schemeId: string): Promise<Charge[]> {
  return readAll<Charge>(db, 'charges', { schemeId });
}
