import { h } from '../util';

/**
 * WeChat's own dialogs drawn inside the phone screen with WeUI's proportions: toast and loading,
 * modal, action sheet, and a bottom sheet the pay, subscribe, picker and share panels build on.
 */

let layer: HTMLElement | null = null;
let toastNode: HTMLElement | null = null;
let toastTimer: number | undefined;

export function initUi(l: HTMLElement): void {
  layer = l;
}

function host(): HTMLElement {
  if (!layer) throw new Error('preview: UI layer not ready');
  return layer;
}

const ICONS: Record<string, string> = {
  success:
    '<svg width="40" height="40" viewBox="0 0 40 40"><path d="M9 20.5 16.5 28 31 13" fill="none" stroke="#fff" stroke-width="3"/></svg>',
  error:
    '<svg width="40" height="40" viewBox="0 0 40 40"><circle cx="20" cy="20" r="16" fill="none" stroke="#fff" stroke-width="2.5"/><path d="M20 11v12" stroke="#fff" stroke-width="3"/><circle cx="20" cy="28.5" r="1.8" fill="#fff"/></svg>',
  loading: '<span class="pv-spinner pv-spinner--light"></span>',
};

export interface ToastOptions {
  title: string;
  icon: 'success' | 'error' | 'loading' | 'none';
  image?: string;
  duration: number;
  mask: boolean;
  kind: 'toast' | 'loading';
}

export function showToast(opts: ToastOptions): void {
  hideToast();
  const wrap = h('div', `pv-toast-wrap${opts.mask ? ' pv-toast-wrap--mask' : ''}`);
  const box = h('div', `pv-toast${opts.icon === 'none' && !opts.image ? ' pv-toast--text' : ''}`);
  box.dataset.kind = opts.kind;
  box.setAttribute('role', 'status');
  if (opts.image) {
    const img = h('img', 'pv-toast__img');
    img.src = opts.image;
    box.append(img);
  } else if (opts.icon !== 'none') {
    const icon = h('div', 'pv-toast__icon');
    icon.innerHTML = ICONS[opts.icon] ?? '';
    box.append(icon);
  }
  box.append(h('div', 'pv-toast__title', opts.title));
  wrap.append(box);
  host().append(wrap);
  toastNode = wrap;
  if (opts.kind === 'toast') toastTimer = window.setTimeout(hideToast, opts.duration);
}

export function hideToast(kind?: 'toast' | 'loading'): void {
  if (!toastNode) return;
  const box = toastNode.querySelector<HTMLElement>('.pv-toast');
  if (kind && box?.dataset.kind !== kind) return;
  window.clearTimeout(toastTimer);
  toastNode.remove();
  toastNode = null;
}

function mask(onTap?: () => void): HTMLElement {
  const m = h('div', 'pv-mask');
  if (onTap) m.addEventListener('click', (e) => e.target === m && onTap());
  host().append(m);
  requestAnimationFrame(() => m.classList.add('pv-mask--on'));
  return m;
}

export interface ModalOptions {
  title: string;
  content: string;
  showCancel: boolean;
  cancelText: string;
  cancelColor: string;
  confirmText: string;
  confirmColor: string;
  editable: boolean;
  placeholderText: string;
}

export function showModal(
  o: ModalOptions,
): Promise<{ confirm: boolean; cancel: boolean; content?: string }> {
  return new Promise((resolve) => {
    const m = mask();
    const dialog = h('div', 'pv-dialog');
    dialog.setAttribute('role', 'dialog');
    if (o.title) dialog.append(h('div', 'pv-dialog__title', o.title));
    let input: HTMLTextAreaElement | null = null;
    if (o.editable) {
      input = h('textarea', 'pv-dialog__input');
      input.placeholder = o.placeholderText;
      input.value = o.content;
      dialog.append(input);
    } else if (o.content) {
      dialog.append(
        h('div', `pv-dialog__body${o.title ? '' : ' pv-dialog__body--only'}`, o.content),
      );
    }
    const foot = h('div', 'pv-dialog__foot');
    const done = (confirm: boolean): void => {
      m.remove();
      resolve(
        o.editable
          ? { confirm, cancel: !confirm, content: input?.value ?? '' }
          : { confirm, cancel: !confirm },
      );
    };
    if (o.showCancel) {
      const cancel = h('button', 'pv-dialog__btn pv-dialog__btn--cancel', o.cancelText);
      cancel.type = 'button';
      cancel.style.color = o.cancelColor;
      cancel.addEventListener('click', () => done(false));
      foot.append(cancel);
    }
    const ok = h('button', 'pv-dialog__btn pv-dialog__btn--ok', o.confirmText);
    ok.type = 'button';
    ok.style.color = o.confirmColor;
    ok.addEventListener('click', () => done(true));
    foot.append(ok);
    dialog.append(foot);
    m.append(dialog);
    input?.focus();
  });
}

/** Resolves the tapped index, or null when cancelled. */
export function showActionSheet(
  items: string[],
  opts: { alertText?: string; itemColor: string },
): Promise<number | null> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: number | null): void => {
      if (done) return;
      done = true;
      sheet.classList.remove('pv-sheet--on');
      m.classList.remove('pv-mask--on');
      setTimeout(() => m.remove(), 160);
      resolve(v);
    };
    const m = mask(() => finish(null));
    const sheet = h('div', 'pv-sheet pv-actions');
    if (opts.alertText) sheet.append(h('div', 'pv-actions__alert', opts.alertText));
    const menu = h('div', 'pv-actions__menu');
    items.forEach((text, i) => {
      const b = h('button', 'pv-actions__item', text);
      b.type = 'button';
      b.style.color = opts.itemColor;
      b.addEventListener('click', () => finish(i));
      menu.append(b);
    });
    const cancel = h('button', 'pv-actions__item pv-actions__cancel', '取消');
    cancel.type = 'button';
    cancel.addEventListener('click', () => finish(null));
    sheet.append(menu, h('div', 'pv-actions__gap'), cancel);
    m.append(sheet);
    requestAnimationFrame(() => sheet.classList.add('pv-sheet--on'));
  });
}

export interface Sheet {
  body: HTMLElement;
  close(): void;
}

/** A half-screen dialog (WeUI's bottom sheet) with a title; `build` fills its body. */
export function openSheet(
  title: string,
  build: (sheet: Sheet) => void,
  onDismiss?: () => void,
): Sheet {
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    panel.classList.remove('pv-sheet--on');
    m.classList.remove('pv-mask--on');
    setTimeout(() => m.remove(), 160);
  };
  const m = mask(() => {
    close();
    onDismiss?.();
  });
  const panel = h('div', 'pv-sheet pv-half');
  panel.setAttribute('role', 'dialog');
  const head = h('div', 'pv-half__head');
  const x = h('button', 'pv-half__close');
  x.type = 'button';
  x.setAttribute('aria-label', '关闭');
  x.innerHTML =
    '<svg width="14" height="14" viewBox="0 0 14 14"><path d="M1 1l12 12M13 1 1 13" stroke="currentColor" stroke-width="1.6"/></svg>';
  x.addEventListener('click', () => {
    close();
    onDismiss?.();
  });
  head.append(x, h('div', 'pv-half__title', title));
  const body = h('div', 'pv-half__body');
  panel.append(head, body);
  m.append(panel);
  const s: Sheet = { body, close };
  build(s);
  requestAnimationFrame(() => panel.classList.add('pv-sheet--on'));
  return s;
}

export function sheetButton(
  text: string,
  kind: 'primary' | 'default' | 'warn',
  onClick: () => void,
): HTMLButtonElement {
  const b = h('button', `pv-btn pv-btn--${kind}`, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}
