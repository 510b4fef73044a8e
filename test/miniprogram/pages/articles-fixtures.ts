import type {
  ArticleDetailView,
  ArticleQuestionView,
  ArticleSummaryView,
} from '../../../typings/api';

export function anArticleRow(overrides: Partial<ArticleSummaryView> = {}): ArticleSummaryView {
  return {
    id: 'notice-inspection',
    kind: 'notice',
    kindLabel: '公告',
    title: '关于两部电梯第三方检测结果的公告',
    summary: '检测结论：两部电梯需要整体更换。',
    status: 'published',
    pinned: true,
    publishedAt: '2026-11-20T09:00:00+08:00',
    publishAt: null,
    edited: false,
    withdrawn: false,
    readLabel: null,
    ...overrides,
  };
}

export function aQuestion(overrides: Partial<ArticleQuestionView> = {}): ArticleQuestionView {
  return {
    id: 'q1',
    asker: '张*华 · 12楼',
    text: '为什么不能修？',
    askedAt: '2026-12-01T10:00:00+08:00',
    answer: {
      text: '检测报告第四部分有说明。',
      by: '换梯工作小组',
      at: '2026-12-01T15:00:00+08:00',
    },
    faq: true,
    hidden: null,
    mine: false,
    ...overrides,
  };
}

export function anArticle(overrides: Partial<ArticleDetailView> = {}): ArticleDetailView {
  return {
    ...anArticleRow(),
    author: '换梯工作小组',
    nodes: [
      { name: 'h3', attrs: { class: 'rt-h' }, children: [{ type: 'text', text: '检测结论' }] },
      {
        name: 'p',
        attrs: { class: 'rt-p' },
        children: [{ type: 'text', text: '为什么是更换而不是修理？' }],
      },
    ],
    attachments: [
      {
        kind: 'pdf',
        title: '电梯检测报告.pdf',
        fileId: 'cloud://env/articles/report.pdf',
        url: null,
      },
    ],
    decisionId: null,
    version: 1,
    editedAt: null,
    history: [],
    withdrawal: null,
    questions: [aQuestion(), aQuestion({ id: 'q2', text: '停梯多久？', answer: null, faq: false })],
    receipts: null,
    canEdit: false,
    canAsk: true,
    canAnswer: false,
    source: null,
    ...overrides,
  };
}
