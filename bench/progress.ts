import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { png } from '../cli/seed/photos';
import {
  timeline,
  type HelpRequest,
  type Milestone,
  type Outage,
  type ProgressUpdate,
} from '../core/progress';
import { addDays, shanghaiIso } from '../core/registry/time';
import { DEFAULT_ENV_ID } from '../localcloud/sdkEnv';
import { buildFileId } from '../localcloud/storage/fileIds';
import { OPENID_HEADER, startLocalCloud, type LocalCloud } from '../localcloud/server';
import type { Unit } from '../core/registry/model';
import type { ApiResult } from '../typings/api';
import { ORGANIZER } from '../test/helpers/decisionsTower';
import { progressTower } from '../test/helpers/progressTower';
import type { Row } from './table';

/**
 * Requests behind each progress page, on a 138-flat tower and a 10,000-unit one: the function
 * calls a page makes when it opens, the database requests and storage requests (temporary photo
 * addresses) of those calls, and their time. The timeline holds 40 updates of three photos each,
 * one outage with a help request from every registered household but a few.
 */
const SIZES = [138, 10_000] as const;
const UPDATES = 40;
const PHOTOS = 3;

async function call(
  cloud: LocalCloud,
  data: Record<string, unknown>,
  openid: string,
): Promise<ApiResult<unknown>> {
  const res = await fetch(`${cloud.url}/functions/updates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ data }),
  });
  if (!res.ok) throw new Error(`updates.${String(data.action)} answered HTTP ${res.status}`);
  return ((await res.json()) as { result: ApiResult<unknown> }).result;
}

function worksOf(units: readonly Unit[], people: ReadonlyArray<{ _id: string; elderly: boolean }>) {
  const now = Date.now();
  const day = (n: number): string => addDays(now, n);
  const buildingId = units[0]?.buildingId ?? '';
  const files: Record<string, Buffer> = {};
  const photo = (n: number): string => {
    const path = `progress/bench/${n}.png`;
    files[path] = png(32, 24, (x, y) => [(x * n) % 255, (y * 7) % 255, 120]);
    return buildFileId(DEFAULT_ENV_ID, path);
  };
  const updates: ProgressUpdate[] = Array.from({ length: UPDATES }, (_, i) => ({
    _id: `pu-${i}`,
    buildingId,
    stage: i < 20 ? 'inspection' : 'planVote',
    text: `第 ${i + 1} 条进展`,
    photos: Array.from({ length: PHOTOS }, (_p, k) => ({
      fileId: photo(i * PHOTOS + k),
      caption: '',
    })),
    postedBy: ORGANIZER,
    postedByLabel: '换梯小组',
    postedAt: shanghaiIso(now - (UPDATES - i) * 3600_000),
  }));
  const milestones: Milestone[] = timeline([], buildingId).map((m, i) => ({
    ...m,
    status: i === 0 ? 'done' : i === 1 ? 'active' : 'pending',
    actualStart: i < 2 ? day(-30 + i * 10) : null,
    actualEnd: i === 0 ? day(-21) : null,
    plannedStart: day(i * 10),
    plannedEnd: day(i * 10 + 8),
    updateCount: i === 0 ? 20 : i === 1 ? 20 : 0,
  }));
  const outage: Outage = {
    _id: 'og-bench',
    buildingId,
    elevator: '1号梯',
    from: day(20),
    to: day(49),
    note: '',
    publishedAt: shanghaiIso(now),
    publishedBy: ORGANIZER,
  };
  const elderly = new Set(people.filter((p) => p.elderly).map((p) => p._id));
  const flagged = units.filter((u) => u.ownerIds.some((o) => elderly.has(o)));
  // Every registered household but every fifth asks once; a third of those have a volunteer.
  const helpRequests: HelpRequest[] = flagged
    .filter((_u, i) => i % 5 !== 4)
    .map((u, i) => ({
      _id: `${outage._id}:${u._id}`,
      buildingId,
      outageId: outage._id,
      unitId: u._id,
      unitNo: u.unitNo,
      floor: u.floor,
      kind: 'groceries',
      date: day(21 + (i % 20)),
      slot: 'morning',
      note: '',
      requestedBy: ORGANIZER,
      requestedAt: shanghaiIso(now),
      status: 'open',
      volunteers:
        i % 3 === 0 ? [{ openid: ORGANIZER, label: '换梯小组', at: shanghaiIso(now) }] : [],
    }));
  return {
    collections: { milestones, progressUpdates: updates, outages: [outage], helpRequests },
    files,
    flagged: flagged.length,
  };
}

export async function benchProgress(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of SIZES) {
    const tower = progressTower(size);
    const units = tower.collections.units as Unit[];
    const people = tower.collections.people as Array<{ _id: string; elderly: boolean }>;
    const works = worksOf(units, people);
    const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-progress-'));
    const cloud = await startLocalCloud({
      dataDir,
      functionsDir: join(__dirname, '..', 'cloudfunctions'),
      port: 0,
      seed: { ...tower.collections, ...works.collections },
      seedFiles: works.files,
    });
    try {
      const measure = async (
        page: string,
        data: Record<string, unknown>,
        openid: string,
      ): Promise<void> => {
        const before = cloud.outbox.list('storage.getTempFileURL').length;
        await call(cloud, data, openid); // warm the worker
        const started = Date.now();
        const result = await call(cloud, data, openid);
        const ms = Date.now() - started;
        if (!result.ok) throw new Error(`${page}: ${result.code} ${result.message}`);
        const record = cloud
          .invocations()
          .find((r) => r.functionName === 'updates' && r.action === data.action);
        const storage = (cloud.outbox.list('storage.getTempFileURL').length - before) / 2;
        rows.push({
          page,
          units: size,
          'registered households': works.flagged,
          'function calls': 1,
          'db requests': record?.dbRequests ?? -1,
          'storage requests': storage,
          ms,
        });
      };
      await measure('进度 tab (resident)', { action: 'overview' }, tower.elderly.openid);
      await measure('进度 tab (shared link, not signed in)', { action: 'overview' }, '');
      await measure(
        'update with 3 photos',
        { action: 'update', updateId: 'pu-7' },
        tower.elderly.openid,
      );
      await measure(
        'updates of a stage (20 a page)',
        { action: 'updates', stage: 'planVote' },
        tower.elderly.openid,
      );
      await measure(
        'outage (resident)',
        { action: 'outage', outageId: 'og-bench' },
        tower.elderly.openid,
      );
      await measure(
        'outage (organizer: coverage)',
        { action: 'outage', outageId: 'og-bench' },
        ORGANIZER,
      );
    } finally {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}
