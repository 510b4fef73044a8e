import type { LedgerOverviewView, PayLinkInfoView } from '../../typings/api';
import type { ProgressView } from '../pages/progress/view';
import { formatDateTime, formatFen } from './format';
import { collectedCard, payLinkCard, type ShareCardContent, stageCard } from './shareCard';

/**
 * What the progress, ledger and pay-link pages share: the deep link that opens the same page for
 * whoever taps it, its title, and the card's content (drawn by components/share-card).
 */

export const PROGRESS_PATH = '/pages/progress/index';
export const LEDGER_PATH = '/pages/ledger/index';

export function payLinkPath(token: string): string {
  return `/pages/pay/index?link=${encodeURIComponent(token)}`;
}

/** The first 8 hex digits: enough to compare with a printed notice by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

export function progressShareTitle(building: string, view: ProgressView | null): string {
  if (!view) return '同梯 · 换梯进度';
  return `${building || '我们楼'}换电梯：${view.currentLabel}，已完成 ${view.percent}%`;
}

/** The stage, percent done and the next key date: what neighbours ask first. */
export function progressCard(input: {
  building: string;
  view: ProgressView;
  /** ISO instant the card is made at. */
  now: string;
}): ShareCardContent {
  const { view } = input;
  const next = view.nextKey;
  return stageCard({
    building: input.building,
    kicker: view.currentStatus ? `换梯进度 · ${view.currentStatus}` : '换梯进度',
    headline: `当前阶段：${view.currentLabel}`,
    next: next ? `${next.date} ${next.what}` : '',
    percent: view.percent,
    date: formatDateTime(input.now),
  });
}

export function ledgerShareTitle(overview: LedgerOverviewView | null): string {
  if (!overview) return '同梯 · 电梯更换公开账本';
  return `电梯更换公开账本：已筹 ${overview.percentText}，每一笔都可查`;
}

/** Collected against the target, and the head hash to compare with the printed notices. */
export function ledgerCard(input: {
  building: string;
  overview: LedgerOverviewView;
  now: string;
}): ShareCardContent {
  const { overview } = input;
  const hash = overview.headHash ? ` · 哈希 ${shortHash(overview.headHash)}` : '';
  return collectedCard({
    building: input.building,
    kicker: `公开账本 · 共 ${overview.entryCount} 笔${hash}`,
    collected: overview.collectedText,
    target: overview.targetText,
    collectedFen: overview.collectedFen,
    targetFen: overview.targetFen,
    date: formatDateTime(input.now),
  });
}

export function payLinkShareTitle(unitNo: string): string {
  return `请帮 ${unitNo} 缴纳电梯更换分摊款`;
}

/** Which flat, whose, how much is left and until when the link works. */
export function payCard(input: {
  building: string;
  unitNo: string;
  ownerMasked: string;
  leftFen: number;
  expiresAt: string;
  now: string;
}): ShareCardContent {
  return payLinkCard({
    building: input.building,
    unitNo: input.unitNo,
    ownerMasked: input.ownerMasked,
    left: formatFen(input.leftFen),
    expires: input.expiresAt ? formatDateTime(input.expiresAt) : '',
    date: formatDateTime(input.now),
  });
}

export function payInfoCard(input: {
  building: string;
  info: PayLinkInfoView;
  now: string;
}): ShareCardContent {
  return payCard({
    building: input.building,
    unitNo: input.info.unitNo,
    ownerMasked: input.info.ownerMasked,
    leftFen: input.info.leftFen,
    expiresAt: input.info.expiresAt,
    now: input.now,
  });
}
