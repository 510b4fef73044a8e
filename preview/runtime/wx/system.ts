import {
  NAV_BAR_HEIGHT,
  SAFE_BOTTOM,
  SCREEN_HEIGHT,
  STATUS_BAR_HEIGHT,
  TAB_BAR_HEIGHT,
} from '../chrome';
import { config } from '../config';
import { currentPage, isTabPage } from '../router';
import { asyncApi } from './callback';

/**
 * What the app can learn about the phone. The preview is a 375×812 phone at 2x; the toolbar's
 * large-type switch changes `fontSizeSetting` as the WeChat font-size setting would.
 */

const LARGE_KEY = 'tongti-preview:largeType';
export const NORMAL_FONT = 16;
export const LARGE_FONT = 20;

export function largeType(): boolean {
  return localStorage.getItem(LARGE_KEY) === '1';
}

export function setLargeType(on: boolean): void {
  localStorage.setItem(LARGE_KEY, on ? '1' : '0');
}

function windowHeight(): number {
  const top = currentPage();
  const tab = top ? isTabPage(top.path) : false;
  return (
    SCREEN_HEIGHT - STATUS_BAR_HEIGHT - NAV_BAR_HEIGHT - (tab ? TAB_BAR_HEIGHT + SAFE_BOTTOM : 0)
  );
}

export function windowInfo(): Record<string, unknown> {
  const width = config().deviceWidth;
  return {
    pixelRatio: 2,
    screenWidth: width,
    screenHeight: SCREEN_HEIGHT,
    windowWidth: width,
    windowHeight: windowHeight(),
    statusBarHeight: STATUS_BAR_HEIGHT,
    safeArea: {
      left: 0,
      right: width,
      top: STATUS_BAR_HEIGHT,
      bottom: SCREEN_HEIGHT - SAFE_BOTTOM,
      width,
      height: SCREEN_HEIGHT - STATUS_BAR_HEIGHT - SAFE_BOTTOM,
    },
    screenTop: STATUS_BAR_HEIGHT + NAV_BAR_HEIGHT,
  };
}

export function deviceInfo(): Record<string, unknown> {
  return {
    brand: 'devtools',
    model: 'iPhone 13 mini (preview)',
    system: 'iOS 17.0',
    platform: 'devtools',
    benchmarkLevel: 1,
    abi: '',
    deviceAbi: '',
    cpuType: '',
    memorySize: 4096,
  };
}

export function appBaseInfo(): Record<string, unknown> {
  return {
    SDKVersion: '3.5.0',
    enableDebug: false,
    host: { env: 'WeChat' },
    language: 'zh_CN',
    version: '8.0.50',
    theme: 'light',
    fontSizeSetting: largeType() ? LARGE_FONT : NORMAL_FONT,
  };
}

export function systemInfo(): Record<string, unknown> {
  return {
    ...deviceInfo(),
    ...windowInfo(),
    ...appBaseInfo(),
    locationEnabled: false,
    wifiEnabled: true,
    bluetoothEnabled: false,
    cameraAuthorized: true,
    locationAuthorized: false,
    microphoneAuthorized: true,
    notificationAuthorized: true,
  };
}

/** Permissions granted through wx.authorize in this session (scope → true). */
const granted: Record<string, boolean> = {};

export function systemApis(): Record<string, unknown> {
  return {
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', () => systemInfo()),
    getSystemInfoAsync: asyncApi('getSystemInfoAsync', () => systemInfo()),
    getWindowInfo: windowInfo,
    getDeviceInfo: deviceInfo,
    getAppBaseInfo: appBaseInfo,
    getSystemSetting: () => ({
      bluetoothEnabled: false,
      locationEnabled: false,
      wifiEnabled: true,
      deviceOrientation: 'portrait',
    }),
    getAppAuthorizeSetting: () => ({
      albumAuthorized: 'authorized',
      cameraAuthorized: 'authorized',
      notificationAuthorized: 'authorized',
    }),
    getMenuButtonBoundingClientRect: () => ({
      width: 87,
      height: 32,
      top: STATUS_BAR_HEIGHT + 6,
      bottom: STATUS_BAR_HEIGHT + 38,
      left: config().deviceWidth - 94,
      right: config().deviceWidth - 7,
    }),
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'wxpreview', envVersion: 'develop', version: '' },
      plugin: {},
    }),
    getLaunchOptionsSync: () => ({
      path: config().pages[0] ?? '',
      query: {},
      scene: 1001,
      referrerInfo: {},
    }),
    getEnterOptionsSync: () => ({
      path: currentPage()?.path ?? '',
      query: currentPage()?.query ?? {},
      scene: 1001,
      referrerInfo: {},
    }),
    canIUse: () => true,
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: 'wifi' })),
    getSetting: asyncApi('getSetting', () => ({
      authSetting: { ...granted },
      subscriptionsSetting: { mainSwitch: true },
    })),
    // The person at the preview allows every permission asked (album, camera…): pages then run
    // their "granted" path; the refusal path is for tests with a stubbed wx.
    authorize: asyncApi('authorize', (o) => {
      const scope = typeof o.scope === 'string' ? o.scope : '';
      if (scope) granted[scope] = true;
    }),
    openSetting: asyncApi('openSetting', () => ({ authSetting: { ...granted } })),
    login: asyncApi('login', () => ({ code: `preview-code-${Date.now().toString(36)}` })),
    checkSession: asyncApi('checkSession', () => ({})),
  };
}
