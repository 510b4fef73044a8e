import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud, OPENID_HEADER } from '../localcloud/server';
import type { Article, ArticleRead, Question } from '../core/articles';
import { parseBody } from '../core/articles';
import { ORGANIZER, RESIDENT, TOWER_BUILDING, towerRegistry } from '../test/helpers/decisionsTower';
import type { ApiResult } from '../typings/api';
import type { Row } from './table';

/**
 * articles through the local cloud, on a 138-flat tower and a 10,000-unit one, with 30 published
 * articles, 70% of flats having read the newest and 40 questions under it: database requests and
 * milliseconds of what one article page costs — the 公告 list plus the article — as a resident
 * and as an organizer (who also sees the read counts), and of the organizer's unread-flats list.
 * The page's figures must not grow with the building; only the unread list may.
 */
const SIZES = [138, 10_000] as const;
const ARTICLES = 30;
const QUESTIONS = 40;

async function call(
  cloud: LocalCloud,
  data: Record<string, unknown>,
  openid: string,
): Promise<void> {
  const res = await fetch(`${cloud.url}/functions/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ data }),
  });
  const { result } = (await res.json()) as { result: ApiResult<unknown> };
  if (!result.ok)
    throw new Error(`articles.${String(data.action)}: ${result.code} ${result.message}`);
}

function seedFor(size: number): Record<string, readonly object[]> {
  const registry = towerRegistry(size);
  const blocks = parseBody('# 检测结论\n两部电梯需要整体更换。\n- 曳引机老化\n- 门系统老化');
  if (!blocks.ok) throw new Error(blocks.message);
  const day = (i: number): string =>
    `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00+08:00`;
  const articles: Article[] = Array.from({ length: ARTICLES }, (_, i) => ({
    _id: `a${i}`,
    buildingId: TOWER_BUILDING,
    kind: i % 5 === 0 ? 'notice' : 'minutes',
    title: `第 ${i} 篇`,
    summary: '摘要',
    body: '',
    blocks: blocks.blocks,
    attachments: [],
    pinned: i === 0,
    decisionId: null,
    status: 'published',
    publishAt: null,
    publishedAt: day(i),
    author: '换梯工作小组',
    createdBy: ORGANIZER,
    createdAt: day(i),
    updatedAt: day(i),
    version: 1,
    editedAt: null,
    withdrawal: null,
  }));
  const units = registry.collections.units;
  const reads: ArticleRead[] = units
    .filter((_u, i) => i % 10 < 7)
    .map((u) => ({ _id: `a0:${u._id}`, articleId: 'a0', unitId: u._id, firstReadAt: day(0) }));
  const questions: Question[] = Array.from({ length: QUESTIONS }, (_, i) => ({
    _id: `q${i}`,
    buildingId: TOWER_BUILDING,
    targetKind: 'article',
    targetId: 'a0',
    text: '停梯多久？',
    askedBy: `someone-${i}`,
    askerLabel: '张*华 · 3楼',
    askedAt: day(i),
    answer: i % 2 ? { text: '一周', by: ORGANIZER, byLabel: '换梯工作小组', at: day(i) } : null,
    faq: i % 7 === 0,
    hidden: null,
  }));
  return {
    ...registry.collections,
    decisions: [],
    articles,
    articleVersions: [],
    articleReads: reads,
    questions,
  };
}

export async function benchArticles(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of SIZES) {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-articles-'));
    const cloud = await startLocalCloud({
      dataDir,
      functionsDir: join(__dirname, '..', 'cloudfunctions'),
      port: 0,
      seed: seedFor(size),
    });
    try {
      const measure = async (
        label: string,
        action: string,
        data: Record<string, unknown>,
        openid: string,
      ): Promise<{ requests: number; ms: number }> => {
        // Once to warm the worker; the second call is the one reported.
        await call(cloud, { action, ...data }, openid);
        await call(cloud, { action, ...data }, openid);
        const record = cloud
          .invocations()
          .find((r) => r.functionName === 'articles' && r.action === action);
        if (!record) throw new Error(`no invocation of ${label}`);
        return { requests: record.dbRequests, ms: record.ms };
      };
      for (const [who, openid] of [
        ['resident', RESIDENT],
        ['organizer', ORGANIZER],
      ] as const) {
        const list = await measure('list', 'list', {}, openid);
        const detail = await measure('detail', 'detail', { articleId: 'a0' }, openid);
        rows.push({
          units: size,
          who,
          'list requests': list.requests,
          'detail requests': detail.requests,
          'page requests (list + detail)': list.requests + detail.requests,
          'list ms': list.ms,
          'detail ms': detail.ms,
        });
      }
      const unread = await measure('receipts', 'receipts', { articleId: 'a0' }, ORGANIZER);
      rows.push({
        units: size,
        who: 'organizer: unread flats',
        'detail requests': unread.requests,
        'detail ms': unread.ms,
      });
    } finally {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}
