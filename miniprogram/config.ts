/**
 * Deployment settings of the mini program. Edit this file, not the code that reads it.
 */

/**
 * Cloud Development environment id (DevTools → 云开发 → 设置 → 环境 ID). Empty means the
 * environment DevTools marks as default, which is right while a project has only one.
 */
export const CLOUD_ENV = '';
