/**
 * The large-type preference (大字模式). By default it follows WeChat's own font-size setting
 * (适老化: WeChat asks mini programs to honour it); a person who flips the app's switch has
 * chosen, and storage keeps that choice across restarts. `globalData` mirrors the effective
 * value for code that reads the app; listeners let pages that are already open (tab pages stay
 * alive) restyle at once.
 */

export const LARGE_TYPE_STORAGE_KEY = 'tongti.largeType';

/**
 * WeChat's standard sizes are 17 px (iOS) and 16 px (Android); anything from one step above that
 * up to 关怀模式 (23.8 px) means the person asked their phone for bigger type.
 */
export const SYSTEM_LARGE_FONT_PX = 19;

type LargeTypeListener = (enabled: boolean) => void;

const listeners = new Set<LargeTypeListener>();

/** True when WeChat's font-size setting is above standard; false where the API is missing. */
export function systemWantsLargeType(): boolean {
  if (typeof wx.getAppBaseInfo !== 'function') return false;
  try {
    const size = wx.getAppBaseInfo().fontSizeSetting;
    return typeof size === 'number' && size >= SYSTEM_LARGE_FONT_PX;
  } catch {
    return false;
  }
}

/** The person's own choice when they made one, otherwise WeChat's setting. */
export function readLargeType(): boolean {
  const stored = wx.getStorageSync<unknown>(LARGE_TYPE_STORAGE_KEY);
  if (stored === true || stored === false) return stored;
  return systemWantsLargeType();
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
