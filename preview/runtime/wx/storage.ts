import { str } from '../util';
import { asyncApi, fail } from './callback';
import { currentIdentity } from './cloud';

/** wx storage in localStorage, one namespace per identity (WeChat keeps it per user and app). */

function prefix(): string {
  return `tongti-mp:${currentIdentity().openid}:`;
}

export function getSync(key: string): unknown {
  const raw = localStorage.getItem(prefix() + key);
  if (raw === null) return '';
  try {
    return (JSON.parse(raw) as { v: unknown }).v;
  } catch {
    return '';
  }
}

export function setSync(key: string, value: unknown): void {
  if (!key) throw fail('setStorageSync', 'parameter error: key should not be empty');
  localStorage.setItem(prefix() + key, JSON.stringify({ v: value }));
}

function keys(): string[] {
  const p = prefix();
  const out: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k && k.startsWith(p)) out.push(k.slice(p.length));
  }
  return out;
}

function info(): Record<string, unknown> {
  const all = keys();
  const bytes = all.reduce((n, k) => n + (localStorage.getItem(prefix() + k)?.length ?? 0), 0);
  return { keys: all, currentSize: Math.ceil(bytes / 1024), limitSize: 10240 };
}

export function storageApis(): Record<string, unknown> {
  return {
    getStorageSync: (key: string) => getSync(key),
    setStorageSync: (key: string, value: unknown) => setSync(key, value),
    removeStorageSync: (key: string) => localStorage.removeItem(prefix() + key),
    clearStorageSync: () => keys().forEach((k) => localStorage.removeItem(prefix() + k)),
    getStorageInfoSync: () => info(),
    getStorage: asyncApi('getStorage', (o) => {
      const key = str(o.key);
      if (localStorage.getItem(prefix() + key) === null) throw fail('getStorage', 'data not found');
      return { data: getSync(key) };
    }),
    setStorage: asyncApi('setStorage', (o) => {
      setSync(str(o.key), o.data);
    }),
    removeStorage: asyncApi('removeStorage', (o) => {
      localStorage.removeItem(prefix() + str(o.key));
    }),
    clearStorage: asyncApi('clearStorage', () => {
      keys().forEach((k) => localStorage.removeItem(prefix() + k));
    }),
    getStorageInfo: asyncApi('getStorageInfo', () => info()),
  };
}
