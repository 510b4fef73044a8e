/**
 * Global declarations of the mini program (a script file: no imports or exports, so these names are
 * global wherever typings/ is included — miniprogram/ and its tests, never the Node side).
 */

/** What `getApp<IAppOption>()` returns besides the framework's own fields. */
interface IAppOption {
  globalData: {
    /** Large-type mode (大字模式): mirrored from storage at launch and on every toggle. */
    largeType: boolean;
  };
}
