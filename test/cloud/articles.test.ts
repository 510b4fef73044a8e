/**
 * The articles function through the real SDK and the local cloud with the demo building: the
 * 公告 list, articles rendered from a sanitized tree with images only from our storage, read
 * receipts per flat, versions after an edit, withdrawal stubs, questions and WeChat's content
 * check refusing risky text.
 */
import { demoBuilding } from '../../cli/seed';
import type { ArticleInput, RichNodeView } from '../../typings/api';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { type ArticlesClient, articles, stored } from './articlesApi';

const ORGANIZER = 'demo-organizer';
const STAFF = 'demo-staff1';

function flatten(nodes: readonly RichNodeView[]): RichNodeView[] {
  return nodes.flatMap((n) =>
    ['children' in n && n.children ? [n, ...flatten(n.children)] : [n]].flat(),
  );
}

describe('articles function', () => {
  let t: TestCloud;
  let api: ArticlesClient;
  const seed = demoBuilding(Date.now());
  const members = seed.collections.members as Array<{
    openid: string;
    roles: string[];
    unitIds: string[];
  }>;
  const owners = members.filter((m) => m.roles.includes('owner') && m.unitIds.length === 1);
  const owner = owners[0]?.openid ?? '';
  const neighbour = owners[1]?.openid ?? '';
  let photo = '';

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections, seedFiles: seed.files });
    api = articles(t);
    photo = await t.cloud.storage.putFile(
      'articles/test-photo.png',
      Object.values(seed.files).find((b) => b.subarray(1, 4).toString() === 'PNG') ??
        Buffer.alloc(0),
    );
  });
  afterAll(() => t.stop());

  const draft = (over: Partial<ArticleInput> = {}): ArticleInput => ({
    kind: 'notice',
    title: '关于电梯井道清理的通知',
    summary: '周三上午清理井道，请勿在电梯厅堆放杂物。',
    body: `# 时间\n周三上午九点到十一点。\n- 请勿堆放杂物\n- 注意安全\n![井道照片](${photo})`,
    attachments: [],
    pinned: false,
    decisionId: null,
    ...over,
  });

  it('lists what residents may see, pinned first, and filters by kind', async () => {
    const list = await api.ok('list', {}, owner);
    const ids = list.articles.map((a) => a.id);
    expect(ids[0]).toBe('notice-inspection');
    expect(ids).not.toContain('draft-outage');
    expect(ids).not.toContain('notice-meeting-4');
    expect(list.canWrite).toBe(false);
    expect(list.articles.every((a) => a.readLabel === null)).toBe(true);
    const stub = list.articles.find((a) => a.id === 'notice-water');
    expect(stub).toMatchObject({ withdrawn: true, pinned: false });
    expect(stub?.summary).toContain('日期写错了');

    const reports = await api.ok('list', { kind: 'report' }, owner);
    expect(reports.articles.map((a) => a.kind)).toEqual(['report']);

    const organizer = await api.ok('list', {}, ORGANIZER);
    expect(organizer.canWrite).toBe(true);
    expect(organizer.articles.map((a) => a.id)).toEqual(
      expect.arrayContaining(['draft-outage', 'notice-meeting-4']),
    );
    expect(organizer.articles.find((a) => a.id === 'notice-inspection')?.readLabel).toBe(
      '已读 97 户 / 138',
    );
  });

  it('renders the inspection notice from our storage only and opens its report as a PDF', async () => {
    const notice = await api.ok('detail', { articleId: 'notice-inspection' }, owner);
    const nodes = flatten(notice.nodes ?? []);
    const images = nodes.filter((n) => 'name' in n && n.name === 'img');
    expect(images).toHaveLength(1);
    const src = images[0] && 'attrs' in images[0] ? images[0].attrs?.src : '';
    expect(src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect((await fetch(src ?? '')).status).toBe(200);
    expect(notice.receipts).toBeNull();
    expect(notice.source).toBeNull();

    const report = await api.ok('detail', { articleId: 'report-inspection' }, owner);
    expect(report.attachments).toEqual([
      expect.objectContaining({ kind: 'pdf', title: '电梯检测报告.pdf', url: null }),
    ]);
    const pdf = await t.cloud.storage.readFile(report.attachments[0]?.fileId ?? '');
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('counts a flat once however often it reads, and lists the flats that have not', async () => {
    const before = await api.ok('receipts', { articleId: 'notice-inspection' }, STAFF);
    expect(before).toMatchObject({ read: 97, total: 138, label: '已读 97 户 / 138' });
    expect(before.unread).toHaveLength(41);
    const reader = members.find(
      (m) => m.unitIds.length === 1 && before.unread.some((u) => u.unitId === m.unitIds[0]),
    );
    if (!reader) throw new Error('no member of an unread flat');
    await api.ok('detail', { articleId: 'notice-inspection' }, reader.openid);
    await api.ok('detail', { articleId: 'notice-inspection' }, reader.openid);
    const after = await api.ok('receipts', { articleId: 'notice-inspection' }, STAFF);
    expect(after.read).toBe(98);
    expect(after.unread.map((u) => u.unitId)).not.toContain(reader.unitIds[0]);
    const organizerView = await api.ok('detail', { articleId: 'notice-inspection' }, ORGANIZER);
    expect(organizerView.receipts?.label).toBe(
      `已读 ${organizerView.receipts?.read ?? 0} 户 / 138`,
    );
  });

  it('writes, previews and publishes a notice with an image; residents then read it', async () => {
    const preview = await api.ok('preview', draft(), ORGANIZER);
    expect(flatten(preview.nodes).some((n) => 'name' in n && n.name === 'img')).toBe(true);
    const { id } = await api.ok('create', draft(), ORGANIZER);
    expect(await api.err('detail', { articleId: id }, owner)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.ok('publish', { articleId: id }, ORGANIZER)).toMatchObject({
      status: 'published',
    });
    const read = await api.ok('detail', { articleId: id }, owner);
    expect(read).toMatchObject({
      title: '关于电梯井道清理的通知',
      status: 'published',
      edited: false,
      canAsk: true,
    });
    expect(await api.err('publish', { articleId: id }, ORGANIZER)).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses bodies with images from outside our storage, and files never uploaded', async () => {
    const foreign = await api.err(
      'create',
      draft({ body: '![x](https://evil.example/x.png)' }),
      ORGANIZER,
    );
    expect(foreign).toMatchObject({ code: 'INVALID_INPUT' });
    expect(foreign.message).toContain('图片');
    const missing = await api.err(
      'create',
      draft({
        body: '正文',
        attachments: [
          { kind: 'pdf', title: '报告', fileId: photo.replace('test-photo.png', 'none.pdf') },
        ],
      }),
      ORGANIZER,
    );
    expect(missing.message).toContain('没有上传成功');
  });

  it('refuses risky text by WeChat’s content check, naming the field, and stores nothing', async () => {
    const before = stored(t, 'articles').length;
    t.cloud.openapi.setRules({ blockedWords: ['违禁词'] });
    try {
      const title = await api.err('create', draft({ title: '违禁词通知' }), ORGANIZER);
      expect(title).toMatchObject({ code: 'INVALID_INPUT' });
      expect(title.message).toBe('标题未通过微信内容安全检测，请修改后再提交');
      const body = await api.err('preview', draft({ body: '这里有违禁词' }), ORGANIZER);
      expect(body.message).toContain('正文');
      const asked = await api.err(
        'ask',
        { targetKind: 'article', targetId: 'qa-replacement', text: '违禁词？' },
        owner,
      );
      expect(asked.message).toContain('问题未通过');
    } finally {
      t.cloud.openapi.setRules({ blockedWords: [] });
    }
    expect(stored(t, 'articles')).toHaveLength(before);
    const risky = t.cloud.outbox
      .list('openapi.security.msgSecCheck')
      .filter((e) => e.suggest === 'risky');
    expect(risky.map((e) => e.content)).toEqual(expect.arrayContaining(['违禁词通知', '违禁词？']));
  });

  it('keeps the earlier text readable after an edit, and shows the stub after a withdrawal', async () => {
    const { id } = await api.ok('create', draft({ title: '第一版标题' }), ORGANIZER);
    await api.ok('publish', { articleId: id }, ORGANIZER);
    const edited = await api.ok(
      'edit',
      { ...draft({ title: '第二版标题' }), articleId: id },
      ORGANIZER,
    );
    expect(edited.version).toBe(2);
    // Only the pin changes: no new version.
    expect(
      (
        await api.ok(
          'edit',
          { ...draft({ title: '第二版标题', pinned: true }), articleId: id },
          ORGANIZER,
        )
      ).version,
    ).toBe(2);
    const now = await api.ok('detail', { articleId: id }, owner);
    expect(now).toMatchObject({ title: '第二版标题', edited: true, version: 2, pinned: true });
    expect(now.history).toEqual([expect.objectContaining({ version: 1 })]);
    const first = await api.ok('version', { articleId: id, version: 1 }, owner);
    expect(first.title).toBe('第一版标题');

    expect(await api.err('withdraw', { articleId: id, reason: ' ' }, ORGANIZER)).toMatchObject({
      code: 'INVALID_INPUT',
    });
    await api.ok('withdraw', { articleId: id, reason: '内容有误，更正后重新发布' }, ORGANIZER);
    const stub = await api.ok('detail', { articleId: id }, owner);
    expect(stub).toMatchObject({
      status: 'withdrawn',
      nodes: null,
      attachments: [],
      canAsk: false,
    });
    expect(stub.withdrawal?.reason).toBe('内容有误，更正后重新发布');
    expect((await api.ok('list', {}, owner)).articles.some((a) => a.id === id && a.withdrawn)).toBe(
      true,
    );
    expect(await api.err('edit', { ...draft(), articleId: id }, ORGANIZER)).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await api.err('version', { articleId: id, version: 1 }, owner)).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('takes questions with masked names, answers them in public, and hides one with a reason in the audit', async () => {
    const target = { targetKind: 'article' as const, targetId: 'qa-replacement' };
    const asked = await api.ok('ask', { ...target, text: '施工期间楼道会很吵吗？' }, neighbour);
    expect(asked.asker).toMatch(/^\S\*+ · \d+楼$/);
    expect(asked).toMatchObject({ mine: true, answer: null, faq: false });
    expect(await api.err('markFaq', { questionId: asked.id, faq: true }, ORGANIZER)).toMatchObject({
      code: 'CONFLICT',
    });
    const answered = await api.ok(
      'answer',
      { questionId: asked.id, text: '白天施工，晚上六点后停工。' },
      ORGANIZER,
    );
    expect(answered.answer).toMatchObject({
      text: '白天施工，晚上六点后停工。',
      by: '换梯工作小组',
    });
    expect(
      await api.err('answer', { questionId: asked.id, text: '再答' }, ORGANIZER),
    ).toMatchObject({ code: 'CONFLICT' });
    await api.ok('markFaq', { questionId: asked.id, faq: true }, ORGANIZER);

    const list = await api.ok('questions', target, owner);
    expect(list.questions.filter((q) => q.faq).map((q) => q.id)).toContain(asked.id);
    expect(
      list.questions.every(
        (q) => q.faq || !list.questions.slice(list.questions.indexOf(q)).some((r) => r.faq),
      ),
    ).toBe(true);
    expect(JSON.stringify(list)).not.toContain(neighbour);

    const spam = await api.ok('ask', { ...target, text: '卖房找我，电话见头像' }, owner);
    await api.ok('hideQuestion', { questionId: spam.id, reason: '广告，与换梯无关' }, ORGANIZER);
    expect((await api.ok('questions', target, owner)).questions.map((q) => q.id)).not.toContain(
      spam.id,
    );
    const forOrganizer = await api.ok('questions', target, ORGANIZER);
    expect(forOrganizer.questions.find((q) => q.id === spam.id)?.hidden?.reason).toBe(
      '广告，与换梯无关',
    );
    const audit = stored<{ action: string; target: string; detail: { reason?: string } }>(
      t,
      'audit',
    );
    expect(
      audit.find((a) => a.action === 'articles.hideQuestion' && a.target === spam.id)?.detail
        .reason,
    ).toBe('广告，与换梯无关');

    const onDecision = await api.ok(
      'ask',
      { targetKind: 'decision', targetId: 'd-elevator-plan', text: '方案B的保修期多久？' },
      owner,
    );
    expect(
      (
        await api.ok('questions', { targetKind: 'decision', targetId: 'd-elevator-plan' }, owner)
      ).questions.map((q) => q.id),
    ).toEqual([onDecision.id]);
    expect(
      await api.err('ask', { targetKind: 'article', targetId: 'draft-outage', text: '?' }, owner),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});
