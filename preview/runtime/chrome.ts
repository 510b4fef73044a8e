import { config } from './config';
import { h, isRecord, str, warnOnce } from './util';

/**
 * The phone around the app: status bar, WeChat's navigation bar with its capsule menu, the
 * viewport pages live in, the tab bar from app.json, and a layer for toasts and sheets. Above
 * the phone sits the preview toolbar (identity, large type, current path).
 */

export const STATUS_BAR_HEIGHT = 44;
export const NAV_BAR_HEIGHT = 44;
export const TAB_BAR_HEIGHT = 50;
export const SAFE_BOTTOM = 34;
export const SCREEN_HEIGHT = 812;

export interface TabItem {
  pagePath: string;
  text: string;
  iconPath: string;
  selectedIconPath: string;
}

export interface NavState {
  title: string;
  background: string;
  textStyle: 'black' | 'white';
  custom: boolean;
  loading: boolean;
  canGoBack: boolean;
  showHome: boolean;
}

export interface ChromeHandlers {
  back(): void;
  home(): void;
  menu(): void;
  tab(pagePath: string, index: number): void;
}

export interface Chrome {
  screen: HTMLElement;
  viewport: HTMLElement;
  layer: HTMLElement;
  toolbar: HTMLElement;
  setNav(state: NavState): void;
  setTab(selectedPath: string | null): void;
  setBadge(index: number, text: string | null, dot: boolean): void;
  setTabBarVisible(visible: boolean): void;
  setPath(path: string): void;
  showError(message: string): void;
  /** A failed rebuild (null clears it): the screen keeps showing the last good build. */
  setBuildError(message: string | null): void;
}

export function tabItems(): TabItem[] {
  const bar = config().appJson.tabBar;
  if (!isRecord(bar) || !Array.isArray(bar.list)) return [];
  if (bar.custom === true)
    warnOnce(
      'custom-tabbar',
      'tabBar.custom is not supported: the preview draws the default tab bar',
    );
  return bar.list.filter(isRecord).map((item) => ({
    pagePath: str(item.pagePath)
      .replace(/^\//, '')
      .replace(/\.(ts|js|wxml)$/, ''),
    text: str(item.text),
    iconPath: str(item.iconPath),
    selectedIconPath: str(item.selectedIconPath),
  }));
}

function tabStyle(): { color: string; selectedColor: string; background: string; border: string } {
  const bar = config().appJson.tabBar;
  const b = isRecord(bar) ? bar : {};
  return {
    color: str(b.color, '#7a7e83'),
    selectedColor: str(b.selectedColor, '#07c160'),
    background: str(b.backgroundColor, '#f7f7f7'),
    border: b.borderStyle === 'white' ? 'rgba(255,255,255,0.33)' : 'rgba(0,0,0,0.16)',
  };
}

function clock(): string {
  const d = new Date();
  return `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function statusBar(): HTMLElement {
  const bar = h('div', 'pv-status');
  const time = h('span', 'pv-status__time', clock());
  setInterval(() => (time.textContent = clock()), 30_000);
  const icons = h('span', 'pv-status__icons');
  icons.innerHTML =
    '<svg width="18" height="12" viewBox="0 0 18 12"><rect x="0" y="8" width="3" height="4" rx="1"/><rect x="5" y="5.5" width="3" height="6.5" rx="1"/><rect x="10" y="3" width="3" height="9" rx="1"/><rect x="15" y="0" width="3" height="12" rx="1"/></svg>' +
    '<svg width="16" height="12" viewBox="0 0 16 12"><path d="M8 2.5c2.3 0 4.4.9 6 2.4l1.2-1.3A10.3 10.3 0 0 0 8 .7 10.3 10.3 0 0 0 .8 3.6L2 4.9a8.6 8.6 0 0 1 6-2.4zm0 3.6c1.3 0 2.5.5 3.4 1.3l1.2-1.3A6.8 6.8 0 0 0 8 4.3c-1.8 0-3.4.7-4.6 1.8l1.2 1.3c.9-.8 2.1-1.3 3.4-1.3zm0 3.5c-.5 0-1 .2-1.3.5L8 11.5l1.3-1.4c-.3-.3-.8-.5-1.3-.5z"/></svg>' +
    '<span class="pv-battery"><span></span></span>';
  bar.append(time, icons);
  return bar;
}

export function createChrome(root: HTMLElement, handlers: ChromeHandlers): Chrome {
  const toolbar = h('div', 'pv-toolbar');
  const phone = h('div', 'pv-phone');
  const screen = h('div', 'pv-screen');
  if (config().appJson.style === 'v2') screen.classList.add('pv-v2');
  const status = statusBar();
  const nav = h('div', 'pv-nav');
  const back = h('button', 'pv-nav__back');
  back.type = 'button';
  back.setAttribute('aria-label', '返回');
  back.innerHTML =
    '<svg width="12" height="20" viewBox="0 0 12 20"><path d="M10 1.5 1.8 10l8.2 8.5" fill="none" stroke="currentColor" stroke-width="2.2"/></svg>';
  const home = h('button', 'pv-nav__home');
  home.type = 'button';
  home.setAttribute('aria-label', '首页');
  home.innerHTML =
    '<svg width="20" height="20" viewBox="0 0 20 20"><path d="M3 9.5 10 3l7 6.5V17h-4.5v-4.5h-5V17H3z" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>';
  const title = h('div', 'pv-nav__title');
  const titleText = h('span', 'pv-nav__text');
  const spinner = h('span', 'pv-nav__loading');
  title.append(spinner, titleText);
  const capsule = h('div', 'pv-capsule');
  const menu = h('button', 'pv-capsule__menu');
  menu.type = 'button';
  menu.setAttribute('aria-label', '更多');
  menu.innerHTML = '<i></i><i class="pv-big"></i><i></i>';
  const close = h('button', 'pv-capsule__close');
  close.type = 'button';
  close.setAttribute('aria-label', '关闭');
  close.innerHTML = '<span></span>';
  capsule.append(menu, h('span', 'pv-capsule__sep'), close);
  nav.append(back, home, title);
  const viewport = h('div', 'pv-viewport');
  const tabbar = h('div', 'pv-tabbar');
  const errorBar = h('div', 'pv-errors');
  const layer = h('div', 'pv-layer');
  const indicator = h('div', 'pv-indicator');
  screen.append(status, nav, viewport, tabbar, capsule, errorBar, layer, indicator);
  phone.append(screen);
  root.append(toolbar, phone);

  back.addEventListener('click', () => handlers.back());
  home.addEventListener('click', () => handlers.home());
  menu.addEventListener('click', () => handlers.menu());
  close.addEventListener('click', () => handlers.home());

  const items = tabItems();
  const style = tabStyle();
  tabbar.style.background = style.background;
  tabbar.style.borderTopColor = style.border;
  const tabButtons = items.map((item, index) => {
    const b = h('button', 'pv-tab');
    b.type = 'button';
    b.dataset.path = item.pagePath;
    const icon = h('span', 'pv-tab__icon');
    if (item.iconPath) {
      const img = h('img');
      img.alt = '';
      icon.append(img);
    } else {
      icon.classList.add('pv-tab__icon--none');
    }
    const badge = h('span', 'pv-tab__badge');
    icon.append(badge);
    const label = h('span', 'pv-tab__text', item.text);
    b.append(icon, label);
    b.addEventListener('click', () => handlers.tab(item.pagePath, index));
    tabbar.append(b);
    return { b, icon, label, badge, item };
  });
  if (items.length === 0) tabbar.remove();

  let tabVisible = false;
  let tabHidden = false;
  const layout = (custom: boolean): void => {
    const top = STATUS_BAR_HEIGHT + (custom ? 0 : NAV_BAR_HEIGHT);
    viewport.style.top = `${custom ? 0 : top}px`;
    const showTab = tabVisible && !tabHidden;
    tabbar.style.display = showTab ? 'flex' : 'none';
    const bottom = showTab ? TAB_BAR_HEIGHT + SAFE_BOTTOM : 0;
    viewport.style.bottom = `${bottom}px`;
    const height = SCREEN_HEIGHT - (custom ? 0 : top) - bottom;
    viewport.style.setProperty('--pv-vh', `${height / 100}px`);
  };
  let custom = false;

  return {
    screen,
    viewport,
    layer,
    toolbar,
    setNav(state: NavState): void {
      custom = state.custom;
      nav.style.display = custom ? 'none' : 'flex';
      status.classList.toggle('pv-status--over', custom);
      nav.style.background = state.background;
      status.style.background = custom ? 'transparent' : state.background;
      const color = state.textStyle === 'white' ? '#ffffff' : '#000000';
      nav.style.color = color;
      status.style.color = color;
      capsule.classList.toggle('pv-capsule--dark', state.textStyle === 'white');
      titleText.textContent = state.title;
      spinner.style.display = state.loading ? 'inline-block' : 'none';
      back.style.display = state.canGoBack ? 'flex' : 'none';
      home.style.display = !state.canGoBack && state.showHome ? 'flex' : 'none';
      layout(custom);
    },
    setTab(selectedPath: string | null): void {
      tabVisible = selectedPath !== null && items.length > 0;
      for (const t of tabButtons) {
        const on = t.item.pagePath === selectedPath;
        t.b.classList.toggle('pv-tab--on', on);
        t.label.style.color = on ? style.selectedColor : style.color;
        const img = t.icon.querySelector('img');
        const src = on && t.item.selectedIconPath ? t.item.selectedIconPath : t.item.iconPath;
        if (img && src) img.src = `mp/${src.replace(/^\//, '')}`;
      }
      layout(custom);
    },
    setBadge(index: number, text: string | null, dot: boolean): void {
      const t = tabButtons[index];
      if (!t) return;
      t.badge.textContent = text ?? '';
      t.badge.className = `pv-tab__badge${text ? ' pv-tab__badge--text' : dot ? ' pv-tab__badge--dot' : ''}`;
    },
    setTabBarVisible(visible: boolean): void {
      tabHidden = !visible;
      layout(custom);
    },
    setPath(path: string): void {
      toolbar.dispatchEvent(new CustomEvent('pv-path', { detail: path }));
    },
    setBuildError(message: string | null): void {
      let box = toolbar.querySelector<HTMLElement>('.pv-toolbar__build-error');
      if (!message) {
        box?.remove();
        return;
      }
      if (!box) {
        box = h('pre', 'pv-toolbar__build-error');
        toolbar.append(box);
      }
      box.textContent = `构建失败（仍显示上一次成功的构建）：\n${message}`;
    },
    showError(message: string): void {
      const line = h('div', 'pv-errors__line', message);
      errorBar.append(line);
      while (errorBar.childElementCount > 3) errorBar.firstElementChild?.remove();
      setTimeout(() => line.remove(), 8000);
    },
  };
}
