import { demoBuilding } from '../../cli/seed';
import type { Decision } from '../../core/decisions';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { fileKind, readPdf } from '../helpers/pdfText';

/**
 * Every file the demo building points to — the decision's 检测报告, 报价 and 方案比较, article
 * attachments and pictures, photos of works, signed ballots, proxy forms, cash receipts, the
 * contractor's invoice — is in the local cloud's storage once the seed is loaded, and is what its
 * link promises: a PDF that a reader opens (with the text it should have) or an image.
 */

const FILE_ID = /cloud:\/\/[^\s)"'\]]+/g;

function fileIdsIn(value: unknown, where: string, out: Map<string, string>): void {
  if (typeof value === 'string') {
    for (const id of value.match(FILE_ID) ?? []) out.set(id, where);
  } else if (Array.isArray(value)) {
    for (const item of value) fileIdsIn(item, where, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) fileIdsIn(item, `${where}.${key}`, out);
  }
}

describe('the demo seed stores every document it references', () => {
  let t: TestCloud;
  const seed = demoBuilding(Date.now());

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections, seedFiles: seed.files });
  });
  afterAll(() => t.stop());

  it('finds each referenced file in storage as a PDF or an image matching its name', async () => {
    const ids = new Map<string, string>();
    for (const [name, docs] of Object.entries(seed.collections)) fileIdsIn(docs, name, ids);
    const where = new Set(ids.values());
    for (const kind of [
      'decisions.documents.fileId',
      'ballots.photoFileId',
      'proxies.evidenceFileId',
      'articles.attachments.fileId',
      'cashReceipts.photoFileId',
      'expenses.invoiceFileId',
    ]) {
      expect(where).toContain(kind);
    }
    const problems: string[] = [];
    for (const [id, at] of ids) {
      const bytes = await t.cloud.storage.readFile(id);
      const kind = bytes ? fileKind(bytes) : null;
      const extension = id.split('.').pop() ?? '';
      const expected = { pdf: 'pdf', png: 'png', jpg: 'jpeg', jpeg: 'jpeg' }[extension];
      if (!bytes) problems.push(`${at}: ${id} is not in storage`);
      else if (kind === null || kind !== expected) problems.push(`${at}: ${id} holds ${kind}`);
    }
    expect(problems).toEqual([]);
  });

  it("stores the plan's inspection report, quotes and comparison as readable Chinese PDFs", async () => {
    const plan = (seed.collections.decisions as readonly Decision[]).find(
      (d) => d._id === 'd-elevator-plan',
    );
    const expected: Record<string, string[]> = {
      inspection: ['电梯安全评估报告', '无法通过维修恢复安全运行', '导轨及支架', '可保留'],
      quote: ['三家电梯公司报价汇总', '上海申联电梯工程有限公司', '¥980,000.00', '¥1,260,000.00'],
      comparison: ['方案比较表', '方案A：保留导轨，更换其余部件', '停梯安排', '约45天'],
    };
    expect(plan?.documents.map((d) => d.kind)).toEqual(['inspection', 'quote', 'comparison']);
    for (const doc of plan?.documents ?? []) {
      const bytes = await t.cloud.storage.readFile(doc.fileId);
      if (!bytes) throw new Error(`${doc.fileId} missing`);
      const read = await readPdf(bytes);
      expect(read.pages).toBeGreaterThanOrEqual(1);
      expect(read.pages).toBeLessThanOrEqual(3);
      for (const text of expected[doc.kind] ?? ['(no expectation)']) {
        expect(read.compact).toContain(text);
      }
    }
  });
});
