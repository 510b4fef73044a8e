import type { Rendered } from '../harness';

/** What onShareAppMessage answers when the card may follow within 3 s. */
export interface CardShare {
  title: string;
  path: string;
  imageUrl?: string;
  promise?: Promise<{ title: string; path: string; imageUrl?: string }>;
}

/** Stands in for the canvas: WeChat's canvas 2d is not in miniprogram-simulate. */
export function stubCard(page: Rendered, exportImage: () => Promise<string>): void {
  const instance = page.instance as unknown as { selectComponent(s: string): unknown };
  instance.selectComponent = (selector: string) =>
    selector === '#share-card' ? { exportImage } : null;
}
