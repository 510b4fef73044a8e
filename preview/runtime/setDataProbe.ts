import jComponent from 'j-component/src/index';

/**
 * A measuring hook for `npm run bench`: when the page defines `window.__ttSetDataProbe` before
 * the runtime loads, every page's and component's `setData` reports its module path and the
 * payload's size as WeChat serializes it (JSON, UTF-8 bytes) before it applies. Without the hook
 * nothing is wrapped, so the preview runs exactly as before.
 */

type Probe = (path: string, bytes: number) => void;

function probe(): Probe | null {
  const p = (globalThis as { __ttSetDataProbe?: unknown }).__ttSetDataProbe;
  return typeof p === 'function' ? (p as Probe) : null;
}

/** A behavior to put first in the module's behaviors, or none when nobody measures. */
export function setDataProbeBehaviors(path: string): string[] {
  if (!probe()) return [];
  const id = jComponent.behavior({
    lifetimes: {
      created(this: TtInstance) {
        const original = this.setData;
        this.setData = (data: Record<string, unknown>, callback?: () => void) => {
          const json = JSON.stringify(data) as string | undefined;
          probe()?.(path, json === undefined ? 0 : new TextEncoder().encode(json).length);
          original.call(this, data, callback);
        };
      },
    },
  });
  return [id];
}
