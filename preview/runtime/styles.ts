import { config } from './config';

/**
 * Stylesheets per scope. wcsc left a mark where WeChat writes a component's class prefix; each
 * scope replaces it with its own prefix ('' for app and pages, 'area-card--' for a component).
 */

const injected = new Set<string>();

export function injectCss(key: string, css: string): void {
  if (injected.has(key) || !css) return;
  injected.add(key);
  const style = document.createElement('style');
  style.dataset.pv = key;
  style.textContent = css;
  document.head.appendChild(style);
}

function withPrefix(css: string, prefix: string): string {
  return css.split(config().prefixMark).join(prefix);
}

/**
 * Injects the compiled WXSS of a module (or 'app') for a class prefix. A page's WXSS applies to
 * that page only, as in WeChat, where each page renders on its own: pages share one document
 * here, so it is scoped to the page's frames, or a page lower in the stack would restyle the
 * same class names on the page above it.
 */
export function injectScope(file: string, classPrefix: string, page = false): void {
  const css = config().styles.files[file];
  if (css === undefined) return;
  const prefixed = withPrefix(css, classPrefix ? `${classPrefix}--` : '');
  injectCss(
    `${file}|${classPrefix}`,
    page ? `@scope (.pv-frame[data-path="${file}"]) {\n${prefixed}\n}` : prefixed,
  );
}

export function injectGlobalStyles(): void {
  injectCss('wcsc-global', withPrefix(config().styles.global, ''));
  injectScope('app', '');
}
