import exparser from 'miniprogram-exparser';
import RootComponent from 'j-component/src/render/component';

/**
 * Mouse input as the WeChat client reports touch: a click becomes `tap`, a held press
 * `longpress` — and, as in WeChat, no tap after it only when something listened to the long press
 * — and `hover-class` follows the press. j-component makes these from touch events only; real
 * touch input still goes its way.
 */

const LONGPRESS_MS = 350;

interface WxDomNode extends Node {
  __wxElement?: TtExElement;
}

/** The nearest DOM node exparser knows (inner DOM of a built-in maps to its host). */
function exparserTarget(node: EventTarget | null): WxDomNode | null {
  let n = node as WxDomNode | null;
  while (n && !n.__wxElement) n = n.parentNode as WxDomNode | null;
  return n;
}

function disabledAncestor(node: Node | null, stop: Element): boolean {
  let n: Node | null = node;
  while (n && n !== stop) {
    if (n instanceof Element && n.hasAttribute('disabled') && n.tagName.startsWith('WX-'))
      return true;
    n = n.parentNode;
  }
  return false;
}

/** Whether the press target or an element it bubbles through listens to a long press. */
function listensToLongPress(node: Node | null, stop: Element): boolean {
  let n: Node | null = node;
  while (n && n !== stop) {
    const events = (n as WxDomNode).__wxElement?.__wxEvents;
    if (events && (events.longpress || events.longtap)) return true;
    n = n.parentNode;
  }
  return false;
}

function dispatch(target: WxDomNode, name: string, e: MouseEvent): void {
  const touch = {
    identifier: 0,
    pageX: e.pageX,
    pageY: e.pageY,
    clientX: e.clientX,
    clientY: e.clientY,
    force: 1,
  };
  const event = exparser.Event.create(
    name,
    { x: e.pageX, y: e.pageY },
    {
      originalEvent: e,
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches: name === 'tap' ? [] : [touch], changedTouches: [touch] },
    },
  );
  try {
    exparser.Event.dispatchEvent(target as unknown as TtExElement, event);
  } catch (err) {
    console.error(`[preview] ${name} handler threw`, err);
  }
}

interface HoverState {
  nodes: { el: HTMLElement; classes: string[] }[];
  timer?: number;
}

function hoverClasses(el: HTMLElement): { classes: string[]; stop: boolean } | null {
  const node = (el as WxDomNode).__wxElement;
  const data = node?.data;
  if (!node || !data) return null;
  const value = data.hoverClass;
  if (typeof value !== 'string' || value === '' || value === 'none') return null;
  if (el.hasAttribute('disabled')) return null;
  const builtinDefault = value === 'button-hover' || value === 'navigator-hover';
  const host = node.ownerShadowRoot?.getHostNode();
  const hostTag = host?.$$?.tagName.toLowerCase();
  const prefix = builtinDefault || !hostTag || hostTag === 'page' ? '' : `${hostTag}--`;
  return {
    classes: value
      .split(/\s+/)
      .filter(Boolean)
      .map((c) => prefix + c),
    stop: data.hoverStopPropagation === true,
  };
}

function pressHover(target: Node | null, screen: HTMLElement, state: HoverState): void {
  let n: Node | null = target;
  while (n && n !== screen) {
    if (n instanceof HTMLElement) {
      const h = hoverClasses(n);
      if (h) {
        n.classList.add(...h.classes);
        state.nodes.push({ el: n, classes: h.classes });
        if (h.stop) break;
      }
    }
    n = n.parentNode;
  }
}

function releaseHover(state: HoverState, delay: number): void {
  const nodes = state.nodes;
  state.nodes = [];
  window.setTimeout(() => {
    for (const { el, classes } of nodes) el.classList.remove(...classes);
  }, delay);
}

export function installPointerBridge(screen: HTMLElement): void {
  const hover: HoverState = { nodes: [] };
  let pressTimer: number | undefined;
  let longPressed = false;

  screen.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'touch' || e.button !== 0) return;
    longPressed = false;
    pressHover(e.target as Node, screen, hover);
    const target = exparserTarget(e.target);
    if (!target) return;
    window.clearTimeout(pressTimer);
    pressTimer = window.setTimeout(() => {
      longPressed = listensToLongPress(e.target as Node, screen);
      dispatch(target, 'longpress', e);
      dispatch(target, 'longtap', e);
    }, LONGPRESS_MS);
  });
  const release = (): void => {
    window.clearTimeout(pressTimer);
    releaseHover(hover, 70);
  };
  screen.addEventListener('pointerup', release);
  screen.addEventListener('pointercancel', release);
  screen.addEventListener('pointerleave', release);

  screen.addEventListener('click', (e) => {
    if ((e as PointerEvent).pointerType === 'touch') return;
    if (longPressed) {
      longPressed = false;
      return;
    }
    const target = exparserTarget(e.target);
    if (!target || disabledAncestor(e.target as Node, screen)) return;
    dispatch(target, 'tap', e);
  });
}

/** j-component forwards DOM scroll as an exparser event without detail; scroll-view sends its own. */
export function silenceRootScrollForwarding(): void {
  const proto = RootComponent.prototype as unknown as {
    _triggerExparserEvent(evt: Event, name: string, detail?: unknown): void;
  };
  const original = proto._triggerExparserEvent;
  proto._triggerExparserEvent = function (
    this: unknown,
    evt: Event,
    name: string,
    detail?: unknown,
  ) {
    if (name === 'scroll') return;
    original.call(this, evt, name, detail);
  };
}
