/**
 * The share card: one picture, drawn the same way for every page that shares (vote, results,
 * progress, ledger, pay link). A chat shows it about 200 px wide, so it holds few things, large:
 * the building, one headline (the stage, or the turnout "已投票 97/134 户"), one line under it
 * ("还差 3 户达三分之二"), a bar (turnout or money collected, with the line it must reach), and
 * the date. 5:4, as WeChat wants for onShareAppMessage.
 *
 * Pure: it draws on anything shaped like a CanvasRenderingContext2D (a canvas 2d node in WeChat,
 * an HTMLCanvasElement in the preview, a recorder in tests) and reads no clock.
 */

/** The card's own units; the canvas is this times its pixel ratio. */
export const CARD_WIDTH = 500;
export const CARD_HEIGHT = 400;

export interface ShareCardBar {
  /** How far along, 0..1 (clamped). */
  fraction: number;
  /** The line it must reach (two thirds of owners), 0..1; none for money collected. */
  target: number | null;
  /** Shown at the bar's right end: "72%". */
  label: string;
}

export interface ShareCardContent {
  building: string;
  /** Small line above the headline: "业主表决 · 投票中". */
  kicker: string;
  headline: string;
  /** Under the headline: "还差 3 户达三分之二". */
  subline: string;
  bar: ShareCardBar | null;
  /** "12月13日 12:23". */
  date: string;
}

/** The slice of CanvasRenderingContext2D the card uses. */
export interface CardCanvasContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  save(): void;
  restore(): void;
  scale(x: number, y: number): void;
}

const GREEN = '#07c160';
const DARK = '#1f1f1f';
const MUTED = '#666666';
const TRACK = '#e6e6e6';
const ACCENT = '#fa9d3b';
const FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
const PAD = 32;

function font(size: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${size}px ${FONT}`;
}

/**
 * The largest size ≤ `size` (down to `min`) at which `text` fits `width`; at `min`, the text is
 * cut with an ellipsis. Answers the text to draw and its font.
 */
export function fitText(
  ctx: Pick<CardCanvasContext, 'font' | 'measureText'>,
  text: string,
  width: number,
  size: number,
  min: number,
  bold = false,
): { text: string; font: string; size: number } {
  for (let s = size; s >= min; s -= 2) {
    ctx.font = font(s, bold);
    if (ctx.measureText(text).width <= width) return { text, font: ctx.font, size: s };
  }
  ctx.font = font(min, bold);
  const chars = [...text];
  while (chars.length > 1 && ctx.measureText(`${chars.join('')}…`).width > width) chars.pop();
  return {
    text: chars.length < [...text].length ? `${chars.join('')}…` : text,
    font: ctx.font,
    size: min,
  };
}

function roundedRect(ctx: CardCanvasContext, x: number, y: number, w: number, h: number): void {
  const r = Math.min(h / 2, w / 2);
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.lineTo(x + w - r, y);
  ctx.arc(x + w - r, y + r, r, -Math.PI / 2, Math.PI / 2);
  ctx.lineTo(x + r, y + h);
  ctx.arc(x + r, y + r, r, Math.PI / 2, (Math.PI * 3) / 2);
  ctx.closePath();
  ctx.fill();
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

/** Draws the card at `pixelRatio` (the canvas must be CARD_WIDTH × CARD_HEIGHT × ratio). */
export function drawShareCard(
  ctx: CardCanvasContext,
  card: ShareCardContent,
  pixelRatio = 1,
): void {
  ctx.save();
  ctx.scale(pixelRatio, pixelRatio);
  const inner = CARD_WIDTH - PAD * 2;

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);

  // The building on a green band: the first thing a neighbour recognises in the chat.
  ctx.fillStyle = GREEN;
  ctx.fillRect(0, 0, CARD_WIDTH, 84);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffffff';
  const building = fitText(ctx, card.building, inner, 36, 26, true);
  ctx.font = building.font;
  ctx.fillText(building.text, PAD, 44);

  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = MUTED;
  const kicker = fitText(ctx, card.kicker, inner, 26, 20);
  ctx.font = kicker.font;
  ctx.fillText(kicker.text, PAD, 128);

  ctx.fillStyle = DARK;
  const headline = fitText(ctx, card.headline, inner, 50, 32, true);
  ctx.font = headline.font;
  ctx.fillText(headline.text, PAD, 192);

  if (card.subline) {
    ctx.fillStyle =
      card.bar && card.bar.target !== null && card.bar.fraction >= card.bar.target ? GREEN : ACCENT;
    const sub = fitText(ctx, card.subline, inner, 34, 24, true);
    ctx.font = sub.font;
    ctx.fillText(sub.text, PAD, 244);
  }

  if (card.bar) {
    const labelFit = fitText(ctx, card.bar.label, 120, 34, 24, true);
    ctx.font = labelFit.font;
    const labelWidth = ctx.measureText(labelFit.text).width;
    const barWidth = inner - labelWidth - 16;
    const y = 278;
    const h = 30;
    ctx.fillStyle = TRACK;
    roundedRect(ctx, PAD, y, barWidth, h);
    const done = clamp01(card.bar.fraction);
    if (done > 0) {
      ctx.fillStyle = GREEN;
      roundedRect(ctx, PAD, y, Math.max(h, barWidth * done), h);
    }
    if (card.bar.target !== null) {
      const x = PAD + barWidth * clamp01(card.bar.target);
      ctx.strokeStyle = DARK;
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.moveTo(x, y - 8);
      ctx.lineTo(x, y + h + 8);
      ctx.stroke();
    }
    ctx.fillStyle = DARK;
    ctx.textBaseline = 'middle';
    ctx.fillText(labelFit.text, PAD + barWidth + 16, y + h / 2 + 1);
    ctx.textBaseline = 'alphabetic';
  }

  ctx.fillStyle = MUTED;
  ctx.font = font(24);
  ctx.fillText(card.date, PAD, CARD_HEIGHT - 30);
  ctx.textAlign = 'right';
  ctx.fillStyle = GREEN;
  ctx.font = font(24, true);
  ctx.fillText('同梯 · 小程序', CARD_WIDTH - PAD, CARD_HEIGHT - 30);
  ctx.restore();
}

/** Owners needed for two thirds (art. 278 turnout: at least ⅔, boundary included). */
export function twoThirdsOf(total: number): number {
  return Math.ceil((2 * total) / 3);
}

/**
 * The turnout headline: "已投票 97/134 户" and "还差 3 户达三分之二" (or "已达三分之二"), with
 * a bar to the ⅔ line. Counted in owners, as the law counts heads.
 */
export function turnoutCard(input: {
  building: string;
  title: string;
  stage: string;
  voted: number;
  total: number;
  date: string;
}): ShareCardContent {
  const { voted, total } = input;
  const needed = twoThirdsOf(total);
  const short = Math.max(0, needed - voted);
  return {
    building: input.building,
    kicker: `${input.title} · ${input.stage}`,
    headline: `已投票 ${voted}/${total} 户`,
    subline: short > 0 ? `还差 ${short} 户达三分之二` : '已达三分之二',
    bar: {
      fraction: total > 0 ? voted / total : 0,
      target: total > 0 ? needed / total : null,
      label: `${total > 0 ? Math.floor((voted * 100) / total) : 0}%`,
    },
    date: input.date,
  };
}

/** A stage: "方案表决 · 公示中" over the title, with the next key date under it. */
export function stageCard(input: {
  building: string;
  kicker: string;
  headline: string;
  next: string;
  date: string;
  /** Percent done of the works, when there is one (0..100). */
  percent?: number | null;
}): ShareCardContent {
  const percent = input.percent ?? null;
  return {
    building: input.building,
    kicker: input.kicker,
    headline: input.headline,
    subline: input.next,
    bar:
      percent === null
        ? null
        : { fraction: percent / 100, target: null, label: `${Math.floor(percent)}%` },
    date: input.date,
  };
}

/** Money collected: "已筹 ¥98,000.00", "共需 ¥1,260,000.00", bar to 100 %. Integer fen in. */
export function collectedCard(input: {
  building: string;
  kicker: string;
  collected: string;
  target: string;
  collectedFen: number;
  targetFen: number;
  date: string;
}): ShareCardContent {
  const percent =
    input.targetFen > 0 ? Math.floor((input.collectedFen * 100) / input.targetFen) : 0;
  return {
    building: input.building,
    kicker: input.kicker,
    headline: `已筹 ${input.collected}`,
    subline: `目标 ${input.target}`,
    bar: { fraction: percent / 100, target: null, label: `${percent}%` },
    date: input.date,
  };
}

/**
 * A pay link: which flat and how much is left, so the relative who gets it knows at a glance what
 * they are asked to pay. No bar: the link's reader knows only what is left, not the whole share.
 */
export function payLinkCard(input: {
  building: string;
  unitNo: string;
  /** "钱*康", as the link's page shows it. */
  ownerMasked: string;
  /** "¥12,345.67". */
  left: string;
  /** "12月13日 12:23". */
  expires: string;
  date: string;
}): ShareCardContent {
  const whose = input.ownerMasked ? `${input.unitNo}（${input.ownerMasked}）` : input.unitNo;
  return {
    building: input.building,
    kicker: `代缴电梯分摊款 · ${whose}`,
    headline: `还需缴纳 ${input.left}`,
    subline: input.expires ? `链接有效期至 ${input.expires}` : '',
    bar: null,
    date: input.date,
  };
}
