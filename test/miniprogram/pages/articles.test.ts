import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aQuestion, anArticle, anArticleRow } from './articles-fixtures';

beforeEach(resetWx);

async function open(path: string, query: Record<string, string> = {}): Promise<Rendered> {
  const page = mount(path);
  await callMethod(page, 'onLoad', query);
  return page;
}

const texts = (page: Rendered, selector: string): string[] =>
  page.querySelectorAll(selector).map((n) => textOf(n));

describe('公告 list', () => {
  it('shows pinned, withdrawn and edited articles with their badges and dates', async () => {
    answer(
      'articles',
      'list',
      ok({
        canWrite: false,
        articles: [
          anArticleRow(),
          anArticleRow({
            id: 'm',
            kind: 'minutes',
            kindLabel: '会议纪要',
            title: '第三次会议纪要',
            pinned: false,
            edited: true,
            publishedAt: '2026-12-02T10:05:00+08:00',
          }),
          anArticleRow({
            id: 'w',
            title: '停水通知',
            pinned: false,
            withdrawn: true,
            status: 'withdrawn',
            summary: '已撤回：日期写错了',
          }),
        ],
      }),
    );
    const page = await open('pages/articles/index');
    expect(texts(page, '.article-title')).toEqual([
      '关于两部电梯第三方检测结果的公告',
      '第三次会议纪要',
      '停水通知',
    ]);
    expect(texts(page, '.badge')).toEqual(['置顶', '已修改', '已撤回']);
    expect(texts(page, '.article-foot .tt-muted')[1]).toBe('12月2日 10:05');
    expect(page.querySelector('.write')).toBeUndefined();
    expect(page.querySelectorAll('.article--withdrawn')).toHaveLength(1);
  });

  it('filters by kind through the function and opens an article on a tap', async () => {
    answer('articles', 'list', (req) =>
      ok({
        canWrite: true,
        articles:
          req.kind === 'report'
            ? [anArticleRow({ id: 'r', kind: 'report', kindLabel: '检测报告' })]
            : [anArticleRow()],
      }),
    );
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const page = await open('pages/articles/index');
    expect(page.querySelector('.write')).toBeDefined();
    page.querySelectorAll('.filter')[3]?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(cloudCalls().map((c) => c.data)).toEqual([
      { action: 'list' },
      { action: 'list', kind: 'report' },
    ]);
    expect(texts(page, '.kind')).toEqual(['检测报告']);
    page.querySelector('.article')?.dispatchEvent('tap');
    await flush();
    expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/article/index?id=r' });
    navigateTo.mockRestore();
  });

  it('says so when a kind has nothing yet, and when loading fails', async () => {
    answer('articles', 'list', ok({ canWrite: false, articles: [] }));
    const empty = await open('pages/articles/index');
    expect(empty.data.status).toBe('empty');
    answer('articles', 'list', fail('INTERNAL', 'x'));
    await callMethod(empty, 'onRetry');
    expect(empty.data.status).toBe('error');
  });
});

describe('article page', () => {
  it('renders the sanitized body, the PDF and the questions; FAQ first as the server ordered', async () => {
    answer('articles', 'detail', ok(anArticle()));
    const page = await open('pages/article/index', { id: 'notice-inspection' });
    expect(textOf(page.querySelector('.title'))).toBe('关于两部电梯第三方检测结果的公告');
    expect(textOf(page.querySelector('.meta'))).toBe('换梯工作小组 · 11月20日 09:00');
    expect(page.data.view.nodes).toEqual(anArticle().nodes);
    expect(texts(page, '.document-title')).toEqual(['电梯检测报告.pdf']);
    expect(texts(page, '.question-text')).toEqual(['问：为什么不能修？', '问：停梯多久？']);
    expect(texts(page, '.waiting')).toEqual(['等待答复']);
    expect(page.querySelector('#reads')).toBeUndefined();
    expect(page.querySelector('.organizer')).toBeUndefined();
  });

  it('downloads the PDF through storage and opens it with the forward menu', async () => {
    answer('articles', 'detail', ok(anArticle()));
    const downloadFile = jest.fn().mockResolvedValue({ tempFilePath: 'wxfile://report.pdf' });
    Object.assign(wx.cloud, { downloadFile });
    const openDocument = jest
      .spyOn(wx, 'openDocument')
      .mockResolvedValue({ errMsg: 'openDocument:ok' });
    const page = await open('pages/article/index', { id: 'notice-inspection' });
    page.querySelector('.document')?.dispatchEvent('tap');
    await flush();
    await flush();
    expect(downloadFile).toHaveBeenCalledWith({ fileID: 'cloud://env/articles/report.pdf' });
    expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://report.pdf', showMenu: true });
    openDocument.mockRestore();
  });

  it('sends a question, then shows the article again with it', async () => {
    let asked = false;
    answer('articles', 'detail', () =>
      ok(
        anArticle({
          questions: asked
            ? [
                aQuestion({
                  id: 'q9',
                  text: '电梯什么时候停？',
                  answer: null,
                  faq: false,
                  mine: true,
                }),
              ]
            : [],
        }),
      ),
    );
    answer('articles', 'ask', (req) => {
      asked = true;
      return ok(aQuestion({ id: 'q9', text: String(req.text), answer: null, mine: true }));
    });
    const page = await open('pages/article/index', { id: 'notice-inspection' });
    await callMethod(page, 'onAsk');
    expect(page.data.askError).toBe('请先写下您的问题');
    callMethod(page, 'onQuestionInput', { detail: { value: '电梯什么时候停？' } });
    await callMethod(page, 'onAsk');
    expect(cloudCalls().find((c) => c.data.action === 'ask')?.data).toEqual({
      action: 'ask',
      targetKind: 'article',
      targetId: 'notice-inspection',
      text: '电梯什么时候停？',
    });
    expect(texts(page, '.question-text')).toEqual(['问：电梯什么时候停？']);
    expect(textOf(page.querySelector('.question .tt-muted'))).toContain('（我）');
  });

  it('shows a refusal by the content check in the form, in Chinese', async () => {
    answer('articles', 'detail', ok(anArticle()));
    answer('articles', 'ask', fail('INVALID_INPUT', '问题未通过微信内容安全检测，请修改后再提交'));
    const page = await open('pages/article/index', { id: 'notice-inspection' });
    callMethod(page, 'onQuestionInput', { detail: { value: '违禁词' } });
    await callMethod(page, 'onAsk');
    expect(textOf(page.querySelector('.error'))).toBe('问题未通过微信内容安全检测，请修改后再提交');
  });

  it('shows organizers the read count and lets them answer and withdraw with a reason', async () => {
    answer(
      'articles',
      'detail',
      ok(
        anArticle({
          canEdit: true,
          canAnswer: true,
          receipts: { read: 97, total: 138, label: '已读 97 户 / 138' },
        }),
      ),
    );
    answer('articles', 'answer', ok(aQuestion()));
    answer('articles', 'withdraw', ok({ status: 'withdrawn' }));
    const modal = jest.spyOn(wx, 'showModal').mockResolvedValue({
      confirm: true,
      cancel: false,
      content: '时间有误',
      errMsg: 'showModal:ok',
    });
    const page = await open('pages/article/index', { id: 'notice-inspection' });
    expect(textOf(page.querySelector('.reads-figure'))).toBe('已读 97 户 / 138');
    callMethod(page, 'onAnswerInput', {
      currentTarget: { dataset: { id: 'q2' } },
      detail: { value: '大约一周' },
    });
    await callMethod(page, 'onAnswer', { currentTarget: { dataset: { id: 'q2' } } });
    expect(cloudCalls().find((c) => c.data.action === 'answer')?.data).toEqual({
      action: 'answer',
      questionId: 'q2',
      text: '大约一周',
    });
    await callMethod(page, 'onWithdraw');
    expect(cloudCalls().find((c) => c.data.action === 'withdraw')?.data).toEqual({
      action: 'withdraw',
      articleId: 'notice-inspection',
      reason: '时间有误',
    });
    modal.mockRestore();
  });

  it('shows a withdrawn article as a stub with its reason, and an edited one with its history', async () => {
    answer(
      'articles',
      'detail',
      ok(
        anArticle({
          status: 'withdrawn',
          withdrawn: true,
          nodes: null,
          attachments: [],
          questions: [],
          canAsk: false,
          withdrawal: { reason: '日期写错了', at: '2026-12-03T11:59:00+08:00' },
        }),
      ),
    );
    const stub = await open('pages/article/index', { id: 'w' });
    expect(textOf(stub.querySelector('#withdrawn'))).toContain(
      '12月3日 11:59 撤回。原因：日期写错了',
    );
    expect(stub.querySelector('.body-card')).toBeUndefined();
    expect(stub.querySelector('#ask')).toBeUndefined();

    answer(
      'articles',
      'detail',
      ok(
        anArticle({
          edited: true,
          version: 2,
          editedAt: '2026-12-02T09:00:00+08:00',
          history: [{ version: 1, replacedAt: '2026-12-02T09:00:00+08:00' }],
        }),
      ),
    );
    answer(
      'articles',
      'version',
      ok({
        version: 1,
        title: '旧标题',
        summary: '',
        nodes: [{ type: 'text', text: '旧正文' }],
        replacedAt: '2026-12-02T09:00:00+08:00',
      }),
    );
    const edited = await open('pages/article/index', { id: 'e' });
    expect(texts(edited, '.badge')).toContain('已修改');
    callMethod(edited, 'onToggleHistory');
    await flush();
    expect(texts(edited, '.version')).toEqual(['第 1 版（12月2日 09:00 前） ›']);
    await callMethod(edited, 'onOpenVersion', { currentTarget: { dataset: { version: 1 } } });
    expect(textOf(edited.querySelector('.old-title'))).toBe('旧标题');
  });
});

describe('article editor', () => {
  beforeEach(() => {
    answer('decisions', 'list', ok({ decisions: [] }));
  });

  it('previews exactly what the server renders, then publishes at a set time', async () => {
    answer('articles', 'preview', (req) =>
      ok({
        title: String(req.title),
        summary: '',
        kindLabel: '公告',
        nodes: [{ type: 'text', text: '预览正文' }],
        attachments: [],
      }),
    );
    answer('articles', 'create', ok({ id: 'a-new' }));
    answer(
      'articles',
      'publish',
      ok({ status: 'scheduled', publishAt: '2099-01-02T09:30:00+08:00' }),
    );
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = await open('pages/article-edit/index');
    await callMethod(page, 'onPreview');
    expect(page.data.error).toBe('请填写标题');
    const field = (name: string, value: string) =>
      callMethod(page, 'onField', {
        currentTarget: { dataset: { field: name } },
        detail: { value },
      });
    field('title', '停梯通知');
    field('body', '# 时间\n下周一开始');
    await callMethod(page, 'onPreview');
    expect(textOf(page.querySelector('.preview-title'))).toBe('停梯通知');
    // simulate does not draw rich-text; the nodes it gets are the server's, untouched.
    expect(page.data.preview.nodes).toEqual([{ type: 'text', text: '预览正文' }]);
    callMethod(page, 'onScheduled', { detail: { value: true } });
    await callMethod(page, 'onPublish');
    expect(page.data.error).toBe('请选择定时发布的日期和时间');
    callMethod(page, 'onPick', {
      currentTarget: { dataset: { field: 'date' } },
      detail: { value: '2099-01-02' },
    });
    callMethod(page, 'onPick', {
      currentTarget: { dataset: { field: 'time' } },
      detail: { value: '09:30' },
    });
    await callMethod(page, 'onPublish');
    const sent = cloudCalls()
      .map((c) => c.data)
      .filter((d) => d.action !== 'list' && d.action !== 'preview');
    expect(sent).toEqual([
      {
        action: 'create',
        kind: 'notice',
        title: '停梯通知',
        summary: '',
        body: '# 时间\n下周一开始',
        attachments: [],
        pinned: false,
        decisionId: null,
      },
      { action: 'publish', articleId: 'a-new', publishAt: '2099-01-02T09:30:00+08:00' },
    ]);
    expect(redirectTo.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/article/index?id=a-new' });
    redirectTo.mockRestore();
  });

  it('edits a published article in place and says earlier versions stay readable', async () => {
    answer(
      'articles',
      'detail',
      ok(
        anArticle({
          canEdit: true,
          source: {
            kind: 'minutes',
            title: '纪要',
            summary: '',
            body: '正文',
            attachments: [],
            pinned: false,
            decisionId: null,
          },
        }),
      ),
    );
    answer('articles', 'edit', ok({ id: 'notice-inspection', version: 2 }));
    const page = await open('pages/article-edit/index', { id: 'notice-inspection' });
    expect(page.data.published).toBe(true);
    expect(page.data.form).toMatchObject({ kindIndex: 3, title: '纪要', body: '正文' });
    expect(textOf(page.querySelector('.save'))).toBe('发布修改');
    expect(page.querySelector('.publish')).toBeUndefined();
    await callMethod(page, 'onSaveDraft');
    expect(cloudCalls().find((c) => c.data.action === 'edit')?.data).toMatchObject({
      articleId: 'notice-inspection',
      kind: 'minutes',
      title: '纪要',
    });
  });
});
