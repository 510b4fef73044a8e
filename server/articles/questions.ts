/**
 * Questions (答疑): a resident asks under a published article or a decision; the text passes
 * WeChat's content check; the page shows the asker's name masked (张*华) and their floor, never
 * the flat. Organizers answer in public, mark answered questions as FAQ, and may hide a question
 * with a reason, which stays in the audit log.
 */
import type { ArticleQuestionView, QuestionTargetName } from '../../typings/api';
import { type Article, type Question, isPublic, questionOrder } from '../../core/articles';
import type { Unit } from '../../core/registry/model';
import { maskName } from '../../core/registry/privacy';
import { shanghaiIso } from '../../core/registry/time';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import { isAllowed } from '../auth/policy';
import { randomId } from '../auth/secrets';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { auditEntry } from '../repository/audit';
import { countOf, docs, find, inTransaction } from '../repository/docs';
import { assertClean } from './contentCheck';
import { isOrganizer, loadQuestion } from './store';
import { questionView } from './views';

/** Open questions one person may have waiting under one article or decision. */
const MAX_OPEN_PER_ASKER = 5;
/** Questions shown under one article or decision: the newest, FAQ first. */
const QUESTIONS_SHOWN = 200;

type Target = { targetKind: QuestionTargetName; targetId: string };

/** The building of a target residents may see, or NOT_FOUND. */
async function visibleTarget(ctx: UseCaseContext, target: Target): Promise<{ buildingId: string }> {
  const store = docs(ctx.db);
  if (target.targetKind === 'article') {
    const article = await store.get<Article>('articles', target.targetId);
    if (!article || !isPublic(article, ctx.now.getTime())) {
      throw new AppError('NOT_FOUND', '没有找到这篇公告');
    }
    return { buildingId: article.buildingId };
  }
  const decision = await store.get<{ buildingId: string; status: string }>(
    'decisions',
    target.targetId,
  );
  if (!decision || decision.status === 'draft')
    throw new AppError('NOT_FOUND', '没有找到这个表决议题');
  return { buildingId: decision.buildingId };
}

function viewerOf(caller: Caller): { openid: string; organizer: boolean } {
  return { openid: caller.openid, organizer: isOrganizer(caller) };
}

/** A target's questions as `viewer` sees them: hidden ones only for organizers. */
export async function questionsFor(
  db: Db,
  target: Target,
  caller: Caller,
): Promise<ArticleQuestionView[]> {
  const all = await find<Question>(
    db,
    'questions',
    { targetKind: target.targetKind, targetId: target.targetId },
    { orderBy: ['askedAt', 'desc'], limit: QUESTIONS_SHOWN },
  );
  const viewer = viewerOf(caller);
  const shown = viewer.organizer ? all : all.filter((q) => q.hidden === null);
  return questionOrder(shown).map((q) => questionView(q, viewer));
}

/** articles.questions */
export async function listQuestions(
  request: Target,
  ctx: UseCaseContext,
): Promise<{ questions: ArticleQuestionView[]; canAsk: boolean; canAnswer: boolean }> {
  const caller = await ctx.caller();
  await visibleTarget(ctx, request);
  return {
    questions: await questionsFor(ctx.db, request, caller),
    canAsk: isAllowed('articles', 'ask', caller.principals),
    canAnswer: isAllowed('articles', 'answer', caller.principals),
  };
}

/** How the asker appears: masked name and floor ("张*华 · 12楼"). */
async function askerLabel(ctx: UseCaseContext, caller: Caller): Promise<string> {
  const full = ((caller.member?.label ?? '').split(/[（(]/)[0] ?? '').trim();
  // Masked as everywhere else in the product: the surname only (张**).
  const name = full ? maskName(full) : '住户';
  const unitId = caller.member?.unitIds[0];
  const unit = unitId ? await docs(ctx.db).get<Unit>('units', unitId) : null;
  return unit ? `${name} · ${unit.floor}楼` : name;
}

/** articles.ask */
export async function askQuestion(
  request: Target & { text: string },
  ctx: UseCaseContext,
): Promise<ArticleQuestionView> {
  const caller = await ctx.caller();
  const text = request.text.trim();
  if (!text) throw new AppError('INVALID_INPUT', '请写下您的问题');
  const { buildingId } = await visibleTarget(ctx, request);
  const open = await countOf(ctx.db, 'questions', {
    targetKind: request.targetKind,
    targetId: request.targetId,
    askedBy: caller.openid,
    answer: null,
  });
  if (open >= MAX_OPEN_PER_ASKER) {
    throw new AppError('CONFLICT', `您已有 ${MAX_OPEN_PER_ASKER} 个问题在等答复，请等答复后再问`);
  }
  await assertClean([{ label: '问题', text }], caller.openid);
  const question: Question = {
    _id: randomId('q'),
    buildingId,
    targetKind: request.targetKind,
    targetId: request.targetId,
    text,
    askedBy: caller.openid,
    askerLabel: await askerLabel(ctx, caller),
    askedAt: shanghaiIso(ctx.now),
    answer: null,
    faq: false,
    hidden: null,
  };
  await inTransaction(ctx.db, async (tx) => {
    await tx.set('questions', question._id, question);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'articles.ask', question._id, {
        targetKind: question.targetKind,
        targetId: question.targetId,
      }),
    );
  });
  return questionView(question, viewerOf(caller));
}

/** Changes one question in a transaction, with its audit entry. */
async function changeQuestion(
  ctx: UseCaseContext,
  caller: Caller,
  questionId: string,
  action: string,
  change: (q: Question) => Partial<Question>,
  detail: Record<string, unknown> = {},
): Promise<ArticleQuestionView> {
  const changed = await inTransaction(ctx.db, async (tx) => {
    const found = await tx.get<Question>('questions', questionId);
    if (!found) throw new AppError('NOT_FOUND', '没有找到这条提问');
    const fields = change(found);
    await tx.update('questions', questionId, fields);
    await tx.add('audit', auditEntry(ctx, caller, action, questionId, detail));
    return { ...found, ...fields, _id: questionId };
  });
  return questionView(changed, viewerOf(caller));
}

/** articles.answer: a public answer (once; a correction is a new question and answer). */
export async function answerQuestion(
  request: { questionId: string; text: string },
  ctx: UseCaseContext,
): Promise<ArticleQuestionView> {
  const caller = await ctx.caller();
  const text = request.text.trim();
  if (!text) throw new AppError('INVALID_INPUT', '请写下答复');
  await loadQuestion(docs(ctx.db), request.questionId);
  await assertClean([{ label: '答复', text }], caller.openid);
  return changeQuestion(ctx, caller, request.questionId, 'articles.answer', (q) => {
    if (q.answer) throw new AppError('CONFLICT', '这个问题已经答复过');
    if (q.hidden) throw new AppError('CONFLICT', '这个问题已被隐藏');
    return {
      answer: { text, by: caller.openid, byLabel: '换梯工作小组', at: shanghaiIso(ctx.now) },
    };
  });
}

/** articles.markFaq: only answered questions belong to the FAQ. */
export async function markFaq(
  request: { questionId: string; faq: boolean },
  ctx: UseCaseContext,
): Promise<ArticleQuestionView> {
  const caller = await ctx.caller();
  return changeQuestion(
    ctx,
    caller,
    request.questionId,
    'articles.markFaq',
    (q) => {
      if (request.faq && !q.answer)
        throw new AppError('CONFLICT', '请先答复，再把问题列入常见问题');
      return { faq: request.faq };
    },
    { faq: request.faq },
  );
}

/** articles.hideQuestion: out of the public list; the reason stays in the audit log. */
export async function hideQuestion(
  request: { questionId: string; reason: string },
  ctx: UseCaseContext,
): Promise<ArticleQuestionView> {
  const caller = await ctx.caller();
  const reason = request.reason.trim();
  if (!reason) throw new AppError('INVALID_INPUT', '请写明隐藏的原因');
  return changeQuestion(
    ctx,
    caller,
    request.questionId,
    'articles.hideQuestion',
    (q) => {
      if (q.hidden) throw new AppError('CONFLICT', '这个问题已经隐藏');
      return { hidden: { reason, by: caller.openid, at: shanghaiIso(ctx.now) }, faq: false };
    },
    { reason },
  );
}
