// The measuring function runs in the page (Playwright's evaluate), so it is typed against the DOM.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Locator } from 'playwright-core';

/**
 * What a person with large type (or normal type) would trip over on a page, measured in the
 * preview's real layout (its CSS px are the phone's pt):
 * - text that runs out of its box;
 * - a short label (a tag, a button, a status: at most 12 characters) broken over two lines,
 *   "投票/中", "待计/票", "方案A：保留导/轨"; a short phrase (up to 24) broken inside a word
 *   ("8,877.05 m² 参/与"); a figure split over two lines ("021-/6213 0000", "1.28 万/m²");
 *   any text whose last line is an arrow alone;
 * - two numbers run together on a line with nothing between them ("9,380.576,592.41 m²");
 * - a control smaller than 44 × 44 pt to tap.
 */
export interface LayoutProblem {
  what:
    | 'overflow'
    | 'broken label'
    | 'split figure'
    | 'lone arrow'
    | 'numbers run together'
    | 'small tap';
  text: string;
  detail: string;
}

export const TAP_MIN_PT = 44;
export const SHORT_LABEL = 12;
/** Up to this length a text breaks only between words; longer text flows as CJK does. */
export const SHORT_PHRASE = 24;

export function layoutProblems(frame: Locator): Promise<LayoutProblem[]> {
  return frame.evaluate(
    (root, limits) => {
      const out: { what: string; text: string; detail: string }[] = [];
      const seen = new Set<string>();
      const push = (what: string, text: string, detail: string): void => {
        const key = `${what}|${text}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push({ what, text: text.slice(0, 40), detail });
      };
      const shown = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        const style = getComputedStyle(el);
        return style.visibility !== 'hidden' && style.display !== 'none';
      };
      const page = root.getBoundingClientRect();

      // Controls: built-in controls, links and anything the page styles as a tap target.
      const TAPS =
        'wx-button, wx-switch, wx-picker, wx-navigator, wx-checkbox, wx-radio, [aria-role="link"], [aria-role="button"], [aria-role="radio"], [class*="link"], .document, .movement';
      const taps = root.querySelectorAll(TAPS);
      for (const control of taps) {
        // Inside a bigger tap target (a row's title text, say), the row is what is tapped.
        if (!shown(control) || control.parentElement?.closest(TAPS)) continue;
        // A radio, checkbox or switch inside a <label> is tapped anywhere on the label.
        const label = /^WX-(RADIO|CHECKBOX|SWITCH)$/.test(control.tagName)
          ? control.closest('wx-label')
          : null;
        const el = label ?? control;
        const r = el.getBoundingClientRect();
        // A picker or link wrapping a whole row is measured by the row; a bare one by itself.
        if (r.height < limits.tap - 0.5 || r.width < limits.tap - 0.5) {
          push(
            'small tap',
            (el.textContent ?? '').trim() || el.tagName.toLowerCase(),
            `${Math.round(r.width)}×${Math.round(r.height)}`,
          );
        }
      }

      // Text leaves: elements whose content is text only.
      const leaves = [
        ...root.querySelectorAll('wx-text, wx-button, wx-view, wx-label, span'),
      ].filter(
        (el) =>
          shown(el) &&
          [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim()) &&
          ![...el.children].some((c) => shown(c) && (c.textContent ?? '').trim()),
      );
      /** Each rendered line of `el`'s own text: where it is, what it says, where it starts. */
      const lines = (el: Element): { top: number; text: string; start: number }[] => {
        const range = document.createRange();
        const rows: { top: number; text: string; start: number }[] = [];
        let offset = 0;
        for (const node of el.childNodes) {
          if (node.nodeType !== 3) continue;
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i += 1) {
            if (!text[i]?.trim()) continue;
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            const row = rows.find((x) => Math.abs(x.top - rect.top) < rect.height / 2);
            if (row) row.text += text[i];
            else rows.push({ top: rect.top, text: text[i] ?? '', start: offset + i });
          }
          offset += text.length;
        }
        return rows.sort((a, b) => a.top - b.top);
      };
      for (const el of leaves) {
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        const h = el as HTMLElement;
        const r = el.getBoundingClientRect();
        // Past the page's edge is fine inside a sideways scroller (the building map's grid).
        const scrolls = el.closest('wx-scroll-view') !== null;
        if (
          (h.scrollWidth > h.clientWidth + 1 && h.clientWidth > 0) ||
          (!scrolls && r.right > page.right + 1)
        ) {
          push('overflow', text, `${h.scrollWidth} > ${h.clientWidth}`);
        }
        const rows = lines(el);
        if (rows.length < 2) continue;
        const shownAs = rows.map((x) => x.text).join(' / ');
        const last = rows[rows.length - 1]?.text ?? '';
        if (/^[›>→▾»]$/.test(last)) {
          push('lone arrow', text, shownAs);
          continue;
        }
        if ([...text].length <= limits.label) {
          push('broken label', text, shownAs);
          continue;
        }
        // Where each line begins in the element's own text.
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent ?? '')
          .join('');
        const breaks = rows.slice(1).map((x) => x.start);
        // A figure is never split: "021-/6213", "1.28 万/m²", "8,877.05/m²".
        const split = breaks.find((i) => {
          const before = own.slice(0, i).trimEnd();
          const after = own.slice(i);
          // A hash or an order number is a code, not a figure: it wraps where it must.
          const token = /[\w,.:-]*$/.exec(before)?.[0].length ?? 0;
          if (token + (/^[\w,.:-]*/.exec(after)?.[0].length ?? 0) > 20) return false;
          return /[\d,.:-]$/.test(before) && /^[\d,.:-]/.test(after)
            ? true
            : /[\d万]$/.test(before) && /^(万|m²|m|%|元|户|位|层|部|天|年)/.test(after);
        });
        if (split !== undefined) {
          push('split figure', text, shownAs);
          continue;
        }
        // A figure with its caption ("8,877.05 m² 参与", "138 户 · 134 位业主") breaks between
        // words only; sentences and titles flow as CJK text does, breaking anywhere.
        if ([...text].length <= limits.phrase && /\d/.test(text) && !/[，。；！？：]/.test(text)) {
          const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(own)];
          const inside = breaks.some((i) =>
            words.some((w) => w.isWordLike && w.index < i && i < w.index + w.segment.length),
          );
          if (inside) push('broken label', text, shownAs);
        }
      }

      // Neighbouring pieces of text on one line, touching, a number ending where another begins.
      // Measured on the glyphs, not the boxes: right-aligned figures in wide cells are apart.
      const glyphs = (el: Element): DOMRect => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getBoundingClientRect();
      };
      const boxes = leaves
        .map((el) => ({ el, r: glyphs(el), text: (el.textContent ?? '').trim() }))
        .filter((b) => b.text);
      for (const a of boxes) {
        if (!/[\d%²\p{Script=Han}]$/u.test(a.text)) continue;
        for (const b of boxes) {
          if (a === b || !/^[\d¥+-]/.test(b.text)) continue;
          const sameLine = Math.abs(a.r.bottom - b.r.bottom) < Math.min(a.r.height, b.r.height) / 2;
          const gap = b.r.left - a.r.right;
          if (sameLine && gap > -1 && gap < 3) {
            push('numbers run together', `${a.text}${b.text}`, `gap ${gap.toFixed(1)} px`);
          }
        }
      }
      return out as LayoutProblem[];
    },
    { tap: TAP_MIN_PT, label: SHORT_LABEL, phrase: SHORT_PHRASE },
  );
}
