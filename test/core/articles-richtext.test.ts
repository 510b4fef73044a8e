import {
  type Block,
  type RichNode,
  blocksToNodes,
  isStorageFileId,
  parseBody,
  renderBody,
  sanitizeNodes,
  textOf,
} from '../../core/articles';

/** The nodes without the styles the sanitizer derives from each class (checked separately). */
function unstyled(nodes: readonly RichNode[]): RichNode[] {
  return nodes.map((n) => {
    if ('type' in n) return n;
    const { style: _style, ...attrs } = n.attrs ?? {};
    const out: RichNode = { name: n.name };
    if (n.attrs) out.attrs = attrs;
    if (n.children) out.children = unstyled(n.children);
    return out;
  });
}

const PHOTO = 'cloud://tongti-local.746f-tongti-local-1300000000/articles/a.png';
const URL = 'http://127.0.0.1:9/storage/articles/a.png?sign=1';

describe('article bodies: light markup → blocks', () => {
  it('reads headings, paragraphs, both kinds of list and images from our storage', () => {
    const parsed = parseBody(
      `# 检测结论\n\n曳引机老化。\n- 门系统\n• 控制系统\n1. 第一步\n2、第二步\n![井道](${PHOTO})\n`,
    );
    expect(parsed).toEqual({
      ok: true,
      blocks: [
        { type: 'heading', text: '检测结论' },
        { type: 'paragraph', text: '曳引机老化。' },
        { type: 'list', ordered: false, items: ['门系统', '控制系统'] },
        { type: 'list', ordered: true, items: ['第一步', '第二步'] },
        { type: 'image', fileId: PHOTO, caption: '井道' },
      ],
    });
  });

  it('refuses images that are not in our storage, naming the line', () => {
    for (const src of [
      'https://evil.example/a.png',
      'data:image/png;base64,AAAA',
      'javascript:alert(1)',
    ]) {
      const parsed = parseBody(`第一行\n![x](${src})`);
      expect(parsed).toEqual({ ok: false, line: 2, message: expect.stringContaining('第 2 行') });
    }
    expect(isStorageFileId(PHOTO)).toBe(true);
    expect(isStorageFileId('cloud://env/"onerror="x')).toBe(false);
  });

  it('keeps HTML typed into the body as plain text, never as markup', () => {
    const parsed = parseBody('<script>alert(1)</script>\n<img src=x onerror=alert(1)>');
    if (!parsed.ok) throw new Error(parsed.message);
    const nodes = renderBody(parsed.blocks, new Map());
    expect(unstyled(nodes)).toEqual([
      {
        name: 'p',
        attrs: { class: 'rt-p' },
        children: [{ type: 'text', text: '<script>alert(1)</script>' }],
      },
      {
        name: 'p',
        attrs: { class: 'rt-p' },
        children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }],
      },
    ]);
    expect(textOf(parsed.blocks)).toContain('<script>');
  });
});

describe('rich-text nodes: the whitelist', () => {
  const blocks: Block[] = [
    { type: 'heading', text: '标题' },
    { type: 'image', fileId: PHOTO, caption: '井道' },
    { type: 'image', fileId: 'cloud://other/b.png', caption: '' },
  ];

  it('builds images only from addresses resolved from our storage', () => {
    const nodes = renderBody(blocks, new Map([[PHOTO, URL]]));
    expect(unstyled(nodes)).toEqual([
      { name: 'h3', attrs: { class: 'rt-h' }, children: [{ type: 'text', text: '标题' }] },
      {
        name: 'div',
        attrs: { class: 'rt-figure' },
        children: [
          { name: 'img', attrs: { class: 'rt-img', src: URL, alt: '井道' } },
          { name: 'p', attrs: { class: 'rt-caption' }, children: [{ type: 'text', text: '井道' }] },
        ],
      },
    ]);
  });

  it('strips hostile trees: scripts, event handlers, styles, foreign images, unknown tags', () => {
    const hostile: unknown = [
      { name: 'script', children: [{ type: 'text', text: 'alert(1)' }] },
      { name: 'IFRAME', attrs: { src: 'https://evil.example' } },
      {
        name: 'p',
        attrs: { onclick: 'alert(1)', style: 'position:fixed', class: 'rt-p evil' },
        children: [{ type: 'text', text: '正文' }],
      },
      { name: 'img', attrs: { src: 'https://evil.example/track.gif', onerror: 'x' } },
      { name: 'img', attrs: { src: URL, onload: 'x', alt: '图' } },
      {
        name: 'a',
        attrs: { href: 'javascript:alert(1)' },
        children: [{ type: 'text', text: '链接文字' }],
      },
      { name: 'svg', children: [{ name: 'p', children: [{ type: 'text', text: 'inside svg' }] }] },
      { type: 'text', text: 'a\u0000b\u2028c' },
      'not a node',
      null,
      { name: 'p', children: 'not an array' },
    ];
    const nodes = sanitizeNodes(hostile, (src) => src === URL);
    const first = nodes[0];
    // The style comes from our class, never from the input's style attribute.
    expect(first && 'attrs' in first ? first.attrs?.style : '').toBe('margin:0 0 0.7em');
    expect(unstyled(nodes)).toEqual([
      { name: 'p', attrs: { class: 'rt-p' }, children: [{ type: 'text', text: '正文' }] },
      { name: 'img', attrs: { src: URL, alt: '图' } },
      { type: 'text', text: '链接文字' },
      { type: 'text', text: 'abc' },
      { name: 'p', children: [] },
    ]);
    expect(JSON.stringify(nodes)).not.toMatch(
      /script|onclick|onerror|onload|fixed|evil|javascript|svg/,
    );
  });

  it('stops at a depth and a size no article needs', () => {
    let deep: unknown = [{ type: 'text', text: '底' }];
    for (let i = 0; i < 50; i += 1) deep = [{ name: 'div', children: deep }];
    expect(JSON.stringify(sanitizeNodes(deep, () => false))).not.toContain('底');
    const wide = Array.from({ length: 10_000 }, () => ({ type: 'text', text: '字' }));
    expect(sanitizeNodes(wide, () => false).length).toBeLessThanOrEqual(4000);
  });

  it('drops an image whose address could not be resolved rather than showing a broken one', () => {
    expect(blocksToNodes([{ type: 'image', fileId: PHOTO, caption: '' }], () => null)).toEqual([]);
  });
});
