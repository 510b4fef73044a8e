import { toArticleRows } from '../../../miniprogram/pages/articles/view';
import { toArticleView } from '../../../miniprogram/pages/article/view';
import {
  appendLine,
  decisionChoices,
  emptyForm,
  imageLine,
  missingOf,
  scheduleOf,
  toInput,
} from '../../../miniprogram/pages/article-edit/view';
import { anArticle, anArticleRow } from './articles-fixtures';

const NOW = Date.parse('2026-12-07T10:00:00+08:00');

describe('article view models', () => {
  it('gives each row one badge at most: withdrawn, draft, scheduled, then pinned', () => {
    const rows = toArticleRows(
      [
        anArticleRow({ withdrawn: true, status: 'withdrawn' }),
        anArticleRow({ status: 'draft', publishedAt: '' }),
        anArticleRow({ status: 'scheduled', publishAt: '2026-12-13T12:23:00+08:00' }),
        anArticleRow({ publishedAt: '2025-12-31T08:00:00+08:00' }),
      ],
      NOW,
    );
    expect(rows.map((r) => r.badge)).toEqual(['已撤回', '草稿', '定时 12月13日 12:23', '置顶']);
    expect(rows.map((r) => r.when)).toEqual([
      '11月20日 09:00',
      '未发布',
      '11月20日 09:00',
      '2025年12月31日 08:00',
    ]);
  });

  it('splits attachments into photos and documents and counts open questions', () => {
    const view = toArticleView(
      anArticle({
        attachments: [
          { kind: 'image', title: '现场', fileId: 'cloud://e/a.png', url: 'https://x/a.png' },
          { kind: 'pdf', title: '报告', fileId: 'cloud://e/r.pdf', url: null },
        ],
        status: 'scheduled',
        publishAt: '2026-12-09T09:00:00+08:00',
      }),
      NOW,
    );
    expect(view.images.map((i) => i.title)).toEqual(['现场']);
    expect(view.documents.map((i) => i.title)).toEqual(['报告']);
    expect(view.openCount).toBe(1);
    expect(view.draftLabel).toBe('定时发布：12月9日 09:00 起住户可见');
  });
});

describe('editor view model', () => {
  it('schedules in Shanghai time and refuses a time already past', () => {
    expect(scheduleOf({ scheduled: false, date: '', time: '' }, NOW)).toEqual({
      ok: true,
      at: null,
    });
    expect(scheduleOf({ scheduled: true, date: '2026-12-08', time: '09:00' }, NOW)).toEqual({
      ok: true,
      at: '2026-12-08T09:00:00+08:00',
    });
    expect(scheduleOf({ scheduled: true, date: '2026-12-07', time: '09:59' }, NOW)).toMatchObject({
      ok: false,
    });
    expect(scheduleOf({ scheduled: true, date: '', time: '09:00' }, NOW)).toMatchObject({
      ok: false,
      message: '请选择定时发布的日期和时间',
    });
  });

  it('builds the request from the form, with the chosen decision or none', () => {
    const choices = decisionChoices([]);
    expect(choices).toEqual([{ id: '', label: '不关联表决' }]);
    const form = { ...emptyForm(), kindIndex: 4, title: ' 答疑 ', body: 'x', decisionIndex: 1 };
    expect(toInput(form, [...choices, { id: 'd1', label: 'd' }])).toMatchObject({
      kind: 'qa',
      title: '答疑',
      decisionId: 'd1',
    });
    expect(toInput({ ...form, decisionIndex: 0 }, choices).decisionId).toBeNull();
    expect(missingOf(emptyForm())).toBe('请填写标题');
    expect(missingOf({ ...emptyForm(), title: 't' })).toBe('请填写正文或添加附件');
  });

  it('writes an uploaded image as a body line the server parses', () => {
    expect(imageLine('cloud://e/a.png', '井道[照片]')).toBe('![井道照片](cloud://e/a.png)');
    expect(appendLine('第一段\n\n', '![x](cloud://e/a.png)')).toBe(
      '第一段\n![x](cloud://e/a.png)\n',
    );
    expect(appendLine('', 'x')).toBe('x\n');
  });
});
