import { createFunction } from '../../../server/router';
import { guardActions } from '../../../server/auth/guard';
import { articleDetail, articleVersion, listArticles } from '../../../server/articles/reading';
import {
  createArticle,
  editArticle,
  previewArticle,
  publishArticle,
  withdrawArticle,
} from '../../../server/articles/writing';
import { articleReceipts } from '../../../server/articles/receipts';
import {
  answerQuestion,
  askQuestion,
  hideQuestion,
  listQuestions,
  markFaq,
} from '../../../server/articles/questions';
import { schemas } from '../../../server/articles/schemas';

/**
 * articles: what the replacement group publishes, read receipts and residents' questions. Every
 * action passes the policy table (server/auth/policy.ts) first; the caller is whoever WeChat
 * says, never a field of the request.
 */
export const main = createFunction<'articles'>(
  guardActions('articles', {
    list: { input: schemas.list, run: listArticles },
    detail: { input: schemas.detail, run: articleDetail },
    version: { input: schemas.version, run: articleVersion },
    questions: { input: schemas.questions, run: listQuestions },
    preview: { input: schemas.preview, run: previewArticle },
    create: { input: schemas.create, run: createArticle },
    edit: { input: schemas.edit, run: editArticle },
    publish: { input: schemas.publish, run: publishArticle },
    withdraw: { input: schemas.withdraw, run: withdrawArticle },
    receipts: { input: schemas.receipts, run: articleReceipts },
    ask: { input: schemas.ask, run: askQuestion },
    answer: { input: schemas.answer, run: answerQuestion },
    markFaq: { input: schemas.markFaq, run: markFaq },
    hideQuestion: { input: schemas.hideQuestion, run: hideQuestion },
  }),
);
