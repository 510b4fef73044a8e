import type { PreviewConfig, PreviewModule } from '../shared/config';

/** The build's description of the app, loaded before the runtime by app-config.js. */
export function config(): PreviewConfig {
  const c = (globalThis as { __ttConfig?: PreviewConfig }).__ttConfig;
  if (!c) throw new Error('preview: app-config.js did not load');
  return c;
}

export function moduleInfo(path: string): PreviewModule | undefined {
  return config().modules[path];
}

export function appWindow(): Record<string, unknown> {
  const w = config().appJson.window;
  return w !== null && typeof w === 'object' ? (w as Record<string, unknown>) : {};
}
