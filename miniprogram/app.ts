import { CLOUD_ENV } from './config';
import { readLargeType } from './utils/largeType';

App<IAppOption>({
  globalData: {
    largeType: false,
  },

  onLaunch() {
    // Base libraries before 2.2.3 have no wx.cloud; the pages then show their error state.
    if (wx.cloud) {
      wx.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
    } else {
      console.error('当前微信版本过低，无法使用云开发能力，请升级微信后再试');
    }
    this.globalData.largeType = readLargeType();
  },
});
