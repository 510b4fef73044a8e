import { canvasNode } from '../selectorQuery';
import { navigateBack, navigateTo, reLaunch, redirectTo, reportError, switchTab } from '../router';
import { h } from '../util';
import { assetUrl, defineBuiltin, exparser, fire, ownerPath, type BuiltinSelf } from './define';

/** View-like and media built-ins: view, text, image, icon, progress, rich-text, navigator,
 * scroll-view, swiper, canvas, and inert hosts for the rest. */

const CONTROLS = 'wx-switch, wx-checkbox, wx-radio, wx-button';

/** What a tap on a <label> does to the control it names: the control's own tap, not bubbling. */
function activate(el: Element): void {
  const node = (el as { __wxElement?: TtExElement }).__wxElement;
  if (!node) return;
  // Dispatched on the exparser node itself (a DOM node would start inside its shadow root).
  exparser.Event.dispatchEvent(
    node,
    exparser.Event.create('tap', {}, { bubbles: false, composed: false }),
  );
}

const hover = {
  hoverClass: { type: String, value: 'none' },
  hoverStopPropagation: { type: Boolean, value: false },
  hoverStartTime: { type: Number, value: 50 },
  hoverStayTime: { type: Number, value: 400 },
};

const MODES: Record<string, { fit: string; position?: string }> = {
  scaleToFill: { fit: 'fill' },
  aspectFit: { fit: 'contain' },
  aspectFill: { fit: 'cover' },
  widthFix: { fit: 'fill' },
  heightFix: { fit: 'fill' },
  top: { fit: 'none', position: 'center top' },
  bottom: { fit: 'none', position: 'center bottom' },
  center: { fit: 'none', position: 'center' },
  left: { fit: 'none', position: 'left center' },
  right: { fit: 'none', position: 'right center' },
  'top left': { fit: 'none', position: 'left top' },
  'top right': { fit: 'none', position: 'right top' },
  'bottom left': { fit: 'none', position: 'left bottom' },
  'bottom right': { fit: 'none', position: 'right bottom' },
};

function imageEl(s: BuiltinSelf): HTMLImageElement {
  return s.state.img as HTMLImageElement;
}

const ICON_PATHS: Record<string, { color: string; svg: string }> = {
  success: {
    color: '#07c160',
    svg: '<circle cx="12" cy="12" r="12" fill="currentColor"/><path d="M6.5 12.3l3.6 3.6 7.4-7.4" fill="none" stroke="#fff" stroke-width="1.8"/>',
  },
  success_no_circle: {
    color: '#07c160',
    svg: '<path d="M3.5 12.5l5.5 5.5L21 6" fill="none" stroke="currentColor" stroke-width="2.2"/>',
  },
  info: {
    color: '#10aeff',
    svg: '<circle cx="12" cy="12" r="12" fill="currentColor"/><path d="M12 10.5v7" stroke="#fff" stroke-width="2"/><circle cx="12" cy="7" r="1.3" fill="#fff"/>',
  },
  warn: {
    color: '#fa5151',
    svg: '<circle cx="12" cy="12" r="12" fill="currentColor"/><path d="M12 6v8" stroke="#fff" stroke-width="2"/><circle cx="12" cy="17.3" r="1.3" fill="#fff"/>',
  },
  waiting: {
    color: '#10aeff',
    svg: '<circle cx="12" cy="12" r="12" fill="currentColor"/><path d="M12 6v6.5l4 2.5" fill="none" stroke="#fff" stroke-width="1.8"/>',
  },
  cancel: {
    color: '#fa5151',
    svg: '<circle cx="12" cy="12" r="11" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 8l8 8M16 8l-8 8" stroke="currentColor" stroke-width="1.5"/>',
  },
  download: {
    color: '#07c160',
    svg: '<circle cx="12" cy="12" r="12" fill="currentColor"/><path d="M12 6v9M8 11.5l4 4 4-4" fill="none" stroke="#fff" stroke-width="1.8"/>',
  },
  search: {
    color: '#b2b2b2',
    svg: '<circle cx="10.5" cy="10.5" r="7" fill="none" stroke="currentColor" stroke-width="2"/><path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2"/>',
  },
  clear: {
    color: '#b2b2b2',
    svg: '<circle cx="12" cy="12" r="12" fill="currentColor"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="1.8"/>',
  },
};

function sanitize(html: string): string {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  for (const bad of tpl.content.querySelectorAll(
    'script, iframe, object, embed, link, meta, style',
  ))
    bad.remove();
  for (const el of tpl.content.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value))
        el.removeAttribute(attr.name);
    }
  }
  return tpl.innerHTML;
}

interface RichNode {
  type?: string;
  name?: string;
  text?: string;
  attrs?: Record<string, string>;
  children?: RichNode[];
}

function richNodes(nodes: RichNode[], parent: Node): void {
  for (const n of nodes) {
    if (n.type === 'text') {
      parent.appendChild(document.createTextNode(n.text ?? ''));
      continue;
    }
    const name = (n.name ?? 'div').toLowerCase();
    if (!/^[a-z][a-z0-9]*$/.test(name) || ['script', 'iframe', 'object', 'embed'].includes(name))
      continue;
    const el = document.createElement(name);
    for (const [k, v] of Object.entries(n.attrs ?? {})) {
      if (!/^on/i.test(k) && !/^\s*javascript:/i.test(String(v))) el.setAttribute(k, String(v));
    }
    richNodes(n.children ?? [], el);
    parent.appendChild(el);
  }
}

function openUrl(s: BuiltinSelf): void {
  const type = String(s.data.openType || 'navigate');
  const url = String(s.data.url || '');
  try {
    if (type === 'navigateBack') navigateBack(Number(s.data.delta) || 1);
    else if (type === 'redirect') redirectTo(url);
    else if (type === 'switchTab') switchTab(url);
    else if (type === 'reLaunch') reLaunch(url);
    else if (type === 'exit') reLaunch(`/${ownerPath(s)}`);
    else navigateTo(url);
    fire(s, 'success', { errMsg: `${type}:ok` });
  } catch (e) {
    reportError(`<navigator url="${url}">: ${(e as Error).message}`, e);
    fire(s, 'fail', { errMsg: `${type}:fail ${(e as Error).message}` });
  }
}

interface ScrollDetail {
  scrollLeft: number;
  scrollTop: number;
  scrollHeight: number;
  scrollWidth: number;
  deltaX: number;
  deltaY: number;
}

function scrollDetail(el: HTMLElement, s: BuiltinSelf): ScrollDetail {
  const lastTop = Number(s.state.lastTop ?? 0);
  const lastLeft = Number(s.state.lastLeft ?? 0);
  s.state.lastTop = el.scrollTop;
  s.state.lastLeft = el.scrollLeft;
  return {
    scrollLeft: el.scrollLeft,
    scrollTop: el.scrollTop,
    scrollHeight: el.scrollHeight,
    scrollWidth: el.scrollWidth,
    deltaX: lastLeft - el.scrollLeft,
    deltaY: lastTop - el.scrollTop,
  };
}

export function defineBasicBuiltins(): void {
  defineBuiltin('view', { properties: hover });
  defineBuiltin('cover-view', { properties: hover });
  defineBuiltin('label', {
    properties: { for: { type: String, value: '' } },
    onTap(s, e) {
      const original = (e as { __originalEvent?: Event }).__originalEvent;
      const from = original?.target;
      if (from instanceof Element && from.closest(CONTROLS)) return;
      const id = String(s.data.for || '');
      const target = id
        ? s._exparserNode.ownerShadowRoot?.querySelector(`#${id}`)?.$$
        : s.host.querySelector(CONTROLS);
      if (target) activate(target);
    },
  });
  defineBuiltin('block');
  defineBuiltin('text', {
    properties: {
      selectable: { type: Boolean },
      userSelect: { type: Boolean },
      space: { type: String },
      decode: { type: Boolean },
    },
    reflect: ['selectable', 'userSelect', 'space'],
  });

  const image = {
    properties: {
      src: { type: String, value: '' },
      mode: { type: String, value: 'scaleToFill' },
      lazyLoad: { type: Boolean },
      webp: { type: Boolean },
      showMenuByLongpress: { type: Boolean },
    },
    reflect: ['mode'],
    mount(s: BuiltinSelf): void {
      const img = h('img');
      img.alt = '';
      img.draggable = false;
      img.addEventListener('load', () => {
        s.host.classList.remove('pv-img-error');
        fire(s, 'load', { width: img.naturalWidth, height: img.naturalHeight });
      });
      img.addEventListener('error', () => {
        if (!img.getAttribute('src')) return;
        s.host.classList.add('pv-img-error');
        fire(s, 'error', { errMsg: `GET ${img.src} 404 (Not Found)` });
      });
      s.state.img = img;
      s.host.append(img);
    },
    sync(s: BuiltinSelf): void {
      const img = imageEl(s);
      const mode = MODES[String(s.data.mode)] ?? MODES.scaleToFill;
      img.style.objectFit = mode?.fit ?? 'fill';
      img.style.objectPosition = mode?.position ?? '';
      const src = String(s.data.src || '');
      const url = assetUrl(ownerPath(s), src);
      if (url && img.getAttribute('src') !== url) img.src = url;
      if (!url) img.removeAttribute('src');
    },
  };
  defineBuiltin('image', image);
  defineBuiltin('cover-image', image);

  defineBuiltin('icon', {
    properties: {
      type: { type: String },
      size: { type: null, value: 23 },
      color: { type: String },
    },
    sync(s) {
      const spec = ICON_PATHS[String(s.data.type)] ?? ICON_PATHS.info;
      const size =
        typeof s.data.size === 'number' ? `${s.data.size}px` : String(s.data.size || '23px');
      s.host.style.width = size;
      s.host.style.height = size;
      s.host.style.color = String(s.data.color || spec?.color || '#10aeff');
      s.host.innerHTML = `<svg viewBox="0 0 24 24" width="100%" height="100%">${spec?.svg ?? ''}</svg>`;
    },
  });

  defineBuiltin('progress', {
    properties: {
      percent: { type: Number, value: 0 },
      showInfo: { type: Boolean },
      borderRadius: { type: null, value: 0 },
      fontSize: { type: null, value: 16 },
      strokeWidth: { type: null, value: 6 },
      color: { type: String, value: '' },
      activeColor: { type: String, value: '#09BB07' },
      backgroundColor: { type: String, value: '#EBEBEB' },
      active: { type: Boolean },
      activeMode: { type: String, value: 'backwards' },
      duration: { type: Number, value: 30 },
    },
    mount(s) {
      const bar = h('div', 'pv-progress__bar');
      const fill = h('div', 'pv-progress__inner');
      bar.append(fill);
      const info = h('div', 'pv-progress__info');
      s.host.append(bar, info);
      s.state.parts = { bar, fill, info };
    },
    sync(s) {
      const { bar, fill, info } = s.state.parts as Record<string, HTMLElement>;
      if (!bar || !fill || !info) return;
      const pct = Math.max(0, Math.min(100, Number(s.data.percent) || 0));
      const px = (v: unknown): string => (typeof v === 'number' ? `${v}px` : String(v));
      bar.style.height = px(s.data.strokeWidth);
      bar.style.borderRadius = px(s.data.borderRadius);
      fill.style.borderRadius = px(s.data.borderRadius);
      bar.style.background = String(s.data.backgroundColor);
      fill.style.background = String(s.data.color || s.data.activeColor);
      fill.style.transition = s.data.active
        ? `width ${(pct * Number(s.data.duration)) / 1000}s linear`
        : 'none';
      fill.style.width = `${pct}%`;
      info.style.display = s.data.showInfo ? 'block' : 'none';
      info.style.fontSize = px(s.data.fontSize);
      info.textContent = `${Math.round(pct)}%`;
      s.host.setAttribute('aria-valuenow', String(pct));
      s.host.setAttribute('role', 'progressbar');
    },
  });

  defineBuiltin('rich-text', {
    properties: {
      nodes: { type: null, value: [] },
      space: { type: String },
      userSelect: { type: Boolean },
    },
    sync(s) {
      const nodes = s.data.nodes;
      if (typeof nodes === 'string') s.host.innerHTML = sanitize(nodes);
      else if (Array.isArray(nodes)) {
        s.host.textContent = '';
        richNodes(nodes as RichNode[], s.host);
      }
    },
  });

  defineBuiltin('navigator', {
    properties: {
      ...hover,
      hoverClass: { type: String, value: 'navigator-hover' },
      url: { type: String, value: '' },
      openType: { type: String, value: 'navigate' },
      delta: { type: Number, value: 1 },
      target: { type: String, value: 'self' },
    },
    onTap: (s) => openUrl(s),
  });

  defineBuiltin('scroll-view', {
    properties: {
      scrollX: { type: Boolean },
      scrollY: { type: Boolean },
      upperThreshold: { type: null, value: 50 },
      lowerThreshold: { type: null, value: 50 },
      scrollTop: { type: null },
      scrollLeft: { type: null },
      scrollIntoView: { type: String },
      scrollWithAnimation: { type: Boolean },
      enableBackToTop: { type: Boolean },
      enableFlex: { type: Boolean },
      refresherEnabled: { type: Boolean },
      refresherTriggered: { type: Boolean },
      showScrollbar: { type: Boolean, value: true },
      enhanced: { type: Boolean },
      type: { type: String },
    },
    reflect: ['scrollX', 'scrollY', 'enableFlex'],
    mount(s) {
      const el = s.host;
      el.addEventListener(
        'scroll',
        () => {
          const d = scrollDetail(el, s);
          fire(s, 'scroll', d);
          const lower = Number(s.data.lowerThreshold) || 50;
          const upper = Number(s.data.upperThreshold) || 50;
          const vertical = s.data.scrollY === true;
          const pos = vertical ? el.scrollTop : el.scrollLeft;
          const max = vertical
            ? el.scrollHeight - el.clientHeight
            : el.scrollWidth - el.clientWidth;
          const atLower = pos >= max - lower;
          const atUpper = pos <= upper;
          if (atLower && !s.state.atLower)
            fire(s, 'scrolltolower', { direction: vertical ? 'bottom' : 'right' });
          if (atUpper && !s.state.atUpper && (d.deltaY > 0 || d.deltaX > 0)) {
            fire(s, 'scrolltoupper', { direction: vertical ? 'top' : 'left' });
          }
          s.state.atLower = atLower;
          s.state.atUpper = atUpper;
        },
        { passive: true },
      );
    },
    sync(s) {
      const el = s.host;
      const behavior = s.data.scrollWithAnimation ? 'smooth' : 'auto';
      const top = s.data.scrollTop;
      const left = s.data.scrollLeft;
      if (
        (typeof top === 'number' || (typeof top === 'string' && top !== '')) &&
        top !== s.state.appliedTop
      ) {
        s.state.appliedTop = top;
        requestAnimationFrame(() => el.scrollTo({ top: Number(top), behavior }));
      }
      if (
        (typeof left === 'number' || (typeof left === 'string' && left !== '')) &&
        left !== s.state.appliedLeft
      ) {
        s.state.appliedLeft = left;
        requestAnimationFrame(() => el.scrollTo({ left: Number(left), behavior }));
      }
      const into = String(s.data.scrollIntoView || '');
      if (into && into !== s.state.appliedInto) {
        s.state.appliedInto = into;
        requestAnimationFrame(() => {
          const target = el.querySelector(`#${CSS.escape(into)}`);
          if (target instanceof HTMLElement) {
            el.scrollTo({
              top: target.offsetTop - el.offsetTop,
              left: target.offsetLeft - el.offsetLeft,
              behavior,
            });
          }
        });
      }
    },
  });

  defineBuiltin('swiper', {
    properties: {
      indicatorDots: { type: Boolean },
      autoplay: { type: Boolean },
      current: { type: Number, value: 0 },
      interval: { type: Number, value: 5000 },
      circular: { type: Boolean },
      vertical: { type: Boolean },
      indicatorColor: { type: String },
      indicatorActiveColor: { type: String },
    },
    reflect: ['vertical'],
  });
  defineBuiltin('swiper-item', { properties: { itemId: { type: String } } });

  defineBuiltin('canvas', {
    properties: {
      type: { type: String, value: '' },
      canvasId: { type: String, value: '' },
      disableScroll: { type: Boolean },
    },
    reflect: ['type'],
    mount(s) {
      const canvas = h('canvas');
      s.host.append(canvas);
      canvasNode(s.host);
      if (s.data.type !== '2d' && s.data.type !== 'webgl') {
        console.warn('[preview] <canvas> without type="2d": only canvas 2d is supported');
      }
    },
  });

  const stub = (names: string[], warning?: string): void => {
    for (const name of names) defineBuiltin(name, warning ? { stubWarning: warning } : {});
  };
  stub([
    'movable-area',
    'movable-view',
    'page-meta',
    'navigation-bar',
    'root-portal',
    'match-media',
    'page-container',
    'share-element',
    'sticky-header',
    'sticky-section',
    'grid-view',
    'list-view',
    'picker-view',
    'picker-view-column',
    'keyboard-accessory',
    'functional-page-navigator',
  ]);
  stub(
    [
      'map',
      'video',
      'audio',
      'camera',
      'live-player',
      'live-pusher',
      'web-view',
      'ad',
      'ad-custom',
      'official-account',
      'open-data',
      'editor',
      'voip-room',
      'channel-live',
      'channel-video',
    ],
    'rendered as an empty box in the preview',
  );
}
