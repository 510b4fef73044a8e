import { config } from './config';

/** rpx in inline styles, scaled to the phone's width the way wcsc scales stylesheets. */
export function rpxToPx(value: number): number {
  if (value === 0) return 0;
  const px = Math.floor((value / 750) * config().deviceWidth + 1e-4);
  return px === 0 ? 1 : px;
}

export function transformInlineRpx(style: string): string {
  return style
    .replace(/(-?\d*\.?\d+)rpx/gi, (_m, n: string) => {
      const v = Number(n);
      return `${v < 0 ? -rpxToPx(-v) : rpxToPx(v)}px`;
    })
    .replace(/(-?\d*\.?\d+)(vh|vw)\b/g, (_m, n: string, unit: string) =>
      unit === 'vw'
        ? `${(Number(n) * config().deviceWidth) / 100}px`
        : `calc(${n} * var(--pv-vh, 1vh))`,
    );
}
