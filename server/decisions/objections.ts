/**
 * Objections to a preliminary result: during the objection period an owner (or their proxy) of a
 * unit on the frozen roll files one, its text checked by WeChat's content check first; organizers
 * answer each in public; the final result cannot be published while one is unanswered, and the
 * list of objections and answers stays with the decision. Names are never shown, only the flat.
 */
import type { ObjectionView } from '../../typings/api';
import { type Decision, isoAt, parseInstant } from '../../core/decisions';
import type { UseCaseContext } from '../auth/guard';
import { randomId } from '../auth/secrets';
import { AppError } from '../errors';
import { contentVerdict, fileExists } from '../platform';
import { auditEntry } from '../repository/audit';
import { countOf, docs, inTransaction } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { assertVisible, isOrganizer, voiceFor } from './access';
import { loadDecision, loadRollEntry } from './store';

export interface Objection {
  _id: string;
  decisionId: string;
  unitId: string;
  unitNo: string;
  voice: 'owner' | 'proxy';
  filedBy: string;
  text: string;
  photoFileId: string | null;
  filedAt: string;
  answer: { text: string; by: string; at: string } | null;
}

/** Enough for every real concern; stops one flat from flooding the list. */
const MAX_PER_UNIT = 5;

function objectionView(o: Objection): ObjectionView {
  return {
    id: o._id,
    unitNo: o.unitNo,
    voiceLabel: o.voice === 'owner' ? '业主' : '代理人',
    text: o.text,
    photoFileId: o.photoFileId,
    filedAt: o.filedAt,
    answer: o.answer ? { text: o.answer.text, at: o.answer.at } : null,
  };
}

function objectionPeriodOpen(decision: Decision, now: Date): boolean {
  const ends = decision.objectionEndsAt ? parseInstant(decision.objectionEndsAt) : null;
  return decision.status === 'preliminary' && ends !== null && now.getTime() < ends;
}

async function checkText(text: string, openid: string): Promise<void> {
  const verdict = await contentVerdict(text, openid);
  if (verdict !== 'pass') {
    throw new AppError('INVALID_INPUT', '内容未通过微信安全检测，请修改后再提交');
  }
}

/** decisions.object: files an objection to the preliminary result. */
export async function fileObjection(
  request: { decisionId: string; unitId: string; text: string; photoFileId?: string },
  ctx: UseCaseContext,
): Promise<ObjectionView> {
  const caller = await ctx.caller();
  const store = docs(ctx.db);
  const [decision, entry] = await Promise.all([
    loadDecision(store, request.decisionId),
    loadRollEntry(store, request.decisionId, request.unitId),
  ]);
  assertVisible(decision, caller);
  if (!objectionPeriodOpen(decision, ctx.now)) {
    throw new AppError('FORBIDDEN', '现在不在异议期内：异议须在初步结果公示后、异议期结束前提出');
  }
  if (!entry) throw new AppError('NOT_FOUND', '这套房屋不在本次表决的业主名册中');
  const voice = await voiceFor(ctx, caller, decision, entry);
  const text = request.text.trim();
  if (!text) throw new AppError('INVALID_INPUT', '请写下异议的内容');
  if (request.photoFileId !== undefined && !(await fileExists(request.photoFileId))) {
    throw new AppError('INVALID_INPUT', '没有找到上传的照片，请重新上传');
  }
  const filed = await countOf(ctx.db, 'objections', {
    decisionId: decision._id,
    unitId: entry.unitId,
  });
  if (filed >= MAX_PER_UNIT) {
    throw new AppError('CONFLICT', `每户对同一议题最多提出 ${MAX_PER_UNIT} 条异议`);
  }
  await checkText(text, caller.openid);
  const objection: Objection = {
    _id: randomId('ob'),
    decisionId: decision._id,
    unitId: entry.unitId,
    unitNo: entry.unitNo,
    voice,
    filedBy: caller.openid,
    text,
    photoFileId: request.photoFileId ?? null,
    filedAt: isoAt(ctx.now),
    answer: null,
  };
  await inTransaction(ctx.db, async (tx) => {
    const { _id, ...fields } = objection;
    await tx.set('objections', _id, fields);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'decisions.object', _id, {
        decisionId: decision._id,
        unitId: entry.unitId,
      }),
    );
  });
  return objectionView(objection);
}

/** decisions.answerObjection: an organizer's public answer (once; a correction is a new answer). */
export async function answerObjection(
  request: { objectionId: string; text: string },
  ctx: UseCaseContext,
): Promise<ObjectionView> {
  const caller = await ctx.caller();
  const text = request.text.trim();
  if (!text) throw new AppError('INVALID_INPUT', '请写下答复');
  await checkText(text, caller.openid);
  const answered = await inTransaction(ctx.db, async (tx) => {
    const found = await tx.get<Objection>('objections', request.objectionId);
    if (!found) throw new AppError('NOT_FOUND', '没有找到这条异议');
    if (found.answer) throw new AppError('CONFLICT', '这条异议已经答复过');
    const answer = { text, by: caller.openid, at: isoAt(ctx.now) };
    await tx.update('objections', found._id, { answer });
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'decisions.answerObjection', found._id, {
        decisionId: found.decisionId,
      }),
    );
    return { ...found, _id: request.objectionId, answer };
  });
  return objectionView(answered);
}

/** decisions.objections: every objection to a decision and its answer, oldest first. */
export async function listObjections(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<{ objections: ObjectionView[]; unanswered: number; canAnswer: boolean }> {
  const caller = await ctx.caller();
  const decision = await loadDecision(docs(ctx.db), request.decisionId);
  assertVisible(decision, caller);
  const all = await readAll<Objection>(ctx.db, 'objections', { decisionId: decision._id });
  all.sort((a, b) => (a.filedAt < b.filedAt ? -1 : a.filedAt > b.filedAt ? 1 : 0));
  return {
    objections: all.map(objectionView),
    unanswered: all.filter((o) => o.answer === null).length,
    canAnswer: isOrganizer(caller),
  };
}

/** How many objections to a decision still wait for an answer. */
export function unansweredObjections(ctx: UseCaseContext, decisionId: string): Promise<number> {
  return countOf(ctx.db, 'objections', { decisionId, answer: null });
}
