import { config } from '../config';
import { currentPage, reLaunch, reportError, type PageEntry } from '../router';
import { h, isRecord, str, stringifyQuery } from '../util';
import { openSheet, sheetButton, showToast } from './ui';

/**
 * Sharing: the page's onShareAppMessage is asked (from the capsule menu or an
 * open-type="share" button) and the card it describes is shown with its path, which can be
 * opened as the friend would open it.
 */

export interface ShareCard {
  title: string;
  path: string;
  imageUrl: string;
}

function appName(): string {
  const w = config().appJson.window;
  return isRecord(w) ? str(w.navigationBarTitleText, '小程序') : '小程序';
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);
}

export async function shareCardOf(
  entry: PageEntry,
  from: Record<string, unknown>,
): Promise<ShareCard | null> {
  const fn = entry.instance.onShareAppMessage;
  if (typeof fn !== 'function') return null;
  let res: unknown;
  try {
    res = fn.call(entry.instance, from);
  } catch (e) {
    reportError(`${entry.path} onShareAppMessage: ${(e as Error).message}`, e);
    return null;
  }
  let card = isRecord(res) ? res : {};
  if (card.promise instanceof Promise) {
    const later = await withTimeout(card.promise as Promise<unknown>, 3000);
    if (isRecord(later)) card = { ...card, ...later };
  }
  return {
    title: str(card.title, entry.title ?? appName()),
    path: str(card.path, `/${entry.path}${stringifyQuery(entry.query)}`),
    imageUrl: str(card.imageUrl),
  };
}

export function showShareCard(card: ShareCard): void {
  openSheet('发送给朋友', (sheet) => {
    const box = h('div', 'pv-share');
    box.dataset.path = card.path;
    const head = h('div', 'pv-share__app');
    head.append(h('span', 'pv-share__logo'), h('span', '', appName()));
    const image = h('div', 'pv-share__image');
    if (card.imageUrl) {
      const img = h('img');
      img.src = card.imageUrl;
      img.alt = '分享图';
      image.append(img);
    } else {
      image.classList.add('pv-share__image--none');
      image.textContent = '页面截图';
    }
    box.append(
      head,
      h('div', 'pv-share__title', card.title),
      image,
      h('div', 'pv-share__foot', '小程序'),
    );
    sheet.body.append(box);
    const path = h('code', 'pv-share__path', card.path);
    sheet.body.append(path);
    sheet.body.append(
      sheetButton('以朋友身份打开', 'primary', () => {
        sheet.close();
        try {
          reLaunch(card.path);
        } catch (e) {
          reportError(`share path ${card.path}: ${(e as Error).message}`, e);
        }
      }),
      sheetButton('关闭', 'default', () => sheet.close()),
    );
  });
}

/** onShareTimeline: a title, a query for this page and a square image, shown the same way. */
export async function shareTimeline(): Promise<void> {
  const entry = currentPage();
  const fn = entry?.instance.onShareTimeline;
  if (!entry || typeof fn !== 'function') return;
  let res: unknown;
  try {
    res = fn.call(entry.instance);
  } catch (e) {
    reportError(`${entry.path} onShareTimeline: ${(e as Error).message}`, e);
    return;
  }
  const card = isRecord(res) ? res : {};
  const query = str(card.query);
  showShareCard({
    title: str(card.title, entry.title ?? appName()),
    path: `/${entry.path}${query ? `?${query}` : ''}`,
    imageUrl: str(card.imageUrl),
  });
}

export async function shareFrom(from: Record<string, unknown>): Promise<void> {
  const entry = currentPage();
  if (!entry) return;
  const card = await shareCardOf(entry, { webViewUrl: '', ...from });
  if (!card) {
    showToast({
      title: '当前页面未设置分享',
      icon: 'none',
      duration: 1500,
      mask: false,
      kind: 'toast',
    });
    return;
  }
  showShareCard(card);
}
