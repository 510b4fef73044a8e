import { type AlbumOutcome, saveImageToAlbum } from '../../services/album';
import {
  type CardCanvasContext,
  type ShareCardContent,
  CARD_HEIGHT,
  CARD_WIDTH,
  drawShareCard,
} from '../../utils/shareCard';

/**
 * The share card of any page: give it `content` (from utils/shareCard: turnoutCard, stageCard,
 * collectedCard) and it draws the 5:4 picture on a `<canvas type="2d">`, exports it with
 * wx.canvasToTempFilePath and emits `ready` with `{tempFilePath}`. With `preview` it shows the
 * picture and a button to save it to the album. Pages call `exportImage()` (through
 * selectComponent) from onShareAppMessage to get the picture, drawn once per content.
 */

interface Drawing {
  content: ShareCardContent;
  image: Promise<string>;
}

// Keyed by instance: Component() cannot type extra fields on `this`.
const drawings = new WeakMap<object, Drawing>();

/** Two device pixels per card unit: 1000 × 800, sharp in a chat and small enough to send. */
const MAX_RATIO = 2;

function pixelRatio(): number {
  try {
    return Math.min(MAX_RATIO, Math.max(1, wx.getWindowInfo().pixelRatio || MAX_RATIO));
  } catch {
    return MAX_RATIO;
  }
}

function isCardContent(value: unknown): value is ShareCardContent {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { headline?: unknown }).headline === 'string'
  );
}

const ALBUM_MESSAGES: Record<AlbumOutcome, string> = {
  saved: '已保存到相册',
  denied: '没有相册权限，未保存',
  failed: '保存失败，请稍后再试',
};

Component({
  properties: {
    content: { type: Object, value: {} },
    preview: { type: Boolean, value: false },
  },
  data: {
    imageUrl: '',
    drawing: false,
    failed: false,
    saving: false,
  },
  observers: {
    content(content: unknown) {
      if (isCardContent(content)) void this.exportImage().catch(() => undefined);
      else if (this.data.imageUrl) this.setData({ imageUrl: '', failed: false });
    },
  },
  methods: {
    /** The picture of the current content: drawn on first ask, then the same file. */
    exportImage(): Promise<string> {
      const content: unknown = this.data.content;
      if (!isCardContent(content)) return Promise.reject(new Error('share card: no content'));
      const drawn = drawings.get(this);
      if (drawn && drawn.content === content) return drawn.image;
      this.setData({ drawing: true, failed: false });
      const image = this.draw(content).then(
        (tempFilePath) => {
          this.setData({ imageUrl: tempFilePath, drawing: false });
          this.triggerEvent('ready', { tempFilePath });
          return tempFilePath;
        },
        (error: unknown) => {
          drawings.delete(this);
          this.setData({ drawing: false, failed: true });
          throw error;
        },
      );
      drawings.set(this, { content, image });
      return image;
    },

    draw(content: ShareCardContent): Promise<string> {
      return new Promise<WechatMiniprogram.Canvas>((resolve, reject) => {
        this.createSelectorQuery()
          .select('#card-canvas')
          .fields({ node: true, size: true })
          .exec((res: Array<{ node?: WechatMiniprogram.Canvas } | null>) => {
            const node = res[0]?.node;
            if (node) resolve(node);
            else reject(new Error('share card: no canvas node'));
          });
      }).then(async (canvas) => {
        const ratio = pixelRatio();
        canvas.width = CARD_WIDTH * ratio;
        canvas.height = CARD_HEIGHT * ratio;
        const ctx = canvas.getContext('2d') as CardCanvasContext;
        drawShareCard(ctx, content, ratio);
        const { tempFilePath } = await wx.canvasToTempFilePath(
          { canvas, fileType: 'png', x: 0, y: 0 } as WechatMiniprogram.CanvasToTempFilePathOption,
          this,
        );
        return tempFilePath;
      });
    },

    async onSave(): Promise<void> {
      if (this.data.saving) return;
      this.setData({ saving: true });
      let outcome: AlbumOutcome = 'failed';
      try {
        outcome = await saveImageToAlbum(await this.exportImage());
      } finally {
        this.setData({ saving: false });
      }
      wx.showToast({
        title: ALBUM_MESSAGES[outcome],
        icon: outcome === 'saved' ? 'success' : 'none',
      });
    },
  },
});
