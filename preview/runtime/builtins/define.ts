import exparser from 'miniprogram-exparser';
import jComponent from 'j-component/src/index';

import { pathOfComponentId } from '../framework';
import { currentPagePath } from '../router';
import { resolvePath } from '../util';

/**
 * Built-in components (view, image, input, …) as exparser components whose host is a real DOM
 * element (`wx-image`, `wx-input`, …). Each is registered under both its WXML name and the
 * `wx-` name wcc emits, and reflects chosen properties to DOM attributes so plain CSS can style
 * states (`wx-button[type=primary][disabled]`).
 */

type PropType =
  | StringConstructor
  | NumberConstructor
  | BooleanConstructor
  | ArrayConstructor
  | ObjectConstructor
  | null;

export interface PropSpec {
  type: PropType;
  value?: unknown;
}

export interface BuiltinSpec {
  properties?: Record<string, PropSpec>;
  /** Property names written to the host as dashed attributes (false/empty removes them). */
  reflect?: string[];
  /** Builds inner DOM once; runs before the first sync. */
  mount?(self: BuiltinSelf): void;
  /** Brings the DOM in line with the current properties. */
  sync?(self: BuiltinSelf): void;
  /** Exparser tap on this element (after the app's own bindtap handlers ran). */
  onTap?(self: BuiltinSelf, event: TtExEvent): void;
  detached?(self: BuiltinSelf): void;
  /** Shown once when the app uses a built-in the preview only stubs. */
  stubWarning?: string;
  behaviors?: string[];
}

/** A built-in's `this`, with its DOM host and per-instance scratch state. */
export interface BuiltinSelf extends TtInstance {
  host: HTMLElement;
  state: Record<string, unknown>;
}

const dashed = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function hostOf(self: TtInstance): HTMLElement {
  const el = self._exparserNode.$$;
  if (!el) throw new Error('preview: built-in without a DOM host');
  return el;
}

function self(inst: TtInstance): BuiltinSelf {
  const s = inst as BuiltinSelf;
  if (!s.state) s.state = {};
  if (!s.host) s.host = hostOf(inst);
  return s;
}

function reflect(s: BuiltinSelf, names: string[]): void {
  for (const name of names) {
    const value = s.data[name];
    const attr = dashed(name);
    if (value === false || value === null || value === undefined || value === '') {
      s.host.removeAttribute(attr);
    } else {
      s.host.setAttribute(attr, value === true ? '' : String(value));
    }
  }
}

const warned = new Set<string>();

export function defineBuiltin(name: string, spec: BuiltinSpec = {}): void {
  const props = spec.properties ?? {};
  const names = Object.keys(props);
  const apply = (inst: TtInstance): void => {
    const s = self(inst);
    if (!s.state.mounted) return;
    reflect(s, spec.reflect ?? []);
    spec.sync?.(s);
  };
  const definition: Record<string, unknown> = {
    template: '<slot/>',
    properties: Object.fromEntries(
      names.map((n) => {
        const p = props[n] as PropSpec;
        return [n, { type: p.type, value: p.value }];
      }),
    ),
    behaviors: spec.behaviors ?? [],
    options: { multipleSlots: false },
    lifetimes: {
      attached(this: TtInstance): void {
        const s = self(this);
        if (spec.stubWarning && !warned.has(name)) {
          warned.add(name);
          console.warn(`[preview] <${name}>: ${spec.stubWarning}`);
        }
        if (!s.state.mounted) {
          s.state.mounted = true;
          spec.mount?.(s);
          if (spec.onTap) {
            const onTap = spec.onTap;
            this._exparserNode.addListener('tap', (e) => onTap(s, e));
          }
        }
        apply(this);
      },
      detached(this: TtInstance): void {
        spec.detached?.(self(this));
      },
    },
    observers: names.length
      ? {
          [names.join(', ')]: function (this: TtInstance) {
            apply(this);
          },
        }
      : {},
  };
  jComponent.register({ ...definition, id: name, tagName: `wx-${name}` });
  jComponent.register({ ...definition, id: `wx-${name}`, tagName: `wx-${name}` });
}

/** The page or component whose WXML wrote this element (for relative urls and class prefixes). */
export function ownerPath(s: TtInstance): string {
  const host = s._exparserNode.ownerShadowRoot?.getHostNode();
  const path = host && typeof host.is === 'string' ? pathOfComponentId(host.is) : undefined;
  return path ?? currentPagePath() ?? '';
}

/** An image or file url as the browser can load it. */
export function assetUrl(from: string, src: string): string {
  if (!src) return '';
  if (/^(https?:|data:|blob:)/i.test(src)) return src;
  if (/^(cloud|wxfile):/i.test(src)) return src;
  return `mp/${resolvePath(from, src)}`;
}

/** Dispatches an exparser event from a built-in, the way the WeChat client does. */
export function fire(s: TtInstance, name: string, detail: unknown): void {
  s.triggerEvent(name, detail, {});
}

export { exparser };
