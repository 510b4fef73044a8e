/**
 * What the build step hands the browser runtime (as `window.__ttConfig`): the app's json, every
 * page and component with its resolved components, and the compiled styles. Types only.
 */

export interface PreviewModule {
  kind: 'page' | 'component';
  /** Host tag of a component ('area-card'); pages use 'page'. */
  tagName: string;
  /** Tag used in this module's WXML → module path. */
  using: Record<string, string>;
  json: Record<string, unknown>;
  hasWxml: boolean;
  hasScript: boolean;
}

export interface PreviewConfig {
  buildId: string;
  appJson: Record<string, unknown>;
  pages: string[];
  modules: Record<string, PreviewModule>;
  /** CSS with PREFIX_MARK where a class prefix goes; keys are module paths or 'app'. */
  styles: { global: string; files: Record<string, string> };
  prefixMark: string;
  /** The screen width the rpx units were resolved for. */
  deviceWidth: number;
  warnings: string[];
}
