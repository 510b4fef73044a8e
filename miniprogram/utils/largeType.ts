/**
 * The large-type preference (大字模式). Storage is the source of truth so the choice survives a
 * restart; `globalData` mirrors it for code that reads the app; listeners let pages that are
 * already open (tab pages stay alive) restyle at once.
 */

export const LARGE_TYPE_STORAGE_KEY = 'tongti.largeType';

type LargeTypeListener = (enabled: boolean) => void;

const listeners = new Set<LargeTypeListener>();

export function readLargeType(): boolean {
  return wx.getStorageSync<unknown>(LARGE_TYPE_STORAGE_KEY) === true;
}

export function setLargeType(enabled: boolean): void {
  wx.setStorageSync(LARGE_TYPE_STORAGE_KEY, enabled);
  // allowDefault: a page may run before App() in tests and in some preview runtimes.
  const app = getApp<IAppOption>({ allowDefault: true });
  if (app && app.globalData) app.globalData.largeType = enabled;
  listeners.forEach((listener) => listener(enabled));
}

/** Calls `listener` on every change until the returned function is called. */
export function onLargeTypeChange(listener: LargeTypeListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
