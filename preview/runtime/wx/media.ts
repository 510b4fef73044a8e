import { num, str } from '../util';
import { asyncApi, fail, type Result } from './callback';
import { showToast } from './ui';

/**
 * File pickers through a real <input type=file>: chosen files become blob: URLs, which
 * <image> and canvas load like WeChat's temporary paths.
 */

function pick(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    document.body.append(input);
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.remove();
      resolve(files);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      reject(new Error('cancel'));
    });
    input.click();
  });
}

function kindOf(file: File): 'image' | 'video' | 'file' {
  if (file.type.startsWith('image/')) return 'image';
  if (file.type.startsWith('video/')) return 'video';
  return 'file';
}

function acceptFor(types: unknown): string {
  const list = Array.isArray(types) ? types : ['image', 'video'];
  const out: string[] = [];
  if (list.includes('image') || list.includes('mix')) out.push('image/*');
  if (list.includes('video') || list.includes('mix')) out.push('video/*');
  return out.join(',') || 'image/*';
}

async function chosen(api: string, accept: string, count: number): Promise<File[]> {
  try {
    const files = await pick(accept, count > 1);
    return files.slice(0, Math.max(1, count));
  } catch {
    throw fail(api, 'cancel');
  }
}

export function mediaApis(): Record<string, unknown> {
  return {
    chooseMedia: asyncApi('chooseMedia', async (o): Promise<Result> => {
      const files = await chosen('chooseMedia', acceptFor(o.mediaType), num(o.count, 9));
      const tempFiles = files.map((f) => ({
        tempFilePath: URL.createObjectURL(f),
        size: f.size,
        fileType: kindOf(f) === 'video' ? 'video' : 'image',
        thumbTempFilePath: '',
        width: 0,
        height: 0,
        duration: 0,
      }));
      const types = new Set(tempFiles.map((f) => f.fileType));
      return { tempFiles, type: types.size > 1 ? 'mix' : ([...types][0] ?? 'image') };
    }),
    chooseImage: asyncApi('chooseImage', async (o): Promise<Result> => {
      const files = await chosen('chooseImage', 'image/*', num(o.count, 9));
      const tempFiles = files.map((f) => ({ path: URL.createObjectURL(f), size: f.size }));
      return { tempFilePaths: tempFiles.map((f) => f.path), tempFiles };
    }),
    chooseMessageFile: asyncApi('chooseMessageFile', async (o): Promise<Result> => {
      const type = str(o.type, 'all');
      const ext = Array.isArray(o.extension)
        ? o.extension.map((e) => `.${String(e).replace(/^\./, '')}`)
        : [];
      const accept = type === 'image' ? 'image/*' : type === 'video' ? 'video/*' : ext.join(',');
      const files = await chosen('chooseMessageFile', accept, num(o.count, 1));
      return {
        tempFiles: files.map((f) => ({
          path: URL.createObjectURL(f),
          size: f.size,
          name: f.name,
          type: kindOf(f),
          time: Math.floor(f.lastModified / 1000),
        })),
      };
    }),
    previewImage: asyncApi('previewImage', (o) => {
      const url = str(o.current) || (Array.isArray(o.urls) ? str(o.urls[0]) : '');
      if (url) window.open(url, '_blank', 'noopener');
    }),
    saveImageToPhotosAlbum: asyncApi('saveImageToPhotosAlbum', (o) => {
      const a = document.createElement('a');
      a.href = str(o.filePath);
      a.download = 'image.png';
      a.click();
      showToast({
        title: '已保存到下载',
        icon: 'success',
        duration: 1500,
        mask: false,
        kind: 'toast',
      });
    }),
    canvasToTempFilePath: asyncApi('canvasToTempFilePath', (o) => {
      const canvas = o.canvas;
      if (!(canvas instanceof HTMLCanvasElement)) {
        throw fail(
          'canvasToTempFilePath',
          'the preview supports canvas 2d nodes only (pass `canvas`)',
        );
      }
      const type = str(o.fileType, 'png') === 'jpg' ? 'image/jpeg' : 'image/png';
      return { tempFilePath: canvas.toDataURL(type, num(o.quality, 1)) };
    }),
  };
}
