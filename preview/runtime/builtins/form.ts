import { reportError } from '../router';
import { h } from '../util';
import { shareFrom } from '../wx/share';
import { openSheet, sheetButton, showModal, showToast } from '../wx/ui';
import { defineBuiltin, fire, type BuiltinSelf } from './define';

/**
 * Form built-ins on native controls: button (types, sizes, loading, open-type, form-type),
 * input, textarea, switch, picker, slider, checkbox, radio and form. Each keeps the value the
 * user typed or chose on its host so <form> can submit it.
 */

interface Field {
  name(): string;
  value(): unknown;
  reset(): void;
}

const fields = new WeakMap<HTMLElement, Field>();

function self(el: Element | null): BuiltinSelf | null {
  const node = (el as { __wxElement?: TtExElement } | null)?.__wxElement;
  return node
    ? ((node as unknown as { __methodCaller?: BuiltinSelf }).__methodCaller ?? null)
    : null;
}

function formOf(s: BuiltinSelf): BuiltinSelf | null {
  return self(s.host.parentElement?.closest('wx-form') ?? null);
}

function formValues(form: HTMLElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of form.querySelectorAll<HTMLElement>('*')) {
    const f = fields.get(el);
    if (!f) continue;
    const name = f.name();
    if (name) out[name] = f.value();
  }
  return out;
}

function submit(form: BuiltinSelf, kind: 'submit' | 'reset'): void {
  if (kind === 'reset') {
    for (const el of form.host.querySelectorAll<HTMLElement>('*')) fields.get(el)?.reset();
    fire(form, 'reset', {});
    return;
  }
  fire(form, 'submit', {
    value: formValues(form.host),
    target: { id: form._exparserNode.id, dataset: {} },
  });
}

function chooseImage(): Promise<string | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      resolve(f ? URL.createObjectURL(f) : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

async function openType(s: BuiltinSelf, type: string): Promise<void> {
  const target = { id: s._exparserNode.id, dataset: { ...(s._exparserNode.dataset || {}) } };
  switch (type) {
    case 'share':
      await shareFrom({ from: 'button', target });
      return;
    case 'getPhoneNumber':
    case 'getRealtimePhoneNumber': {
      const event = type === 'getPhoneNumber' ? 'getphonenumber' : 'getrealtimephonenumber';
      const r = await showModal({
        title: '申请获取并验证你的手机号',
        content: '13800138000',
        showCancel: true,
        cancelText: '拒绝',
        cancelColor: '#000000',
        confirmText: '允许',
        confirmColor: '#576B95',
        editable: true,
        placeholderText: '手机号',
      });
      if (!r.confirm || !r.content) {
        fire(s, event, { errMsg: `${type}:fail user deny` });
        return;
      }
      fire(s, event, { errMsg: `${type}:ok`, code: await phoneCode(r.content) });
      return;
    }
    case 'chooseAvatar': {
      const url = await chooseImage();
      if (url) fire(s, 'chooseavatar', { avatarUrl: url });
      return;
    }
    case 'getUserInfo':
      fire(s, 'getuserinfo', {
        errMsg: 'getUserInfo:ok',
        userInfo: { nickName: '微信用户', avatarUrl: '' },
      });
      return;
    case 'openSetting':
      fire(s, 'opensetting', { authSetting: {} });
      return;
    case 'agreePrivacyAuthorization':
      fire(s, 'agreeprivacyauthorization', {});
      return;
    case 'contact':
      fire(s, 'contact', {});
      toast('客服会话在预览中不可用');
      return;
    default:
      toast(`open-type="${type}" 在预览中不可用`);
  }
}

/**
 * A one-time code for the number the user typed: the local cloud's openapi stand-in learns the
 * pair (`POST /openapi/phone-codes`) so phonenumber.getPhoneNumber(code) answers that number.
 */
async function phoneCode(phone: string): Promise<string> {
  try {
    const res = await fetch('/openapi/phone-codes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone }),
    });
    const body: unknown = await res.json();
    if (
      res.ok &&
      body &&
      typeof body === 'object' &&
      typeof (body as { code?: unknown }).code === 'string'
    ) {
      return (body as { code: string }).code;
    }
    reportError(`phone code not registered: ${res.status} ${JSON.stringify(body)}`);
  } catch (e) {
    reportError(`phone code not registered: ${(e as Error).message}`, e);
  }
  return `preview-phone-${Date.now().toString(36)}`;
}

function toast(title: string): void {
  showToast({ title, icon: 'none', duration: 1500, mask: false, kind: 'toast' });
}

function inputType(type: string, password: boolean): { type: string; inputMode: string } {
  if (password || type === 'safe-password') return { type: 'password', inputMode: 'text' };
  if (type === 'number') return { type: 'text', inputMode: 'numeric' };
  if (type === 'digit') return { type: 'text', inputMode: 'decimal' };
  return { type: 'text', inputMode: 'text' };
}

let placeholderRules = 0;

function placeholderStyle(el: HTMLInputElement | HTMLTextAreaElement, css: string): void {
  if (!css) return;
  const cls = `pv-ph-${++placeholderRules}`;
  el.classList.add(cls);
  const style = document.createElement('style');
  style.textContent = `.${cls}::placeholder{${css}}`;
  document.head.append(style);
}

function textControl(kind: 'input' | 'textarea'): void {
  defineBuiltin(kind, {
    properties: {
      value: { type: String, value: '' },
      type: { type: String, value: 'text' },
      password: { type: Boolean },
      placeholder: { type: String, value: '' },
      placeholderStyle: { type: String, value: '' },
      placeholderClass: { type: String, value: '' },
      disabled: { type: Boolean },
      maxlength: { type: Number, value: 140 },
      focus: { type: Boolean },
      autoFocus: { type: Boolean },
      autoHeight: { type: Boolean },
      confirmType: { type: String, value: 'done' },
      name: { type: String, value: '' },
    },
    reflect: ['disabled', 'autoHeight'],
    mount(s) {
      const el = kind === 'input' ? h('input', 'pv-field') : h('textarea', 'pv-field');
      s.state.el = el;
      s.state.initial = String(s.data.value ?? '');
      const detail = (): Record<string, unknown> => ({
        value: el.value,
        cursor: el.selectionStart ?? el.value.length,
      });
      el.addEventListener('input', (e) => {
        if (kind === 'textarea' && s.data.autoHeight) grow(el);
        fire(s, 'input', {
          ...detail(),
          keyCode: (e as InputEvent).data ? (e as InputEvent).data?.charCodeAt(0) : 8,
        });
      });
      el.addEventListener('focus', () => fire(s, 'focus', { value: el.value, height: 0 }));
      el.addEventListener('blur', () =>
        fire(s, 'blur', { value: el.value, cursor: el.selectionStart ?? 0 }),
      );
      el.addEventListener('keydown', (e) => {
        if (
          (e as KeyboardEvent).key === 'Enter' &&
          (kind === 'input' || !(e as KeyboardEvent).shiftKey)
        ) {
          if (kind === 'textarea') return;
          fire(s, 'confirm', { value: el.value });
          const form = formOf(s);
          if (form && s.data.confirmType === 'go') submit(form, 'submit');
        }
      });
      placeholderStyle(el, String(s.data.placeholderStyle || ''));
      s.host.append(el);
      fields.set(s.host, {
        name: () => String(s.data.name || ''),
        value: () => el.value,
        reset: () => (el.value = ''),
      });
    },
    sync(s) {
      const el = s.state.el as HTMLInputElement | HTMLTextAreaElement;
      const value = s.data.value === null || s.data.value === undefined ? '' : String(s.data.value);
      if (el.value !== value && s.state.lastValue !== value) el.value = value;
      s.state.lastValue = value;
      el.placeholder = String(s.data.placeholder || '');
      el.disabled = s.data.disabled === true;
      const max = Number(s.data.maxlength);
      if (max >= 0) el.maxLength = max;
      else el.removeAttribute('maxlength');
      if (el instanceof HTMLInputElement) {
        const t = inputType(String(s.data.type), s.data.password === true);
        el.type = t.type;
        el.inputMode = t.inputMode;
        el.enterKeyHint = String(s.data.confirmType || 'done');
      } else if (s.data.autoHeight) {
        grow(el);
      }
      if ((s.data.focus || s.data.autoFocus) && !s.state.focused) {
        s.state.focused = true;
        requestAnimationFrame(() => el.focus());
      }
      if (!s.data.focus) s.state.focused = false;
    },
  });
}

function grow(el: HTMLTextAreaElement | HTMLInputElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight}px`;
}

type Column = { label: string }[];

function columnOf(range: unknown, key: string): Column {
  if (!Array.isArray(range)) return [];
  return range.map((item) => ({
    label:
      item !== null && typeof item === 'object' && key
        ? String((item as Record<string, unknown>)[key] ?? '')
        : String(item),
  }));
}

function openPicker(s: BuiltinSelf): void {
  const mode = String(s.data.mode || 'selector');
  const title = String(s.data.headerText || '');
  if (mode === 'selector') {
    const col = columnOf(s.data.range, String(s.data.rangeKey || ''));
    const current = Number(s.data.value) || 0;
    openSheet(
      title || '请选择',
      (sheet) => {
        const list = h('div', 'pv-picklist');
        col.forEach((item, i) => {
          const row = h(
            'button',
            `pv-picklist__item${i === current ? ' pv-picklist__item--on' : ''}`,
            item.label,
          );
          row.type = 'button';
          row.addEventListener('click', () => {
            sheet.close();
            s.state.value = i;
            fire(s, 'change', { value: i });
          });
          list.append(row);
        });
        sheet.body.append(list);
      },
      () => fire(s, 'cancel', {}),
    );
    return;
  }
  if (mode === 'multiSelector') {
    const range = Array.isArray(s.data.range) ? s.data.range : [];
    const values = Array.isArray(s.data.value) ? s.data.value.map(Number) : [];
    openSheet(
      title || '请选择',
      (sheet) => {
        const row = h('div', 'pv-pickcols');
        const selects = range.map((colRange, c) => {
          const sel = h('select', 'pv-select');
          columnOf(colRange, String(s.data.rangeKey || '')).forEach((item, i) => {
            const opt = h('option', '', item.label);
            opt.value = String(i);
            sel.append(opt);
          });
          sel.value = String(values[c] ?? 0);
          sel.addEventListener('change', () =>
            fire(s, 'columnchange', { column: c, value: Number(sel.value) }),
          );
          row.append(sel);
          return sel;
        });
        sheet.body.append(
          row,
          sheetButton('确定', 'primary', () => {
            sheet.close();
            fire(s, 'change', { value: selects.map((x) => Number(x.value)) });
          }),
        );
      },
      () => fire(s, 'cancel', {}),
    );
    return;
  }
  if (mode === 'date' || mode === 'time') {
    const fieldsMode = String(s.data.fields || 'day');
    const input = h('input', 'pv-select');
    input.type =
      mode === 'time'
        ? 'time'
        : fieldsMode === 'month'
          ? 'month'
          : fieldsMode === 'year'
            ? 'number'
            : 'date';
    input.value = String(s.data.value || '');
    if (s.data.start) input.min = String(s.data.start);
    if (s.data.end) input.max = String(s.data.end);
    openSheet(
      title || (mode === 'time' ? '选择时间' : '选择日期'),
      (sheet) => {
        sheet.body.append(
          input,
          sheetButton('确定', 'primary', () => {
            sheet.close();
            if (input.value) fire(s, 'change', { value: input.value });
          }),
        );
      },
      () => fire(s, 'cancel', {}),
    );
    return;
  }
  if (mode === 'region') {
    const values = Array.isArray(s.data.value) ? s.data.value.map(String) : ['', '', ''];
    openSheet(title || '选择地区', (sheet) => {
      const inputs = ['省', '市', '区'].map((ph, i) => {
        const inp = h('input', 'pv-select');
        inp.placeholder = ph;
        inp.value = values[i] ?? '';
        return inp;
      });
      sheet.body.append(
        ...inputs,
        sheetButton('确定', 'primary', () => {
          sheet.close();
          fire(s, 'change', { value: inputs.map((x) => x.value), code: [], postcode: '' });
        }),
      );
    });
    return;
  }
  reportError(`<picker mode="${mode}"> is not supported by the preview`);
}

function toggle(s: BuiltinSelf, kind: 'checkbox' | 'radio'): void {
  if (s.data.disabled) return;
  const group = self(s.host.parentElement?.closest(`wx-${kind}-group`) ?? null);
  if (kind === 'radio') {
    if (s.data.checked) return;
    if (group) {
      for (const el of group.host.querySelectorAll('wx-radio'))
        self(el)?.setData({ checked: false });
    }
    s.setData({ checked: true });
    if (group) fire(group, 'change', { value: String(s.data.value ?? '') });
    return;
  }
  s.setData({ checked: !s.data.checked });
  if (group) {
    const value = [...group.host.querySelectorAll('wx-checkbox')]
      .map((el) => self(el))
      .filter((x): x is BuiltinSelf => !!x && x.data.checked === true)
      .map((x) => String(x.data.value ?? ''));
    fire(group, 'change', { value });
  }
}

export function defineFormBuiltins(): void {
  defineBuiltin('button', {
    properties: {
      size: { type: String, value: 'default' },
      type: { type: String, value: 'default' },
      plain: { type: Boolean },
      disabled: { type: Boolean },
      loading: { type: Boolean },
      formType: { type: String, value: '' },
      openType: { type: String, value: '' },
      hoverClass: { type: String, value: 'button-hover' },
      hoverStopPropagation: { type: Boolean },
      hoverStartTime: { type: Number, value: 20 },
      hoverStayTime: { type: Number, value: 70 },
      lang: { type: String, value: 'en' },
      sessionFrom: { type: String },
      sendMessageTitle: { type: String },
      sendMessagePath: { type: String },
      sendMessageImg: { type: String },
      appParameter: { type: String },
      showMessageCard: { type: Boolean },
    },
    reflect: ['size', 'type', 'plain', 'disabled', 'loading', 'openType'],
    mount(s) {
      s.host.setAttribute('role', 'button');
    },
    onTap(s) {
      if (s.data.disabled) return;
      const form = s.data.formType ? formOf(s) : null;
      if (form && (s.data.formType === 'submit' || s.data.formType === 'reset')) {
        submit(form, s.data.formType);
      }
      const type = String(s.data.openType || '');
      if (type) void openType(s, type);
    },
  });

  textControl('input');
  textControl('textarea');

  defineBuiltin('switch', {
    properties: {
      checked: { type: Boolean },
      disabled: { type: Boolean },
      type: { type: String, value: 'switch' },
      color: { type: String, value: '#07c160' },
      name: { type: String, value: '' },
    },
    reflect: ['checked', 'disabled', 'type'],
    mount(s) {
      const ctl = h('span', 'pv-switch');
      ctl.setAttribute('role', 'switch');
      s.host.append(ctl);
      s.state.ctl = ctl;
      s.state.initial = s.data.checked === true;
      fields.set(s.host, {
        name: () => String(s.data.name || ''),
        value: () => s.data.checked === true,
        reset: () => s.setData({ checked: s.state.initial === true }),
      });
    },
    sync(s) {
      const ctl = s.state.ctl as HTMLElement;
      ctl.setAttribute('aria-checked', String(s.data.checked === true));
      s.host.style.setProperty('--pv-switch-color', String(s.data.color || '#07c160'));
    },
    onTap(s) {
      if (s.data.disabled) return;
      const value = !(s.data.checked === true);
      s.setData({ checked: value });
      fire(s, 'change', { value });
    },
  });

  defineBuiltin('picker', {
    properties: {
      mode: { type: String, value: 'selector' },
      range: { type: null, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: 0 },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
      fields: { type: String, value: 'day' },
      disabled: { type: Boolean },
      headerText: { type: String, value: '' },
      name: { type: String, value: '' },
    },
    reflect: ['disabled'],
    mount(s) {
      fields.set(s.host, {
        name: () => String(s.data.name || ''),
        value: () => s.state.value ?? s.data.value,
        reset: () => (s.state.value = undefined),
      });
    },
    onTap(s) {
      if (!s.data.disabled) openPicker(s);
    },
  });

  defineBuiltin('slider', {
    properties: {
      min: { type: Number, value: 0 },
      max: { type: Number, value: 100 },
      step: { type: Number, value: 1 },
      value: { type: Number, value: 0 },
      disabled: { type: Boolean },
      showValue: { type: Boolean },
      activeColor: { type: String, value: '#07c160' },
      backgroundColor: { type: String, value: '#e9e9e9' },
      name: { type: String, value: '' },
    },
    reflect: ['disabled'],
    mount(s) {
      const range = h('input', 'pv-slider');
      range.type = 'range';
      const shown = h('span', 'pv-slider__value');
      range.addEventListener('input', () => {
        shown.textContent = range.value;
        fire(s, 'changing', { value: Number(range.value) });
      });
      range.addEventListener('change', () => fire(s, 'change', { value: Number(range.value) }));
      s.host.append(range, shown);
      s.state.range = range;
      s.state.shown = shown;
      fields.set(s.host, {
        name: () => String(s.data.name || ''),
        value: () => Number(range.value),
        reset: () => (range.value = String(s.data.value ?? 0)),
      });
    },
    sync(s) {
      const range = s.state.range as HTMLInputElement;
      const shown = s.state.shown as HTMLElement;
      range.min = String(s.data.min);
      range.max = String(s.data.max);
      range.step = String(s.data.step);
      range.value = String(s.data.value);
      range.disabled = s.data.disabled === true;
      range.style.accentColor = String(s.data.activeColor);
      shown.textContent = String(s.data.value);
      shown.style.display = s.data.showValue ? 'inline' : 'none';
    },
  });

  for (const kind of ['checkbox', 'radio'] as const) {
    defineBuiltin(kind, {
      properties: {
        value: { type: String, value: '' },
        checked: { type: Boolean },
        disabled: { type: Boolean },
        color: { type: String, value: '#07c160' },
      },
      reflect: ['checked', 'disabled'],
      mount(s) {
        s.host.prepend(h('span', `pv-${kind}`));
      },
      sync(s) {
        s.host.style.setProperty('--pv-check-color', String(s.data.color || '#07c160'));
      },
      onTap: (s) => toggle(s, kind),
    });
    defineBuiltin(`${kind}-group`, {
      properties: { name: { type: String, value: '' } },
      mount(s) {
        fields.set(s.host, {
          name: () => String(s.data.name || ''),
          value: () => {
            const checked = [...s.host.querySelectorAll(`wx-${kind}`)]
              .map((el) => self(el))
              .filter((x): x is BuiltinSelf => !!x && x.data.checked === true)
              .map((x) => String(x.data.value ?? ''));
            return kind === 'radio' ? (checked[0] ?? '') : checked;
          },
          reset: () => {
            for (const el of s.host.querySelectorAll(`wx-${kind}`))
              self(el)?.setData({ checked: false });
          },
        });
      },
    });
  }

  defineBuiltin('form', {
    properties: {
      reportSubmit: { type: Boolean },
      reportSubmitTimeout: { type: Number, value: 0 },
    },
  });
}
