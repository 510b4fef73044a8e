import cloud from 'wx-server-sdk';

/**
 * The one place the server layer initialises wx-server-sdk. The SDK reads where it talks to from
 * its environment, so this code is the same on WeChat Cloud and on the local cloud.
 */
let initialised = false;

export function sdk(): typeof cloud {
  if (!initialised) {
    // The SDK's typings declare the current-env marker as a symbol the init options don't accept.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud;
}

export type Db = ReturnType<typeof cloud.database>;

/** The caller's openid: identity comes only from the platform, never from the event. */
export function callerOpenid(): string {
  return sdk().getWXContext().OPENID ?? '';
}
