import * as z from 'zod';
import type { ActionRequest, ArticlesApi } from '../../typings/api';
import { ARTICLE_KINDS } from '../../core/articles';

/**
 * Request schemas of the articles actions: shapes and sizes before any use case runs; unknown
 * fields are refused. Whether a body parses, files exist and text passes the content check is the
 * use case's job.
 */
function schemaFor<A extends keyof ArticlesApi>(
  _action: A,
  schema: z.ZodType<ActionRequest<'articles', A>>,
): z.ZodType<ActionRequest<'articles', A>> {
  return schema;
}

const id = z.string().trim().min(1).max(64);
const fileId = z.string().trim().min(1).max(500);
const instant = z.string().trim().max(40);

const attachment = z
  .object({ kind: z.enum(['image', 'pdf']), title: z.string().max(60), fileId })
  .strict();

const input = {
  kind: z.enum(ARTICLE_KINDS),
  title: z.string().max(60),
  summary: z.string().max(300),
  body: z.string().max(20000),
  attachments: z.array(attachment).max(9),
  pinned: z.boolean(),
  decisionId: id.nullable(),
};

const target = { targetKind: z.enum(['article', 'decision']), targetId: id };

export const schemas = {
  list: schemaFor('list', z.object({ kind: z.enum(ARTICLE_KINDS).optional() }).strict()),
  detail: schemaFor('detail', z.object({ articleId: id }).strict()),
  version: schemaFor(
    'version',
    z.object({ articleId: id, version: z.number().int().min(1).max(10000) }).strict(),
  ),
  preview: schemaFor('preview', z.object(input).strict()),
  create: schemaFor('create', z.object(input).strict()),
  edit: schemaFor('edit', z.object({ ...input, articleId: id }).strict()),
  publish: schemaFor(
    'publish',
    z.object({ articleId: id, publishAt: instant.optional() }).strict(),
  ),
  withdraw: schemaFor(
    'withdraw',
    z.object({ articleId: id, reason: z.string().max(200) }).strict(),
  ),
  receipts: schemaFor('receipts', z.object({ articleId: id }).strict()),
  questions: schemaFor('questions', z.object(target).strict()),
  ask: schemaFor('ask', z.object({ ...target, text: z.string().max(500) }).strict()),
  answer: schemaFor('answer', z.object({ questionId: id, text: z.string().max(2000) }).strict()),
  markFaq: schemaFor('markFaq', z.object({ questionId: id, faq: z.boolean() }).strict()),
  hideQuestion: schemaFor(
    'hideQuestion',
    z.object({ questionId: id, reason: z.string().max(200) }).strict(),
  ),
};
