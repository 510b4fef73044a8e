import { LARGE_TYPE_STORAGE_KEY } from '../../miniprogram/utils/largeType';
import { app, cloudInit, resetWx } from './harness';

interface LaunchedApp {
  globalData: IAppOption['globalData'];
  onLaunch: () => void;
}

let definition: LaunchedApp;

beforeAll(async () => {
  await import('../../miniprogram/app');
  // The App() shim keeps the object app.ts registered.
  const registered = app();
  if (typeof registered.onLaunch !== 'function') throw new Error('app.ts did not call App()');
  definition = registered as unknown as LaunchedApp;
});

beforeEach(resetWx);

it('initialises the cloud once on launch', () => {
  definition.onLaunch();

  expect(cloudInit()).toHaveBeenCalledTimes(1);
  expect(cloudInit()).toHaveBeenCalledWith({ traceUser: true });
});

it('reads large-type mode from storage into globalData', () => {
  definition.onLaunch();
  expect(definition.globalData.largeType).toBe(false);

  wx.setStorageSync(LARGE_TYPE_STORAGE_KEY, true);
  definition.onLaunch();
  expect(definition.globalData.largeType).toBe(true);
});
