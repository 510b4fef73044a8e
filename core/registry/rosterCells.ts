import { halfWidth } from './roomNumber';

/**
 * How the cells of an office's roster are read: phones, co-owners, areas, floors, and the rows
 * under the table that are not units (totals, notes). Each reads what people type — full-width
 * text, spaces, dashes, 和 — and never guesses where two readings are possible.
 */

/**
 * Mainland mobiles and landlines as digits (with or without +86 / 0086, spaces, dashes, dots,
 * brackets); other countries as +<digits>.
 */
export function normalizePhone(text: string): string | null {
  const compact = halfWidth(text).replace(/[\s\-().]/g, '');
  const mainland = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact);
  if (mainland) return mainland[1] ?? null;
  if (/^0\d{9,11}$/.test(compact)) return compact;
  // A landline written with the country code: +86 21 6212 3456 is 021 6212 3456.
  const landline = /^(?:\+86|0086)([1-9]\d{8,10})$/.exec(compact);
  if (landline) return `0${landline[1] ?? ''}`;
  if (/^\+\d{6,15}$/.test(compact)) return compact;
  return null;
}

const LIST_SEPARATORS = /[、,;/|]+/;

function splitList(text: string): string[] {
  return halfWidth(text)
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const HAN = /^\p{Script=Han}+$/u;
export const charCount = (s: string): number => Array.from(s).length;

/**
 * 和 between co-owners ("张三和李四"), but not inside a name ("王和平"): split only where every
 * part is at least two characters, as Chinese names are.
 */
function splitOnAnd(name: string): string[] {
  const chars = Array.from(name);
  for (let i = 2; i < chars.length - 2; i += 1) {
    if (chars[i] !== '和') continue;
    const rest = splitOnAnd(chars.slice(i + 1).join(''));
    if (rest.every((p) => charCount(p) >= 2)) return [chars.slice(0, i).join(''), ...rest];
  }
  return [name];
}

/**
 * Co-owners, in order, separated by 、，,/;| or 和. Spaces inside a Chinese name are the office's
 * padding (王, a full-width space, 伟); a space between two full names ("王伟 李敏") could be either, so it is asked.
 */
export function splitOwners(text: string): { names: string[]; unclear: string | null } {
  const names: string[] = [];
  let unclear: string | null = null;
  for (const part of splitList(text)) {
    const tokens = part.split(' ');
    let name = part;
    if (tokens.length > 1 && tokens.every((t) => HAN.test(t))) {
      if (tokens.filter((t) => charCount(t) >= 2).length > 1) unclear ??= part;
      name = tokens.join('');
    }
    names.push(...splitOnAnd(name));
  }
  return { names, unclear };
}

/**
 * Phones separated like co-owners; within one, spaces and dashes are grouping ("139 0000 0001"),
 * unless the groups are whole phones themselves ("13900000003 13900000004").
 */
export function splitPhones(text: string): Array<{ text: string; phone: string | null }> {
  const phones: Array<{ text: string; phone: string | null }> = [];
  for (const part of splitList(text).flatMap((p) => p.split('和'))) {
    const whole = normalizePhone(part);
    const pieces = part.split(/\s+/).filter((p) => p !== '');
    if (whole === null && pieces.length > 1 && pieces.every((p) => normalizePhone(p) !== null)) {
      for (const p of pieces) phones.push({ text: p, phone: normalizePhone(p) });
    } else if (part.trim() !== '') phones.push({ text: part.trim(), phone: whole });
  }
  return phones;
}

/**
 * 合计, 总计, 小计, 共计 (also spaced out, "合 计"): a totals row; a lone 注：/说明/制表 line under
 * the table: a note. Neither is a unit. Returns what the row says, or null for any other row.
 */
export function skippedRowText(cells: readonly string[]): string | null {
  const filled = cells.map((c) => c.trim()).filter((c) => halfWidth(c) !== '');
  const totals = filled
    .slice(0, 3)
    .find((c) => /^(合计|总计|小计|共计|总合计)/.test(c.replace(/\s/g, '')));
  if (totals !== undefined) return totals.replace(/\s/g, '');
  const [only] = filled;
  if (
    filled.length === 1 &&
    only !== undefined &&
    /^(注|备注|说明|制表|填表|数据来源)/.test(only)
  ) {
    return only;
  }
  return null;
}

/** 89.12, 89.12㎡, 89.12 平方米, 89.12m2, 1,089.12 → the number's text. */
export function areaTextOf(text: string): string {
  const plain = halfWidth(text)
    .replace(/\s/g, '')
    .replace(/(m2|m\^2|平方米|平米|平方)$/i, '');
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain) ? plain.replace(/,/g, '') : plain;
}

export function floorOfColumn(text: string): number | null {
  const plain = halfWidth(text)
    .replace(/\s/g, '')
    .replace(/^第/, '')
    .replace(/(层|F|楼)$/i, '');
  return /^\d{1,3}$/.test(plain) ? Number(plain) : null;
}
