import type { Block } from './model';

/**
 * The node tree `<rich-text nodes>` renders, built only from a whitelist: a few tags, a class from
 * our own stylesheet, images whose address we resolved from our storage. Text stays text (the
 * component never parses it as HTML). `sanitizeNodes` takes any tree — ours or hostile — and keeps
 * only what the whitelist allows, so even a bug in the builder cannot put a script or a foreign
 * image in front of residents.
 */

export interface RichTextNode {
  type: 'text';
  text: string;
}

export interface RichElementNode {
  name: RichTag;
  attrs?: { class?: string; style?: string; src?: string; alt?: string };
  children?: RichNode[];
}

export type RichNode = RichTextNode | RichElementNode;

const TAGS = ['h2', 'h3', 'p', 'ul', 'ol', 'li', 'img', 'strong', 'em', 'br', 'div'] as const;
export type RichTag = (typeof TAGS)[number];
const TAG_SET: ReadonlySet<string> = new Set(TAGS);

/** Classes the article page's stylesheet defines (normal and large type). */
export const RICH_CLASSES = [
  'rt-h',
  'rt-p',
  'rt-list',
  'rt-li',
  'rt-img',
  'rt-figure',
  'rt-caption',
] as const;
const CLASS_SET: ReadonlySet<string> = new Set(RICH_CLASSES);

/**
 * The style each class carries, set by the sanitizer from the class (never taken from input), so
 * the body looks right wherever the page's stylesheet does not reach into rich-text. Sizes are in
 * em: the page's large type scales them.
 */
const CLASS_STYLES: Record<(typeof RICH_CLASSES)[number], string> = {
  'rt-h': 'font-size:1.15em;font-weight:600;margin:1em 0 0.4em;line-height:1.4',
  'rt-p': 'margin:0 0 0.7em',
  'rt-list': 'margin:0 0 0.7em;padding-left:1.4em',
  'rt-li': 'margin:0 0 0.3em',
  'rt-img': 'display:block;width:100%;height:auto;border-radius:8px',
  'rt-figure': 'margin:0.4em 0 0.9em',
  'rt-caption': 'margin:0.3em 0 0;font-size:0.85em;color:#666666',
};

/** Enough for any article; stops a crafted tree from exhausting the renderer. */
const MAX_DEPTH = 6;
const MAX_NODES = 4000;
const MAX_TEXT = 20000;

/** Whether `src` is an address we resolved for one of our stored images. */
export type ImageGate = (src: string) => boolean;

function text(value: string): RichTextNode {
  return { type: 'text', text: value };
}

/** Our blocks as rich-text nodes; `imageUrl` maps a fileID to its download address (or null). */
export function blocksToNodes(
  blocks: readonly Block[],
  imageUrl: (fileId: string) => string | null,
): RichNode[] {
  const nodes: RichNode[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        nodes.push({ name: 'h3', attrs: { class: 'rt-h' }, children: [text(block.text)] });
        break;
      case 'paragraph':
        nodes.push({ name: 'p', attrs: { class: 'rt-p' }, children: [text(block.text)] });
        break;
      case 'list':
        nodes.push({
          name: block.ordered ? 'ol' : 'ul',
          attrs: { class: 'rt-list' },
          children: block.items.map((item) => ({
            name: 'li',
            attrs: { class: 'rt-li' },
            children: [text(item)],
          })),
        });
        break;
      case 'image': {
        const src = imageUrl(block.fileId);
        if (!src) break;
        const figure: RichNode[] = [
          { name: 'img', attrs: { class: 'rt-img', src, alt: block.caption || '图片' } },
        ];
        if (block.caption) {
          figure.push({
            name: 'p',
            attrs: { class: 'rt-caption' },
            children: [text(block.caption)],
          });
        }
        nodes.push({ name: 'div', attrs: { class: 'rt-figure' }, children: figure });
        break;
      }
    }
  }
  return nodes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Control characters (other than line breaks and tabs) have no place in an article. */
function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g, '');
}

/**
 * Any input → whitelisted nodes. Unknown tags are dropped with their content when they can carry
 * code (script, style, iframe…) and unwrapped (children kept) otherwise; attributes other than
 * a known class, and an image's src that passes `allowImage`, are dropped.
 */
export function sanitizeNodes(input: unknown, allowImage: ImageGate): RichNode[] {
  const budget = { nodes: MAX_NODES, text: MAX_TEXT };
  return walk(input, 0);

  function walk(value: unknown, depth: number): RichNode[] {
    if (!Array.isArray(value) || depth > MAX_DEPTH) return [];
    const out: RichNode[] = [];
    for (const item of value) {
      if (budget.nodes <= 0) break;
      out.push(...node(item, depth));
    }
    return out;
  }

  function node(value: unknown, depth: number): RichNode[] {
    if (!isRecord(value)) return [];
    if (value.type === 'text' || (value.name === undefined && typeof value.text === 'string')) {
      if (typeof value.text !== 'string') return [];
      const kept = cleanText(value.text).slice(0, Math.max(0, budget.text));
      budget.text -= kept.length;
      budget.nodes -= 1;
      return kept ? [text(kept)] : [];
    }
    const name = typeof value.name === 'string' ? value.name.toLowerCase() : '';
    if (!TAG_SET.has(name)) {
      if (DANGEROUS.has(name) || !name) return [];
      return walk(value.children, depth + 1);
    }
    budget.nodes -= 1;
    const tag = name as RichTag;
    const attrs = isRecord(value.attrs) ? value.attrs : {};
    const kept: NonNullable<RichElementNode['attrs']> = {};
    if (typeof attrs.class === 'string') {
      const classes = attrs.class.split(/\s+/).filter((c) => CLASS_SET.has(c));
      if (classes.length) {
        kept.class = classes.join(' ');
        kept.style = classes.map((c) => CLASS_STYLES[c as keyof typeof CLASS_STYLES]).join(';');
      }
    }
    if (tag === 'img') {
      const src = typeof attrs.src === 'string' ? attrs.src : '';
      if (!src || !allowImage(src)) return [];
      kept.src = src;
      if (typeof attrs.alt === 'string') kept.alt = cleanText(attrs.alt).slice(0, 200);
      return [{ name: tag, attrs: kept }];
    }
    if (tag === 'br') return [{ name: tag }];
    const element: RichElementNode = { name: tag, children: walk(value.children, depth + 1) };
    if (Object.keys(kept).length) element.attrs = kept;
    return [element];
  }
}

const DANGEROUS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'link',
  'meta',
  'svg',
  'math',
  'template',
  'form',
  'input',
  'textarea',
  'button',
  'video',
  'audio',
  'canvas',
]);

/** The article's body for `<rich-text>`: built from blocks, then through the whitelist. */
export function renderBody(
  blocks: readonly Block[],
  imageUrls: ReadonlyMap<string, string>,
): RichNode[] {
  const allowed = new Set(imageUrls.values());
  return sanitizeNodes(
    blocksToNodes(blocks, (id) => imageUrls.get(id) ?? null),
    (src) => allowed.has(src),
  );
}
