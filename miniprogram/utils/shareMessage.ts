/**
 * onShareAppMessage with the page's share card, for every page that shares: the link at once,
 * and the card's picture through WeChat's `promise` (used if it settles within 3 s; otherwise, or
 * if the card cannot be drawn, the link goes with the page's screenshot).
 *
 *   onShareAppMessage() {
 *     return shareWithCard(this, { title, path: '/pages/progress/index' }, () => this.prepareCard());
 *   }
 *
 * with `<share-card id="share-card" content="{{shareCard}}" />` in the page.
 */
export interface ShareLink {
  title: string;
  /** Opens the same page for whoever taps it: '/pages/<name>/index?…'. */
  path: string;
}

interface CardHost {
  selectComponent(selector: string): unknown;
}

interface ShareCardComponent {
  exportImage(): Promise<string>;
}

export function shareWithCard(
  page: CardHost,
  link: ShareLink,
  /** Sets the card's content first when the page makes it lazily. */
  prepare: () => Promise<unknown> = () => Promise.resolve(),
  selector = '#share-card',
): ShareLink & { promise: Promise<ShareLink & { imageUrl?: string }> } {
  const promise = prepare()
    .then(() => {
      const card = page.selectComponent(selector) as ShareCardComponent | null;
      if (!card) throw new Error(`no ${selector} on the page`);
      return card.exportImage();
    })
    .then((imageUrl) => ({ ...link, imageUrl }))
    .catch(() => ({ ...link }));
  return { ...link, promise };
}
