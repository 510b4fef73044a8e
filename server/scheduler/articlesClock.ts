import { publishDueArticles } from '../articles/schedule';
import { type Clock, emptyReport } from './clock';

/**
 * Scheduled publication: articles whose time has come are published (each in its own conditional
 * transaction, so overlapping runs publish each once), and the run log says which.
 */
export const articlesClock: Clock = {
  name: 'articles',
  async run(ctx) {
    const report = emptyReport();
    const { published } = await publishDueArticles(ctx.now, ctx.db, `scheduler:${ctx.runId}`);
    for (const id of published) report.notes.push(`已按计划发布文章：${id}`);
    return report;
  },
};
