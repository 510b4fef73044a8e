import SelectorQuery from 'j-component/src/tool/selectorquery';

import { currentPage } from './router';

/**
 * j-component's SelectorQuery measures against the document and knows no `node`. Here rects
 * are relative to the page viewport (as in WeChat), `fields({node:true})` returns a canvas 2d
 * node or a scroll-view context, and `wx.createSelectorQuery()` selects in the current page.
 */

type Fields = Record<string, unknown>;

function viewportEl(): HTMLElement | null {
  return currentPage()?.frame ?? null;
}

function viewportOrigin(): { left: number; top: number } {
  const r = viewportEl()?.getBoundingClientRect();
  return { left: r?.left ?? 0, top: r?.top ?? 0 };
}

/** The canvas a `<canvas type="2d">` holds, with WeChat's extra methods. */
export function canvasNode(host: HTMLElement): HTMLCanvasElement | null {
  const canvas = host.querySelector('canvas');
  if (!canvas) return null;
  const c = canvas as HTMLCanvasElement & Record<string, unknown>;
  if (!c.createImage) {
    c.createImage = () => new Image();
    c.requestAnimationFrame = (fn: FrameRequestCallback) => window.requestAnimationFrame(fn);
    c.cancelAnimationFrame = (id: number) => window.cancelAnimationFrame(id);
  }
  return canvas;
}

function scrollContext(host: HTMLElement): Record<string, unknown> {
  return {
    scrollTo: (o: { top?: number; left?: number; animated?: boolean }) =>
      host.scrollTo({
        top: o.top,
        left: o.left,
        behavior: o.animated === false ? 'auto' : 'smooth',
      }),
    scrollIntoView: (selector: string) =>
      host.querySelector(selector)?.scrollIntoView({ behavior: 'smooth' }),
    scrollEnabled: true,
  };
}

function measure(node: TtExElement, fields: Fields): Record<string, unknown> {
  const el = node.$$;
  const out: Record<string, unknown> = {};
  if (fields.id) out.id = node.id || '';
  if (fields.dataset) out.dataset = { ...(node.dataset || {}) };
  if (el && (fields.rect || fields.size)) {
    const r = el.getBoundingClientRect();
    const o = viewportOrigin();
    if (fields.rect) {
      out.left = r.left - o.left;
      out.right = r.right - o.left;
      out.top = r.top - o.top;
      out.bottom = r.bottom - o.top;
    }
    if (fields.size) {
      out.width = r.width;
      out.height = r.height;
    }
  }
  if (el && fields.scrollOffset) {
    out.scrollLeft = el.scrollLeft;
    out.scrollTop = el.scrollTop;
    out.scrollWidth = el.scrollWidth;
    out.scrollHeight = el.scrollHeight;
  }
  if (Array.isArray(fields.properties)) {
    for (const name of fields.properties) {
      const key = String(name).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
      out[key] = node.data ? node.data[key] : undefined;
    }
  }
  if (el && Array.isArray(fields.computedStyle)) {
    const style = getComputedStyle(el);
    for (const key of fields.computedStyle) out[String(key)] = style.getPropertyValue(String(key));
  }
  if (el && (fields.node || fields.context)) {
    const tag = el.tagName.toLowerCase();
    const value =
      tag === 'wx-canvas' ? canvasNode(el) : tag === 'wx-scroll-view' ? scrollContext(el) : {};
    if (fields.node) out.node = value;
    if (fields.context) out.context = value;
  }
  return out;
}

function viewportFields(fields: Fields): Record<string, unknown> {
  const el = viewportEl();
  const out: Record<string, unknown> = {};
  if (fields.id) out.id = '';
  if (fields.dataset) out.dataset = {};
  if (fields.rect)
    Object.assign(out, {
      left: 0,
      top: 0,
      right: el?.clientWidth ?? 0,
      bottom: el?.clientHeight ?? 0,
    });
  if (fields.size)
    Object.assign(out, { width: el?.clientWidth ?? 0, height: el?.clientHeight ?? 0 });
  if (fields.scrollOffset) {
    Object.assign(out, {
      scrollLeft: el?.scrollLeft ?? 0,
      scrollTop: el?.scrollTop ?? 0,
      scrollWidth: el?.scrollWidth ?? 0,
      scrollHeight: el?.scrollHeight ?? 0,
    });
  }
  return out;
}

export function patchSelectorQuery(): void {
  const proto = SelectorQuery.prototype;
  proto.exec = function exec(this: SelectorQuery, callback?: (res: unknown[]) => void): void {
    const queue = this._queue;
    const callbacks = this._queueCallback;
    this._queue = [];
    this._queueCallback = [];
    // WeChat answers after layout; a frame later the DOM reflects the last setData.
    requestAnimationFrame(() => {
      const res: unknown[] = queue.map((item, index) => {
        let value: unknown;
        if (item.exparserNode === 0) value = viewportFields(item.fields);
        else if (!item.exparserNode) value = item.isSelectSingle ? null : [];
        else {
          const scope = item.exparserNode.shadowRoot ?? item.exparserNode;
          const nodes = item.isSelectSingle
            ? [scope.querySelector(item.selector)]
            : scope.querySelectorAll(item.selector);
          const found = nodes
            .filter((n): n is TtExElement => !!n)
            .map((n) => measure(n, item.fields));
          value = item.isSelectSingle ? (found[0] ?? null) : found;
        }
        const cb = callbacks[index];
        if (typeof cb === 'function') cb.call(this, value);
        return value;
      });
      if (typeof callback === 'function') callback.call(this, res);
    });
  };
  // NodesRef is not exported: reach it through a query, then add WeChat's node().
  const probe = new SelectorQuery() as unknown as { select(s: string): object };
  const nodesRefProto = Object.getPrototypeOf(probe.select('x')) as Record<string, unknown>;
  nodesRefProto.node = function node(
    this: { fields(f: Fields, cb?: unknown): unknown },
    cb?: unknown,
  ) {
    return this.fields({ node: true }, cb);
  };
}

export function createSelectorQuery(): SelectorQuery {
  const page = currentPage();
  const q = new SelectorQuery();
  if (page) q._exparserNode = page.root._exparserNode;
  return q;
}
