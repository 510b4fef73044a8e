import type {
  InviteSheetFileView,
  NoticeFileView,
  NoticeKindName,
  PublishedLineView,
  PublishedReceiptView,
} from '../../typings/api';
import type { Member, Unit } from '../../core/registry/model';
import type { UseCaseContext } from '../auth/guard';
import { decisionDetail, decisionResults, publishedList } from '../decisions/reading';
import { AppError } from '../errors';
import { BIND_PAGE, BIND_SCENE, issueInviteCodes } from '../households/invites';
import { loadBuilding } from '../households/registry';
import { listExpenses } from '../ledger/expenses';
import { overview } from '../ledger/reading';
import { downloadFile, miniProgramCode, tempUrls, uploadFile } from '../platform';
import { readAll } from '../repository/readAll';
import {
  decisionNoticePdf,
  decisionResultPdf,
  inviteSheetPdf,
  moneySummaryPdf,
  type NoticeCode,
} from './layouts';
import type { RenderedPdf } from './pdf';

/**
 * notices.*: each action reads what the matching page shows (through the same use cases, so the
 * paper never says more than the screen), draws the A4 PDF with the mini program code that
 * opens that page, puts it in cloud storage and answers with its fileID and a download address.
 */

export const NOTICE_PAGES = {
  decision: 'pages/decision-detail/index',
  result: 'pages/decision-results/index',
  money: 'pages/ledger/index',
} as const;

/** WeChat's scene is at most 32 visible characters; `id=<decisionId>` fits our ids (17). */
export function decisionScene(decisionId: string): string | null {
  const scene = `id=${decisionId}`;
  return scene.length <= 32 && /^[0-9A-Za-z\-_.=]+$/.test(scene) ? scene : null;
}

async function codeFor(scene: string | null, page: string): Promise<NoticeCode> {
  return { png: scene ? await miniProgramCode(scene, page) : null };
}

/** Characters a file name on a phone or a print shop's PC may not hold. */
function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40);
}

async function store(
  kind: NoticeKindName,
  key: string,
  name: string,
  rendered: RenderedPdf,
  now: Date,
): Promise<NoticeFileView> {
  const fileId = await uploadFile(`notices/${kind}/${key}-${now.getTime()}.pdf`, rendered.pdf);
  const url = (await tempUrls([fileId])).get(fileId) ?? '';
  return {
    kind,
    fileId,
    url,
    fileName: `${name}.pdf`,
    pages: rendered.pages,
    bytes: rendered.pdf.length,
    missingCharacters: rendered.missing,
  };
}

export async function decisionNotice(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<NoticeFileView> {
  const [building, decision] = await Promise.all([
    loadBuilding(ctx.db),
    decisionDetail(request, ctx),
  ]);
  if (decision.status === 'draft') {
    throw new AppError('CONFLICT', '议题还是草稿，发布公示后才能打印公告');
  }
  const code = await codeFor(decisionScene(decision.id), NOTICE_PAGES.decision);
  const rendered = await decisionNoticePdf({
    building: building.name,
    decision,
    code,
    now: ctx.now,
  });
  return store(
    'decision',
    decision.id,
    `${fileNamePart(building.name)}-表决公告-${fileNamePart(decision.title)}`,
    rendered,
    ctx.now,
  );
}

const PAGE_SIZE = 1000;

export async function decisionResult(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<NoticeFileView> {
  const [building, decision] = await Promise.all([
    loadBuilding(ctx.db),
    decisionDetail(request, ctx),
  ]);
  if (decision.status !== 'preliminary' && decision.status !== 'final') {
    throw new AppError('CONFLICT', '表决结果公示后才能打印结果');
  }
  const results = await decisionResults(request, ctx);
  const lines: PublishedLineView[] = [];
  const receipts = new Map<string, PublishedReceiptView>();
  for (let offset: number | null = 0; offset !== null;) {
    const page = await publishedList({ ...request, offset, limit: PAGE_SIZE }, ctx);
    lines.push(...page.lines);
    // An open decision's receipts ride on its lines; a receipts decision lists them apart.
    for (const r of page.receipts) receipts.set(r.receipt, r);
    for (const l of page.lines) {
      if (l.receipt && l.receiptShort && l.choice && l.choiceLabel) {
        receipts.set(l.receipt, {
          receipt: l.receipt,
          receiptShort: l.receiptShort,
          choice: l.choice,
          choiceLabel: l.choiceLabel,
        });
      }
    }
    offset = page.nextOffset;
  }
  const code = await codeFor(decisionScene(decision.id), NOTICE_PAGES.result);
  const rendered = await decisionResultPdf({
    building: building.name,
    decision,
    results,
    lines,
    receipts: [...receipts.values()].sort((a, b) => (a.receipt < b.receipt ? -1 : 1)),
    code,
    now: ctx.now,
  });
  const kind = decision.status === 'final' ? '最终结果' : '初步结果';
  return store(
    'result',
    decision.id,
    `${fileNamePart(building.name)}-表决${kind}-${fileNamePart(decision.title)}`,
    rendered,
    ctx.now,
  );
}

export async function moneySummary(
  _request: Record<string, never>,
  ctx: UseCaseContext,
): Promise<NoticeFileView> {
  const [building, ledger, { expenses }, code] = await Promise.all([
    loadBuilding(ctx.db),
    overview(ctx),
    listExpenses(ctx),
    codeFor('ledger', NOTICE_PAGES.money),
  ]);
  const rendered = await moneySummaryPdf({
    building: building.name,
    overview: ledger,
    expenses,
    code,
    now: ctx.now,
  });
  return store(
    'money',
    'summary',
    `${fileNamePart(building.name)}-收支公示-${ledger.entryCount}条`,
    rendered,
    ctx.now,
  );
}

/** What the lobby sheet tells a resident to do (the page shows the same three steps). */
const INVITE_STEPS = [
  '用微信“扫一扫”扫描上面的小程序码（也可以打开小程序，点“我的”→“绑定房屋”）',
  '在下表找到您家的房号，输入旁边的邀请码',
  '选择“业主”或“家属或租户”，填写姓名后提交，换梯小组核实后即可使用',
] as const;

/** Flats that no one has bound yet (no owner or resident approved on them). */
async function unboundUnitIds(ctx: UseCaseContext): Promise<string[]> {
  const [units, members] = await Promise.all([
    readAll<Unit>(ctx.db, 'units', {}),
    readAll<Member>(ctx.db, 'members', {}),
  ]);
  const bound = new Set(members.flatMap((m) => m.links.map((l) => l.unitId)));
  return units.filter((u) => u.status !== 'unsold' && !bound.has(u._id)).map((u) => u._id);
}

export async function inviteSheet(
  request: { scope?: 'all' | 'unbound' | undefined },
  ctx: UseCaseContext,
): Promise<InviteSheetFileView> {
  const building = await loadBuilding(ctx.db);
  let unitIds: string[] | undefined;
  if (request.scope === 'unbound') {
    unitIds = await unboundUnitIds(ctx);
    if (unitIds.length === 0)
      throw new AppError('CONFLICT', '每套房屋都已有人绑定，无需打印邀请码');
  }
  const sheet = await issueInviteCodes({ unitIds }, ctx);
  const png = sheet.qrFileId
    ? await downloadFile(sheet.qrFileId)
    : await miniProgramCode(BIND_SCENE, BIND_PAGE);
  const rendered = await inviteSheetPdf({
    building: building.name,
    issuedAt: sheet.issuedAt,
    rows: sheet.rows,
    steps: INVITE_STEPS,
    code: { png },
    now: ctx.now,
  });
  const file = await store(
    'invites',
    'sheet',
    `${fileNamePart(building.name)}-邀请码名单-${sheet.rows.length}户`,
    rendered,
    ctx.now,
  );
  return { ...file, ...sheet };
}
