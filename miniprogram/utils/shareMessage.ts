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

interface MakingCardPage {
  data: { makingCard: boolean };
  setData(data: { makingCard: boolean }): void;
}

/** For shareWithCard: the card must exist before the picture can go with the link. */
export async function requireCard(prepare: () => Promise<unknown>): Promise<void> {
  if (!(await prepare())) throw new Error('nothing to share yet');
}

/**
 * The "生成分享图" button: makes the card once, the button busy meanwhile; if it cannot be made
 * the person is told why (`message` turns the error into words) and can tap again.
 */
export async function makeCardOnTap(
  page: MakingCardPage,
  prepare: () => Promise<unknown>,
  message: (error: unknown) => string,
): Promise<void> {
  if (page.data.makingCard) return;
  page.setData({ makingCard: true });
  try {
    await prepare();
  } catch (error) {
    wx.showToast({ title: message(error), icon: 'none' });
  }
  page.setData({ makingCard: false });
}
