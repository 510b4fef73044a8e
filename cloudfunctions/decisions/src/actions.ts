import { noFields } from '../../../server/router';
import type { GuardedSpec } from '../../../server/auth/guard';
import { castOnline, castPaper, decidePaperOverride } from '../../../server/decisions/casting';
import {
  closeDecision,
  createDecision,
  editDecision,
  extendDecision,
  openDecision,
  postDecisionNotice,
  publishDecisionFinal,
  publishDecisionPreliminary,
  withdrawDecisionNotice,
} from '../../../server/decisions/organize';
import {
  decisionDetail,
  decisionResults,
  listDecisions,
  publishedList,
  recountDecision,
  unitBallotStatus,
} from '../../../server/decisions/reading';
import {
  answerObjection,
  fileObjection,
  listObjections,
} from '../../../server/decisions/objections';
import { schemas } from '../../../server/decisions/schemas';
import { listWitnesses } from '../../../server/decisions/witnesses';
import { openVotes } from '../../../server/decisions/openVotes';

/**
 * decisions: the owners' votes. Every action passes the policy table (server/auth/policy.ts)
 * before it runs; the caller is whoever WeChat says, never a field of the request.
 *
 * The spec is its own module so tools (the fuzz bench) can read each action's request schema
 * without starting the function.
 */
export const actions: GuardedSpec<'decisions'> = {
  list: { input: noFields, run: (_req, ctx) => listDecisions(ctx) },
  openVotes: { input: noFields, run: (_req, ctx) => openVotes(ctx) },
  detail: { input: schemas.byId, run: decisionDetail },
  results: { input: schemas.byId, run: decisionResults },
  published: { input: schemas.published, run: publishedList },
  create: { input: schemas.create, run: createDecision },
  edit: { input: schemas.edit, run: editDecision },
  postNotice: { input: schemas.byId, run: postDecisionNotice },
  withdrawNotice: { input: schemas.byId, run: withdrawDecisionNotice },
  open: { input: schemas.byId, run: openDecision },
  extend: { input: schemas.extend, run: extendDecision },
  close: { input: schemas.byId, run: closeDecision },
  publishPreliminary: { input: schemas.byId, run: publishDecisionPreliminary },
  publishFinal: { input: schemas.byId, run: publishDecisionFinal },
  cast: { input: schemas.cast, run: castOnline },
  paperBallot: { input: schemas.paperBallot, run: castPaper },
  decidePaperOverride: { input: schemas.decidePaperOverride, run: decidePaperOverride },
  witnesses: { input: noFields, run: (_req, ctx) => listWitnesses(ctx) },
  unitStatus: { input: schemas.unitStatus, run: unitBallotStatus },
  recount: { input: schemas.byId, run: recountDecision },
  object: { input: schemas.object, run: fileObjection },
  answerObjection: { input: schemas.answerObjection, run: answerObjection },
  objections: { input: schemas.byId, run: listObjections },
};
