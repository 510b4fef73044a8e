import { demoBuilding } from '../../cli/seed';
import type { Person } from '../../core/registry/model';
import { parseWxacodeText } from '../../localcloud/openapi';
import type { NoticeFileView } from '../../typings/api';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { readPdf, type PdfReading } from '../helpers/pdfText';
import { functionClient, type FunctionClient } from './functionClient';

/**
 * The notices function through the real SDK against the local cloud with the demo building:
 * each notice is a real A4 PDF in storage whose text says what the page says (and names nobody),
 * carries the mini program code of the right page, and comes with a download address.
 */

const ORGANIZER = 'demo-organizer';
const STAFF = 'demo-staff1';
const TREASURER = 'demo-treasurer';

describe('notices function', () => {
  let t: TestCloud;
  let api: FunctionClient<'notices'>;
  const seed = demoBuilding(Date.now());
  const names = (seed.collections.people as readonly Person[]).map((p) => p.name);

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections, seedFiles: seed.files });
    api = functionClient(t, 'notices');
  });
  afterAll(() => t.stop());

  async function pdfOf(file: NoticeFileView): Promise<{ bytes: Buffer; read: PdfReading }> {
    const bytes = await t.cloud.storage.readFile(file.fileId);
    if (!bytes) throw new Error(`${file.fileId} is not in storage`);
    expect(bytes.length).toBe(file.bytes);
    const read = await readPdf(bytes);
    expect(read.pages).toBe(file.pages);
    return { bytes, read };
  }

  function lastCode(): { page: string; query: Record<string, string> } | null {
    const entry = t.cloud.outbox.list('openapi.wxacode.getUnlimited').at(-1);
    return parseWxacodeText(String(entry?.text ?? ''));
  }

  function namesIn(text: string): string[] {
    return names.filter((name) => name.length >= 2 && text.includes(name));
  }

  it("prints a decision's notice with its plans, rule, documents and the code that opens it", async () => {
    const file = await api.ok('decisionNotice', { decisionId: 'd-elevator-plan' }, STAFF);
    expect(file).toMatchObject({ kind: 'decision', missingCharacters: [] });
    expect(file.fileName).toBe('慈爱鑫和公寓-表决公告-电梯更换方案表决.pdf');
    expect(file.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const download = await fetch(file.url);
    expect(download.status).toBe(200);
    const { bytes, read } = await pdfOf(file);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(read.pages).toBeGreaterThanOrEqual(1);
    expect(read.pages).toBeLessThanOrEqual(3);
    expect(bytes.length).toBeLessThan(200_000);
    for (const text of [
      '电梯更换方案表决',
      '表决公告',
      '保留导轨，更换其余部件',
      '¥980,000.00',
      '¥1,260,000.00',
      '四分之三',
      '两部电梯第三方检测报告',
      '截止前可以改票，以最后一次为准',
    ]) {
      expect(read.compact).toContain(text);
    }
    expect(lastCode()).toEqual({
      page: 'pages/decision-detail/index',
      query: { scene: 'id=d-elevator-plan' },
    });
  });

  it('prints the final result: totals, every voting flat with its area, receipts, no names', async () => {
    const file = await api.ok('decisionResult', { decisionId: 'd-elevator-plan' }, ORGANIZER);
    expect(file.kind).toBe('result');
    expect(file.fileName).toContain('表决最终结果');
    const { read } = await pdfOf(file);
    expect(read.compact).toContain('表决结果（最终）');
    expect(read.compact).toContain('通过（方案A）');
    const lines = await t.call(
      'decisions',
      { action: 'published', decisionId: 'd-elevator-plan' },
      ORGANIZER,
    );
    const published = (
      lines.body as {
        result: { data: { lines: { unitNo: string; area: string; receiptShort: string }[] } };
      }
    ).result.data.lines;
    expect(published.length).toBeGreaterThan(90);
    expect(read.compact).toContain(`参与表决的房屋（${published.length}套）`);
    for (const line of published) {
      expect(read.compact).toContain(`${line.unitNo}${line.area}`);
      expect(read.compact).toContain(line.receiptShort);
    }
    expect(namesIn(read.compact)).toEqual([]);
    expect(lastCode()).toEqual({
      page: 'pages/decision-results/index',
      query: { scene: 'id=d-elevator-plan' },
    });
  });

  it('prints the money summary with the head hash of the public ledger', async () => {
    const overview = await t.call('ledger', { action: 'overview' }, TREASURER);
    const head = (overview.body as { result: { data: { headHash: string; entryCount: number } } })
      .result.data;
    const file = await api.ok('moneySummary', {}, TREASURER);
    const { read } = await pdfOf(file);
    expect(read.compact).toContain('电梯更换费用收支公示');
    expect(read.compact).toContain(head.headHash);
    expect(read.compact).toContain(`账本共${head.entryCount}条`);
    expect(read.compact).toContain('合同定金');
    expect(read.compact).toContain('上海申联电梯工程有限公司');
    expect(namesIn(read.compact)).toEqual([]);
    expect(lastCode()).toEqual({ page: 'pages/ledger/index', query: { scene: 'ledger' } });
  });

  it('refuses a notice for a decision that is not posted, and a result before it is published', async () => {
    const draft = await t.call(
      'decisions',
      {
        action: 'create',
        title: '楼道粉刷',
        matter: 'other',
        question: { kind: 'proposal', text: '是否粉刷楼道？' },
      },
      ORGANIZER,
    );
    const draftId = (draft.body as { result: { data: { id: string } } }).result.data.id;
    expect(await api.err('decisionNotice', { decisionId: draftId }, ORGANIZER)).toMatchObject({
      code: 'CONFLICT',
      message: '议题还是草稿，发布公示后才能打印公告',
    });
    expect(
      await api.err('decisionResult', { decisionId: 'd-outage-arrangements' }, ORGANIZER),
    ).toMatchObject({ code: 'CONFLICT', message: '表决结果公示后才能打印结果' });
    expect((await api.err('decisionNotice', { decisionId: 'd-none' }, ORGANIZER)).code).toBe(
      'NOT_FOUND',
    );
  });

  it('prints the lobby invite sheet over several A4 pages; printing again revokes the old codes', async () => {
    const sheet = await api.ok('inviteSheet', {}, ORGANIZER);
    expect(sheet.rows.length).toBe(137);
    expect(sheet.fileName).toBe('慈爱鑫和公寓-邀请码名单-137户.pdf');
    const { read } = await pdfOf(sheet);
    expect(read.pages).toBeGreaterThanOrEqual(2);
    expect(read.pages).toBeLessThanOrEqual(4);
    for (const row of sheet.rows) expect(read.compact).toContain(`${row.unitNo}${row.code}`);
    for (const page of read.pageTexts) {
      // Each page posted on its own still says what to do when the sheet is lost.
      expect(page.replace(/\s+/g, '')).toContain('名单遗失或损坏时，请联系换梯小组重新打印');
      expect(page.replace(/\s+/g, '')).toContain('本名单上的邀请码随即作废');
    }
    expect(lastCode()).toEqual({ page: 'pages/bind/index', query: { scene: 'bind' } });

    const old = sheet.rows[0];
    if (!old) throw new Error('no rows');
    const unbound = await api.ok('inviteSheet', { scope: 'unbound' }, ORGANIZER);
    expect(unbound.rows.length).toBeGreaterThan(0);
    expect(unbound.rows.length).toBeLessThan(137);
    const bindings = await t.call(
      'households',
      { action: 'requestBinding', code: unbound.rows[0]?.code, as: 'resident', name: '访客' },
      'wx-notice-visitor',
    );
    expect((bindings.body as { result: { ok: boolean } }).result.ok).toBe(true);
    // A flat printed again lost its earlier code; a bound flat left out kept it.
    const reprinted = new Set(unbound.rows.map((r) => r.unitId));
    const revoked = sheet.rows.find((r) => reprinted.has(r.unitId));
    const kept = sheet.rows.find((r) => !reprinted.has(r.unitId));
    const tryCode = async (code: string | undefined): Promise<boolean> => {
      const r = await t.call(
        'households',
        { action: 'requestBinding', code, as: 'resident', name: '访客' },
        `wx-notice-${code ?? ''}`,
      );
      return (r.body as { result: { ok: boolean } }).result.ok;
    };
    expect(await tryCode(revoked?.code)).toBe(false);
    expect(await tryCode(kept?.code)).toBe(true);
  });
});
