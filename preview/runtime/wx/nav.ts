import type { Chrome } from '../chrome';
import { tabItems } from '../chrome';
import {
  currentPage,
  navigateBack,
  navigateTo,
  NavError,
  pageStack,
  startPullDownRefresh,
  stopPullDownRefresh,
  reLaunch,
  redirectTo,
  renderChrome,
  switchTab,
} from '../router';
import { num, str } from '../util';
import { asyncApi, fail, type Options, type Result } from './callback';

/** Navigation, navigation bar, tab bar and page scroll APIs. */

function navApi(
  api: string,
  run: (o: Options) => Result | void,
): (o?: unknown) => Promise<Result> | undefined {
  return asyncApi(api, (o) => {
    try {
      return run(o);
    } catch (e) {
      if (e instanceof NavError) throw fail(api, e.message);
      throw e;
    }
  });
}

function tabIndex(o: Options): number {
  return Math.floor(num(o.index, -1));
}

export function navApis(chrome: Chrome): Record<string, unknown> {
  const nav = (apply: (e: NonNullable<ReturnType<typeof currentPage>>) => void) => {
    const top = currentPage();
    if (top) apply(top);
    renderChrome();
  };
  return {
    navigateTo: navApi('navigateTo', (o) => {
      const channel = navigateTo(str(o.url));
      const events = o.events;
      if (events && typeof events === 'object') {
        for (const [name, fn] of Object.entries(events)) {
          if (typeof fn === 'function') channel.on(name, (d) => fn(d));
        }
      }
      return { eventChannel: channel };
    }),
    redirectTo: navApi('redirectTo', (o) => redirectTo(str(o.url))),
    navigateBack: navApi('navigateBack', (o) => navigateBack(num(o.delta, 1))),
    switchTab: navApi('switchTab', (o) => switchTab(str(o.url))),
    reLaunch: navApi('reLaunch', (o) => reLaunch(str(o.url))),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', (o) =>
      nav((e) => (e.title = str(o.title))),
    ),
    setNavigationBarColor: asyncApi('setNavigationBarColor', (o) =>
      nav((e) => {
        e.navBackground = str(o.backgroundColor) || e.navBackground;
        e.navTextStyle = str(o.frontColor).toLowerCase() === '#ffffff' ? 'white' : 'black';
      }),
    ),
    showNavigationBarLoading: asyncApi('showNavigationBarLoading', () =>
      nav((e) => (e.navLoading = true)),
    ),
    hideNavigationBarLoading: asyncApi('hideNavigationBarLoading', () =>
      nav((e) => (e.navLoading = false)),
    ),
    hideHomeButton: asyncApi('hideHomeButton', () => undefined),
    setTabBarBadge: asyncApi('setTabBarBadge', (o) =>
      chrome.setBadge(tabIndex(o), str(o.text), false),
    ),
    removeTabBarBadge: asyncApi('removeTabBarBadge', (o) =>
      chrome.setBadge(tabIndex(o), null, false),
    ),
    showTabBarRedDot: asyncApi('showTabBarRedDot', (o) => chrome.setBadge(tabIndex(o), null, true)),
    hideTabBarRedDot: asyncApi('hideTabBarRedDot', (o) =>
      chrome.setBadge(tabIndex(o), null, false),
    ),
    showTabBar: asyncApi('showTabBar', () => chrome.setTabBarVisible(true)),
    hideTabBar: asyncApi('hideTabBar', () => chrome.setTabBarVisible(false)),
    setTabBarItem: asyncApi('setTabBarItem', (o) => {
      const item = tabItems()[tabIndex(o)];
      if (!item) throw fail('setTabBarItem', 'tabbar item not found');
      const label = chrome.screen.querySelectorAll('.pv-tab__text')[tabIndex(o)];
      if (label && typeof o.text === 'string') label.textContent = o.text;
    }),
    pageScrollTo: asyncApi('pageScrollTo', (o) => {
      const top = currentPage();
      if (!top) return;
      let y = num(o.scrollTop, 0);
      if (typeof o.selector === 'string') {
        const target = top.frame.querySelector(o.selector.replace(/^#/, '#'));
        if (target)
          y =
            target.getBoundingClientRect().top -
            top.frame.getBoundingClientRect().top +
            top.frame.scrollTop;
      }
      top.frame.scrollTo({ top: y, behavior: num(o.duration, 300) > 0 ? 'smooth' : 'auto' });
    }),
    startPullDownRefresh: asyncApi('startPullDownRefresh', () => {
      const top = currentPage();
      if (top) startPullDownRefresh(top);
    }),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => {
      const top = currentPage();
      if (top) stopPullDownRefresh(top);
    }),
  };
}

export function getCurrentPages(): TtInstance[] {
  return pageStack().map((e) => e.instance);
}
