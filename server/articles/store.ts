import type { Article, ArticleVersion, Question } from '../../core/articles';
import type { Building } from '../../core/registry/model';
import type { Caller } from '../auth/caller';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import type { Docs } from '../repository/docs';
import { find } from '../repository/docs';
import { docsOf } from '../repository/results';

/** Reading articles and their questions, with the refusals residents see when one is missing. */

export function isOrganizer(caller: Pick<Caller, 'roles'>): boolean {
  return caller.roles.includes('organizer') || caller.roles.includes('admin');
}

export async function loadArticle(store: Docs, articleId: string): Promise<Article> {
  const article = await store.get<Article>('articles', articleId);
  if (!article) throw new AppError('NOT_FOUND', '没有找到这篇公告');
  return article;
}

export async function loadQuestion(store: Docs, questionId: string): Promise<Question> {
  const question = await store.get<Question>('questions', questionId);
  if (!question) throw new AppError('NOT_FOUND', '没有找到这条提问');
  return question;
}

export async function theBuilding(db: Db): Promise<Building> {
  const [building] = await docsOf<Building>(db.collection('buildings').limit(1).get());
  if (!building) throw new AppError('NOT_FOUND', '还没有登记楼栋信息');
  return building;
}

/** Earlier versions of an article, newest first. */
export function versionsOf(db: Db, articleId: string): Promise<ArticleVersion[]> {
  return find<ArticleVersion>(
    db,
    'articleVersions',
    { articleId },
    { orderBy: ['version', 'desc'], limit: 100 },
  );
}

export function versionId(articleId: string, version: number): string {
  return `${articleId}:v${version}`;
}

/** A building's articles for the list: at most the newest 200 (pinned ones are among them). */
export const LIST_LIMIT = 200;
