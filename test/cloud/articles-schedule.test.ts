/**
 * Scheduled publication through the real SDK against the local cloud, with an injected clock:
 * `publishDueArticles(now)` (what the scheduled job calls) publishes what is due exactly once,
 * however often it runs, and leaves what is not yet due alone.
 */
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { pointSdkAt } from '../helpers/wxSdk';
import { publishDueArticles } from '../../server/articles/schedule';
import { unreadUnits } from '../../server/articles/receipts';
import { registryDb } from '../../server/repository/docs';
import { demoBuilding } from '../../cli/seed';
import { articles, stored } from './articlesApi';

const HOUR = 3600_000;

describe('scheduled publication', () => {
  let t: TestCloud;
  const start = Date.now();
  const seed = demoBuilding(start);

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections, seedFiles: seed.files });
    pointSdkAt(t.cloud, '');
  });
  afterAll(() => t.stop());

  it('publishes an article scheduled by an organizer when its time comes, once', async () => {
    const api = articles(t);
    const { id } = await api.ok(
      'create',
      {
        kind: 'minutes',
        title: '第四次恳谈会纪要',
        summary: '',
        body: '纪要正文',
        attachments: [],
        pinned: false,
        decisionId: null,
      },
      'demo-organizer',
    );
    const at = new Date(Date.now() + 3 * HOUR).toISOString();
    expect(
      await api.ok('publish', { articleId: id, publishAt: at }, 'demo-organizer'),
    ).toMatchObject({
      status: 'scheduled',
    });
    expect(
      await api.err(
        'publish',
        { articleId: id, publishAt: new Date(start - HOUR).toISOString() },
        'demo-organizer',
      ),
    ).toMatchObject({ code: 'INVALID_INPUT' });

    const db = registryDb();
    expect(await publishDueArticles(new Date(Date.now() + HOUR), db)).toEqual({ published: [] });
    // The demo's meeting notice is due two days after the seed; ours three hours from now.
    const first = await publishDueArticles(new Date(Date.now() + 4 * HOUR), db);
    expect(first.published).toEqual([id]);
    const again = await publishDueArticles(new Date(Date.now() + 4 * HOUR), db);
    expect(again.published).toEqual([]);
    const later = await publishDueArticles(new Date(start + 3 * 24 * HOUR), db);
    expect(later.published).toEqual(['notice-meeting-4']);

    const doc = stored<{ _id: string; status: string; publishedAt: string }>(t, 'articles').find(
      (a) => a._id === id,
    );
    expect(doc?.status).toBe('published');
    expect(Date.parse(doc?.publishedAt ?? '')).toBe(Math.floor(Date.parse(at) / 1000) * 1000);
    const audit = stored<{ action: string; who: string }>(t, 'audit').filter(
      (a) => a.action === 'articles.publishDue',
    );
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.who === 'system:scheduler')).toBe(true);
    expect((await api.ok('list', {}, 'demo-resident-p144')).articles.map((a) => a.id)).toContain(
      id,
    );
  });

  it('gives the last-mile tracker the flats that have not read a notice, by floor', async () => {
    const unread = await unreadUnits('notice-inspection', registryDb());
    expect(unread).toHaveLength(138 - 97);
    const floors = unread.map((u) => u.floor);
    expect(floors).toEqual([...floors].sort((a, b) => a - b));
    const read = new Set(
      stored<{ articleId: string; unitId: string }>(t, 'articleReads')
        .filter((r) => r.articleId === 'notice-inspection')
        .map((r) => r.unitId),
    );
    expect(unread.some((u) => read.has(u.unitId))).toBe(false);
    await expect(unreadUnits('no-such-article', registryDb())).rejects.toThrow('没有找到这篇公告');
  });
});
