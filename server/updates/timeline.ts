/**
 * The timeline of the works: the overview every resident (and anyone a link was shared with)
 * reads, the updates under each stage, and the organizer's two writes — posting an update with
 * photos and setting a stage's status and dates. Each write and its audit entry commit together.
 */
import type {
  MilestoneRequest,
  MilestoneView,
  ProgressOverview,
  ProgressUpdateView,
  StageName,
} from '../../typings/api';
import {
  STAGE_LABELS,
  changeMilestone,
  currentStage,
  nextKeyDate,
  percentDone,
  timeline,
  type Milestone,
  type Outage,
  type ProgressUpdate,
} from '../../core/progress';
import { shanghaiDate, shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import { randomId } from '../auth/secrets';
import { AppError } from '../errors';
import { loadBuilding } from '../households/registry';
import { auditEntry } from '../repository/audit';
import { docs, find, inTransaction } from '../repository/docs';
import { docsOf } from '../repository/results';
import { tempUrls } from '../platform';
import { assertCleanText, assertPhotosStored } from './content';
import { milestoneView, outageView, updateView } from './views';

const LATEST = 3;
const PAGE = 20;

function isOrganizer(roles: readonly string[]): boolean {
  return roles.includes('organizer') || roles.includes('admin');
}

async function withUrls(updates: ProgressUpdate[]): Promise<ProgressUpdateView[]> {
  const urls = await tempUrls(updates.flatMap((u) => u.photos.map((p) => p.fileId)));
  return updates.map((u) => updateView(u, urls));
}

/** updates.overview: the timeline, where the works stand, what comes next, the latest updates. */
export async function progressOverview(
  _request: Record<string, never>,
  ctx: UseCaseContext,
): Promise<ProgressOverview> {
  const building = await loadBuilding(ctx.db);
  const today = shanghaiDate(ctx.now);
  const _ = ctx.db.command;
  const [stored, latest, outages, caller] = await Promise.all([
    find<Milestone>(ctx.db, 'milestones', { buildingId: building._id }, { limit: 20 }),
    find<ProgressUpdate>(
      ctx.db,
      'progressUpdates',
      { buildingId: building._id },
      { orderBy: ['postedAt', 'desc'], limit: LATEST },
    ),
    find<Outage>(
      ctx.db,
      'outages',
      { buildingId: building._id, to: _.gte(today) },
      { orderBy: ['from', 'asc'], limit: 20 },
    ),
    ctx.openid ? ctx.caller() : Promise.resolve(null),
  ]);
  const line = timeline(stored, building._id);
  const current = currentStage(line);
  return {
    buildingName: building.name,
    today,
    milestones: line.map((m) => milestoneView(m, today)),
    current,
    currentLabel: current ? STAGE_LABELS[current] : '已全部完成',
    percent: percentDone(line),
    nextKeyDate: nextKeyDate(line, outages, today),
    outages: outages.map((o) => outageView(o, today)),
    latest: await withUrls(latest),
    canPost: caller !== null && isOrganizer(caller.roles),
  };
}

/** updates.updates: a page of updates, newest first, of one stage or all. */
export async function listUpdates(
  request: { stage?: StageName; offset?: number },
  ctx: UseCaseContext,
): Promise<{ updates: ProgressUpdateView[]; more: boolean; today: string }> {
  const building = await loadBuilding(ctx.db);
  const where: Record<string, unknown> = { buildingId: building._id };
  if (request.stage) where.stage = request.stage;
  const found = await docsOf<ProgressUpdate>(
    ctx.db
      .collection('progressUpdates')
      .where(where)
      .orderBy('postedAt', 'desc')
      .skip(request.offset ?? 0)
      .limit(PAGE + 1)
      .get(),
  );
  return {
    updates: await withUrls(found.slice(0, PAGE)),
    more: found.length > PAGE,
    today: shanghaiDate(ctx.now),
  };
}

/** updates.update: one update with its photos. */
export async function getUpdate(
  request: { updateId: string },
  ctx: UseCaseContext,
): Promise<ProgressUpdateView> {
  const update = await docs(ctx.db).get<ProgressUpdate>('progressUpdates', request.updateId);
  if (!update) throw new AppError('NOT_FOUND', '没有找到这条进展');
  const [view] = await withUrls([update]);
  if (!view) throw new AppError('NOT_FOUND', '没有找到这条进展');
  return view;
}

/** updates.post: an organizer's update under a stage, with up to nine stored photos. */
export async function postUpdate(
  request: { stage: StageName; text: string; photos: Array<{ fileId: string; caption: string }> },
  ctx: UseCaseContext,
): Promise<ProgressUpdateView> {
  const caller = await ctx.caller();
  const building = await loadBuilding(ctx.db);
  const photos = request.photos.map((p) => ({
    fileId: p.fileId.trim(),
    caption: p.caption.trim(),
  }));
  await assertPhotosStored(photos.map((p) => p.fileId));
  await assertCleanText([request.text, ...photos.map((p) => p.caption)], caller.openid);
  const update: ProgressUpdate = {
    _id: randomId('pu'),
    buildingId: building._id,
    stage: request.stage,
    text: request.text.trim(),
    photos,
    postedBy: caller.openid,
    postedByLabel: caller.label,
    postedAt: shanghaiIso(ctx.now),
  };
  await inTransaction(ctx.db, async (tx) => {
    const stored = await tx.get<Milestone>('milestones', request.stage);
    const milestone = stored ?? timeline([], building._id).find((m) => m.stage === request.stage);
    if (!milestone) throw new AppError('NOT_FOUND', '没有这个阶段');
    await tx.set('milestones', request.stage, {
      ...milestone,
      updateCount: (milestone.updateCount ?? 0) + 1,
    });
    const { _id, ...fields } = update;
    await tx.set('progressUpdates', _id, fields);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'updates.post', _id, {
        stage: request.stage,
        photos: photos.length,
      }),
    );
  });
  const [view] = await withUrls([update]);
  if (!view) throw new Error('posted update has no view');
  return view;
}

/** updates.setMilestone: a stage's status and dates, under the timeline's rules. */
export async function setMilestone(
  request: MilestoneRequest,
  ctx: UseCaseContext,
): Promise<MilestoneView> {
  const caller = await ctx.caller();
  const building = await loadBuilding(ctx.db);
  const today = shanghaiDate(ctx.now);
  const saved = await inTransaction(ctx.db, async (tx) => {
    // The whole timeline is read in the transaction: the neighbours' states decide what is allowed.
    const stored = await Promise.all(
      timeline([], building._id).map((m) => tx.get<Milestone>('milestones', m.stage)),
    );
    const line = timeline(
      stored.filter((m): m is Milestone => m !== null),
      building._id,
    );
    const { stage, ...change } = request;
    const outcome = changeMilestone(line, stage, change, today);
    if (!outcome.ok) throw new AppError('CONFLICT', outcome.reason);
    const milestone: Milestone = {
      ...outcome.milestone,
      updatedAt: shanghaiIso(ctx.now),
      updatedBy: caller.openid,
    };
    const { _id, ...fields } = milestone;
    await tx.set('milestones', _id, fields);
    await tx.add('audit', auditEntry(ctx, caller, 'updates.setMilestone', stage, { ...change }));
    return milestone;
  });
  return milestoneView(saved, today);
}
