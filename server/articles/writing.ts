/**
 * Organizers write, preview, publish (now or at a set time), edit and withdraw articles. The body
 * is parsed into whitelisted blocks here, every file must already be in our storage, and every
 * text passes WeChat's content check before anything is stored. An edit after publication keeps
 * the earlier version readable; a withdrawal keeps a stub with the reason.
 */
import type { ArticleInput, ArticleStatusName, PreviewView } from '../../typings/api';
import {
  type Article,
  type ArticleVersion,
  type Attachment,
  type Block,
  KIND_LABELS,
  canDo,
  checkSchedule,
  imagesOf,
  isStorageFileId,
  parseBody,
  renderBody,
  statusAt,
} from '../../core/articles';
import { shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import { randomId } from '../auth/secrets';
import { AppError } from '../errors';
import { auditEntry } from '../repository/audit';
import { docs, inTransaction } from '../repository/docs';
import { assertClean } from './contentCheck';
import { tempUrls } from '../platform';
import { loadArticle, theBuilding, versionId } from './store';
import { attachmentViews } from './views';

/** Who signs what the replacement group publishes. */
const AUTHOR = '换梯工作小组';

interface Prepared {
  kind: Article['kind'];
  title: string;
  summary: string;
  body: string;
  blocks: Block[];
  attachments: Attachment[];
  pinned: boolean;
  decisionId: string | null;
  urls: Map<string, string>;
}

const IMAGE_FILE = /\.(png|jpe?g|gif|webp)$/i;
const PDF_FILE = /\.pdf$/i;

/** Validates, parses and checks an article as typed; throws the first problem in Chinese. */
async function prepare(
  input: ArticleInput,
  ctx: UseCaseContext,
  openid: string,
): Promise<Prepared> {
  const title = input.title.trim();
  const summary = input.summary.trim();
  if (!title) throw new AppError('INVALID_INPUT', '请填写标题');
  const parsed = parseBody(input.body);
  if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.message);
  if (parsed.blocks.length === 0 && input.attachments.length === 0) {
    throw new AppError('INVALID_INPUT', '请填写正文或添加附件');
  }
  const attachments: Attachment[] = input.attachments.map((a) => ({
    kind: a.kind,
    title: a.title.trim() || (a.kind === 'pdf' ? '附件' : '图片'),
    fileId: a.fileId.trim(),
  }));
  for (const a of attachments) {
    if (!isStorageFileId(a.fileId)) {
      throw new AppError('INVALID_INPUT', `附件“${a.title}”不是上传到本小程序的文件`);
    }
    const pattern = a.kind === 'pdf' ? PDF_FILE : IMAGE_FILE;
    if (!pattern.test(a.fileId)) {
      throw new AppError(
        'INVALID_INPUT',
        `附件“${a.title}”不是${a.kind === 'pdf' ? ' PDF 文件' : '图片'}`,
      );
    }
  }
  if (input.decisionId) {
    const decision = await docs(ctx.db).get<{ status: string }>('decisions', input.decisionId);
    if (!decision || decision.status === 'draft') {
      throw new AppError('INVALID_INPUT', '关联的表决议题不存在或尚未公示');
    }
  }
  const fileIds = [...imagesOf(parsed.blocks), ...attachments.map((a) => a.fileId)];
  const urls = await tempUrls(fileIds);
  const missing = fileIds.find((f) => !urls.has(f));
  if (missing) throw new AppError('INVALID_INPUT', '有图片或附件没有上传成功，请重新上传');
  await assertClean(
    [
      { label: '标题', text: title },
      { label: '摘要', text: summary },
      { label: '正文', text: input.body },
      { label: '附件名称', text: attachments.map((a) => a.title).join('\n') },
    ],
    openid,
  );
  return {
    kind: input.kind,
    title,
    summary,
    body: input.body,
    blocks: parsed.blocks,
    attachments,
    pinned: input.pinned,
    decisionId: input.decisionId,
    urls,
  };
}

/** articles.preview: what residents would see, built exactly as publication would build it. */
export async function previewArticle(
  input: ArticleInput,
  ctx: UseCaseContext,
): Promise<PreviewView> {
  const caller = await ctx.caller();
  const p = await prepare(input, ctx, caller.openid);
  return {
    title: p.title,
    summary: p.summary,
    kindLabel: KIND_LABELS[p.kind],
    nodes: renderBody(p.blocks, p.urls),
    attachments: attachmentViews(p.attachments, p.urls),
  };
}

/** articles.create: a draft. */
export async function createArticle(
  input: ArticleInput,
  ctx: UseCaseContext,
): Promise<{ id: string }> {
  const caller = await ctx.caller();
  const [p, building] = await Promise.all([
    prepare(input, ctx, caller.openid),
    theBuilding(ctx.db),
  ]);
  const at = shanghaiIso(ctx.now);
  const article: Article = {
    _id: randomId('a'),
    buildingId: building._id,
    kind: p.kind,
    title: p.title,
    summary: p.summary,
    body: p.body,
    blocks: p.blocks,
    attachments: p.attachments,
    pinned: p.pinned,
    decisionId: p.decisionId,
    status: 'draft',
    publishAt: null,
    publishedAt: '',
    author: AUTHOR,
    createdBy: caller.openid,
    createdAt: at,
    updatedAt: at,
    version: 1,
    editedAt: null,
    withdrawal: null,
  };
  await inTransaction(ctx.db, async (tx) => {
    await tx.set('articles', article._id, article);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'articles.create', article._id, { kind: p.kind }),
    );
  });
  return { id: article._id };
}

function sameContent(a: Article, p: Prepared): boolean {
  return (
    a.title === p.title &&
    a.summary === p.summary &&
    JSON.stringify(a.blocks) === JSON.stringify(p.blocks) &&
    JSON.stringify(a.attachments) === JSON.stringify(p.attachments)
  );
}

/**
 * articles.edit: a draft or scheduled article changes in place; a published one keeps its text
 * so far as a version residents can still open, and shows "已修改".
 */
export async function editArticle(
  input: ArticleInput & { articleId: string },
  ctx: UseCaseContext,
): Promise<{ id: string; version: number }> {
  const caller = await ctx.caller();
  const now = ctx.now.getTime();
  const current = await loadArticle(docs(ctx.db), input.articleId);
  if (!canDo(current, 'edit', now)) throw new AppError('CONFLICT', '已撤回的公告不能再修改');
  const p = await prepare(input, ctx, caller.openid);
  const at = shanghaiIso(ctx.now);
  return inTransaction(ctx.db, async (tx) => {
    const article = await tx.get<Article>('articles', input.articleId);
    if (!article) throw new AppError('NOT_FOUND', '没有找到这篇公告');
    if (!canDo(article, 'edit', now)) throw new AppError('CONFLICT', '已撤回的公告不能再修改');
    const published = statusAt(article, now) === 'published';
    const newVersion = published && !sameContent(article, p);
    const fields = {
      kind: p.kind,
      title: p.title,
      summary: p.summary,
      body: p.body,
      blocks: p.blocks,
      attachments: p.attachments,
      pinned: p.pinned,
      decisionId: p.decisionId,
      updatedAt: at,
      ...(newVersion ? { version: article.version + 1, editedAt: at } : {}),
    };
    if (newVersion) {
      const earlier: ArticleVersion = {
        _id: versionId(article._id, article.version),
        articleId: article._id,
        version: article.version,
        title: article.title,
        summary: article.summary,
        blocks: article.blocks,
        attachments: article.attachments,
        replacedAt: at,
        replacedBy: caller.openid,
      };
      await tx.set('articleVersions', earlier._id, earlier);
    }
    await tx.update('articles', article._id, fields);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'articles.edit', article._id, {
        version: newVersion ? article.version + 1 : article.version,
      }),
    );
    return { id: article._id, version: newVersion ? article.version + 1 : article.version };
  });
}

/** articles.publish: now, or at `publishAt` (the scheduled run publishes it then). */
export async function publishArticle(
  request: { articleId: string; publishAt?: string },
  ctx: UseCaseContext,
): Promise<{ status: ArticleStatusName; publishAt: string | null }> {
  const caller = await ctx.caller();
  const now = ctx.now.getTime();
  const schedule = checkSchedule(request.publishAt, now);
  if (!schedule.ok) throw new AppError('INVALID_INPUT', schedule.message);
  const at = shanghaiIso(ctx.now);
  const publishAt = schedule.at === null ? null : shanghaiIso(schedule.at);
  return inTransaction(ctx.db, async (tx) => {
    const article = await tx.get<Article>('articles', request.articleId);
    if (!article) throw new AppError('NOT_FOUND', '没有找到这篇公告');
    if (!canDo(article, 'publish', now)) {
      throw new AppError(
        'CONFLICT',
        article.status === 'withdrawn' ? '这篇公告已撤回' : '这篇公告已经发布',
      );
    }
    const fields =
      publishAt === null
        ? { status: 'published' as const, publishAt: null, publishedAt: at, updatedAt: at }
        : { status: 'scheduled' as const, publishAt, publishedAt: publishAt, updatedAt: at };
    await tx.update('articles', article._id, fields);
    await tx.add('audit', auditEntry(ctx, caller, 'articles.publish', article._id, { publishAt }));
    return { status: fields.status, publishAt };
  });
}

/** articles.withdraw: the article gives way to a stub that says it was withdrawn, and why. */
export async function withdrawArticle(
  request: { articleId: string; reason: string },
  ctx: UseCaseContext,
): Promise<{ status: ArticleStatusName }> {
  const caller = await ctx.caller();
  const reason = request.reason.trim();
  if (!reason) throw new AppError('INVALID_INPUT', '请写明撤回的原因，住户会看到它');
  await assertClean([{ label: '撤回原因', text: reason }], caller.openid);
  const now = ctx.now.getTime();
  const at = shanghaiIso(ctx.now);
  await inTransaction(ctx.db, async (tx) => {
    const article = await tx.get<Article>('articles', request.articleId);
    if (!article) throw new AppError('NOT_FOUND', '没有找到这篇公告');
    if (!canDo(article, 'withdraw', now)) {
      throw new AppError('CONFLICT', '只有已发布的公告可以撤回');
    }
    await tx.update('articles', article._id, {
      status: 'withdrawn',
      withdrawal: { reason, at, by: caller.openid },
      updatedAt: at,
    });
    await tx.add('audit', auditEntry(ctx, caller, 'articles.withdraw', article._id, { reason }));
  });
  return { status: 'withdrawn' };
}
