/**
 * The parts of exparser (WeChat's component framework) and j-component (its web host) the
 * runtime touches. Both are untyped JS; these shapes come from reading their sources.
 */

interface TtExEvent {
  type: string;
  detail: unknown;
  target: unknown;
}

interface TtExElement {
  $$: HTMLElement | null;
  /** exparser's bound listeners, by event name (absent until one is bound). */
  __wxEvents?: Record<string, unknown>;
  id: string;
  dataset: Record<string, unknown>;
  parentNode: TtExElement | null;
  childNodes: TtExElement[];
  ownerShadowRoot: {
    getHostNode(): TtExElement;
    querySelector(selector: string): TtExElement | null;
  } | null;
  shadowRoot: TtExElement | null;
  is?: string;
  data: Record<string, unknown>;
  querySelector(selector: string): TtExElement | null;
  querySelectorAll(selector: string): TtExElement[];
  triggerEvent(name: string, detail?: unknown, options?: Record<string, unknown>): void;
  triggerLifeTime(name: string, args: unknown[]): void;
  triggerPageLifeTime(name: string, args: unknown[]): void;
  addListener(name: string, fn: (e: TtExEvent) => unknown, opts?: { capture?: boolean }): void;
}

/** `this` inside a component or page: exparser's method caller as j-component builds it. */
interface TtInstance {
  [key: string]: unknown;
  data: Record<string, unknown>;
  is?: string;
  setData(data: Record<string, unknown>, callback?: () => void): void;
  triggerEvent(name: string, detail?: unknown, options?: Record<string, unknown>): void;
  selectComponent(selector: string): TtInstance | null;
  createSelectorQuery(): unknown;
  _exparserNode: TtExElement;
}

declare module 'miniprogram-exparser' {
  const exparser: {
    Event: {
      create(
        name: string,
        detail: unknown,
        options: {
          originalEvent?: Event;
          bubbles?: boolean;
          capturePhase?: boolean;
          composed?: boolean;
          extraFields?: Record<string, unknown>;
        },
      ): unknown;
      dispatchEvent(target: TtExElement, event: unknown): void;
    };
    Element: {
      getMethodCaller(el: TtExElement): TtInstance;
      pretendAttached(el: TtExElement): void;
      pretendDetached(el: TtExElement): void;
    };
    Component: {
      getComponentOptions(el: TtExElement): { classPrefix?: string } | undefined;
    };
    addGlobalErrorListener(fn: (err: unknown, info: unknown) => unknown): void;
    addGlobalWarningListener(fn: (msg: unknown) => unknown): void;
  };
  export = exparser;
}

declare module 'j-component/src/index' {
  interface RootComponent {
    readonly dom: HTMLElement;
    readonly instance: TtInstance;
    _exparserNode: TtExElement;
    attach(parent: Element): void;
    detach(): void;
    triggerPageLifeTime(name: string, ...args: unknown[]): void;
  }
  const jComponent: {
    register(definition: Record<string, unknown>): string;
    behavior(definition: Record<string, unknown>): string;
    create(id: string, properties?: Record<string, unknown>): RootComponent | undefined;
  };
  export = jComponent;
}

declare module 'j-component/src/tool/utils' {
  const utils: {
    transformRpx(style: string, keep?: boolean): string;
  };
  export = utils;
}

declare module 'j-component/src/tool/selectorquery' {
  interface QueueItem {
    selector: string;
    exparserNode: TtExElement | 0 | null;
    isSelectSingle: boolean;
    fields: Record<string, unknown>;
  }
  class SelectorQuery {
    _exparserNode: TtExElement | null;
    _queue: QueueItem[];
    _queueCallback: (((res: unknown) => void) | null)[];
    exec(callback?: (res: unknown[]) => void): void;
  }
  export = SelectorQuery;
}

declare module 'j-component/src/render/component' {
  class RootComponent {}
  export = RootComponent;
}
