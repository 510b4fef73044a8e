import type {
  ActionResponse,
  ArticleDetailView,
  ArticleInput,
  ArticleKindName,
  ArticleQuestionView,
  ArticleSummaryView,
  PreviewView,
} from '../../typings/api';
import { callApi } from './cloud';

/** The articles function, typed: the 公告 list, an article, writing and questions. */

export function listArticles(
  kind?: ArticleKindName,
): Promise<{ articles: ArticleSummaryView[]; canWrite: boolean }> {
  return callApi('articles', 'list', kind ? { kind } : {});
}

export function getArticle(articleId: string): Promise<ArticleDetailView> {
  return callApi('articles', 'detail', { articleId });
}

export function getArticleVersion(
  articleId: string,
  version: number,
): Promise<ActionResponse<'articles', 'version'>> {
  return callApi('articles', 'version', { articleId, version });
}

export function previewArticle(input: ArticleInput): Promise<PreviewView> {
  return callApi('articles', 'preview', input);
}

export async function createArticle(input: ArticleInput): Promise<string> {
  return (await callApi('articles', 'create', input)).id;
}

export function editArticle(
  articleId: string,
  input: ArticleInput,
): Promise<{ id: string; version: number }> {
  return callApi('articles', 'edit', { ...input, articleId });
}

export function publishArticle(
  articleId: string,
  publishAt?: string,
): Promise<ActionResponse<'articles', 'publish'>> {
  return callApi('articles', 'publish', publishAt ? { articleId, publishAt } : { articleId });
}

export function withdrawArticle(articleId: string, reason: string): Promise<unknown> {
  return callApi('articles', 'withdraw', { articleId, reason });
}

export function askQuestion(articleId: string, text: string): Promise<ArticleQuestionView> {
  return callApi('articles', 'ask', { targetKind: 'article', targetId: articleId, text });
}

export function answerQuestion(questionId: string, text: string): Promise<ArticleQuestionView> {
  return callApi('articles', 'answer', { questionId, text });
}

export function markFaq(questionId: string, faq: boolean): Promise<ArticleQuestionView> {
  return callApi('articles', 'markFaq', { questionId, faq });
}

export function hideQuestion(questionId: string, reason: string): Promise<ArticleQuestionView> {
  return callApi('articles', 'hideQuestion', { questionId, reason });
}
