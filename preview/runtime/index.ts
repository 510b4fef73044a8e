import exparser from 'miniprogram-exparser';
import utils from 'j-component/src/tool/utils';

import { defineBasicBuiltins } from './builtins/basic';
import { defineFormBuiltins } from './builtins/form';
import { createChrome, tabItems, type Chrome } from './chrome';
import { config } from './config';
import { BUILTIN_CSS, CHROME_CSS } from './css';
import { installPointerBridge, silenceRootScrollForwarding } from './events';
import { appHook, installConstructors, launchApp } from './framework';
import {
  currentPage,
  cycleTopPage,
  initRouter,
  launchTarget,
  navigateBack,
  openFromHash,
  pageStack,
  reLaunch,
  reportError,
  switchTab,
} from './router';
import { transformInlineRpx } from './rpx';
import { patchSelectorQuery } from './selectorQuery';
import { injectCss, injectGlobalStyles } from './styles';
import { h, stringifyQuery, warnOnce } from './util';
import {
  chooseIdentity,
  currentIdentity,
  knownIdentities,
  loadIdentities,
  pendingCalls,
} from './wx/cloud';
import { createWx, emitApp } from './wx/index';
import { getCurrentPages } from './wx/nav';
import { shareFrom, shareTimeline } from './wx/share';
import { largeType, setLargeType } from './wx/system';
import { initUi, showActionSheet } from './wx/ui';

/**
 * Boots the preview: built-ins and constructors first, then the phone frame, the identity the
 * calls run as, App (onLaunch/onShow) and the page the location hash names.
 */

function homePath(): string {
  return `/${tabItems()[0]?.pagePath ?? config().pages[0] ?? ''}`;
}

function handlers(): Parameters<typeof createChrome>[1] {
  return {
    back: () => navigateBack(1),
    home: () => reLaunch(homePath()),
    menu: () => {
      const top = currentPage();
      const items: [string, () => void][] = [
        ['转发给朋友', () => void shareFrom({ from: 'menu' })],
      ];
      if (top && typeof top.instance.onShareTimeline === 'function') {
        items.push(['分享到朋友圈', () => void shareTimeline()]);
      }
      items.push([
        '重新进入小程序',
        () => top && reLaunch(`/${top.path}${stringifyQuery(top.query)}`),
      ]);
      void showActionSheet(
        items.map(([label]) => label),
        { itemColor: '#000000' },
      ).then((i) => {
        if (i !== null) items[i]?.[1]();
      });
    },
    tab: (pagePath, index) => {
      const item = tabItems()[index];
      try {
        switchTab(`/${pagePath}`);
      } catch (e) {
        reportError((e as Error).message, e);
        return;
      }
      const now = currentPage();
      if (now && item && typeof now.instance.onTabItemTap === 'function') {
        (now.instance.onTabItemTap as (o: unknown) => void)({ index, pagePath, text: item.text });
      }
    },
  };
}

/** Leaving WeChat and coming back: what a user does to change the system font size. */
function relaunchForSettings(): void {
  appHook('onHide');
  emitApp('hide', {});
  cycleTopPage();
  appHook('onShow', { path: currentPage()?.path ?? '', query: {}, scene: 1001 });
  emitApp('show', {});
}

function buildToolbar(chrome: Chrome, serverOk: boolean): void {
  const bar = chrome.toolbar;
  bar.append(h('span', 'pv-toolbar__brand', '同梯 · 小程序预览'));
  const who = h('label');
  who.append(h('span', '', '身份'));
  const select = h('select');
  select.name = 'identity';
  select.title = '以此身份调用云函数';
  for (const id of knownIdentities()) {
    const opt = h('option', '', id.role ? `${id.label}（${id.role}）` : id.label);
    opt.value = id.openid;
    select.append(opt);
  }
  select.value = currentIdentity().openid;
  select.addEventListener('change', () => {
    chooseIdentity(select.value);
    location.reload();
  });
  who.append(select);
  const large = h('label');
  const box = h('input');
  box.type = 'checkbox';
  box.name = 'large-type';
  box.checked = largeType();
  box.addEventListener('change', () => {
    setLargeType(box.checked);
    chrome.screen.classList.toggle('pv-large', box.checked);
    relaunchForSettings();
  });
  large.append(box, h('span', '', '系统大字'));
  const path = h('div', 'pv-toolbar__path');
  bar.addEventListener('pv-path', (e) => (path.textContent = String((e as CustomEvent).detail)));
  bar.append(who, large, path);
  if (!serverOk) {
    bar.append(
      h('div', 'pv-toolbar__warn', '未连上本地云（/api/identities）：调用会失败，页面仍可查看。'),
    );
  }
  chrome.screen.classList.toggle('pv-large', largeType());
}

/** Reloads when a new build lands; shows a failed build's error until the next good one. */
function liveReload(chrome: Chrome): void {
  const tick = async (): Promise<void> => {
    if (document.visibilityState === 'visible') {
      try {
        const res = await fetch('build.json', { cache: 'no-store' });
        if (res.ok) {
          const body = (await res.json()) as { buildId?: string; error?: string };
          chrome.setBuildError(body.error ?? null);
          if (!body.error && body.buildId && body.buildId !== config().buildId) {
            location.reload();
            return;
          }
        }
      } catch {
        // server restarting: try again on the next tick
      }
    }
    window.setTimeout(() => void tick(), 1000);
  };
  window.setTimeout(() => void tick(), 1000);
}

async function boot(): Promise<void> {
  injectCss('builtin', BUILTIN_CSS);
  injectCss('chrome', CHROME_CSS);
  const g = globalThis as Record<string, unknown>;
  g.__webview_engine_version__ = 0.02;
  utils.transformRpx = (style: string) => transformInlineRpx(style);
  patchSelectorQuery();
  silenceRootScrollForwarding();
  defineBasicBuiltins();
  defineFormBuiltins();
  installConstructors();
  exparser.addGlobalErrorListener((err) => {
    reportError(err instanceof Error ? err.message : String(err), err);
    return false;
  });
  window.addEventListener('unhandledrejection', (e) => {
    const r: unknown = e.reason;
    const msg =
      r && typeof r === 'object' && 'errMsg' in r
        ? String((r as { errMsg: unknown }).errMsg)
        : String(r);
    reportError(`unhandled rejection: ${msg}`, r);
  });
  for (const w of config().warnings) warnOnce(w, w);

  const rootEl = document.getElementById('pv-root') ?? document.body.appendChild(h('div'));
  const chrome = createChrome(rootEl, handlers());
  initUi(chrome.layer);
  initRouter(chrome);
  g.wx = createWx(chrome);
  g.getCurrentPages = getCurrentPages;
  installPointerBridge(chrome.screen);
  injectGlobalStyles();

  const { ok } = await identities;
  buildToolbar(chrome, ok);
  const target = launchTarget();
  try {
    launchApp(target);
  } catch (e) {
    reportError(`app.ts: ${(e as Error).message}`, e);
  }
  openFromHash();
  g.__ttPreview = {
    ready: true,
    pendingCalls,
    pages: () => pageStack().map((p) => p.path),
  };
  document.documentElement.dataset.pvReady = '1';
  liveReload(chrome);
}

// Asked for while the rest of the page loads: App.onLaunch may already call the cloud.
const identities = loadIdentities();

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => void boot());
} else {
  void boot();
}
