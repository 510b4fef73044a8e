import type { Block } from './model';

/**
 * The organizer's body text → blocks. A light markup anyone can type on a phone:
 *   # 标题 / ## 小标题      a heading
 *   - 要点 (or • 要点)      an item of a bulleted list
 *   1. 第一步               an item of a numbered list
 *   ![说明](cloud://…)      an image from our storage
 * every other line is a paragraph; blank lines only separate. Nothing is ever read as HTML.
 */

const HEADING = /^#{1,3}\s+(.+)$/;
const BULLET = /^[-•·*]\s+(.+)$/;
const NUMBERED = /^\d{1,3}[.、．)]\s*(.+)$/;
const IMAGE = /^!\[([^\]]*)\]\((\S+)\)$/;

/** A fileID of cloud storage; anything else (http links, data: URLs) is not an image of ours. */
export function isStorageFileId(fileId: string): boolean {
  return /^cloud:\/\/[\w.-]+\/[^\s"'<>]+$/.test(fileId);
}

export type ParsedBody =
  { ok: true; blocks: Block[] } | { ok: false; line: number; message: string };

export function parseBody(text: string): ParsedBody {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    const image = IMAGE.exec(line);
    if (image) {
      const fileId = image[2] ?? '';
      if (!isStorageFileId(fileId)) {
        return { ok: false, line: i + 1, message: `第 ${i + 1} 行的图片不是上传到本小程序的图片` };
      }
      blocks.push({ type: 'image', fileId, caption: (image[1] ?? '').trim() });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', text: (heading[1] ?? '').trim() });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet?.[1] ?? numbered?.[1];
    if (item !== undefined) {
      const ordered = numbered !== null;
      const last = blocks[blocks.length - 1];
      if (last?.type === 'list' && last.ordered === ordered) last.items.push(item.trim());
      else blocks.push({ type: 'list', ordered, items: [item.trim()] });
      continue;
    }
    blocks.push({ type: 'paragraph', text: line });
  }
  return { ok: true, blocks };
}

/** Every image fileID the blocks use, in order, without repeats. */
export function imagesOf(blocks: readonly Block[]): string[] {
  const ids = blocks.flatMap((b) => (b.type === 'image' ? [b.fileId] : []));
  return [...new Set(ids)];
}

/** The words of the blocks, for the content check and search. */
export function textOf(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'list') return b.items.join('\n');
      if (b.type === 'image') return b.caption;
      return b.text;
    })
    .filter(Boolean)
    .join('\n');
}
