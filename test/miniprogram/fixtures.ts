/** Test data builders: a plausible building summary, overridable field by field. */
import type { AreaCard, BuildingSummary, NoticeView } from '../../typings/api';

export function aNotice(overrides: Partial<NoticeView> = {}): NoticeView {
  return {
    id: 'notice-1',
    title: '电梯更新方案公示',
    summary: '第三方检测结论：两部电梯无法修复，须整体更换。方案公示 15 天。',
    body: '各位业主：\n经第三方检测，两部电梯已无修复价值。\n保留导轨，其余整体更换。',
    author: '换梯小组',
    publishedAt: '2026-11-29T10:00:00+08:00',
    ...overrides,
  };
}

export function anArea(overrides: Partial<AreaCard> = {}): AreaCard {
  return {
    area: 'decisions',
    title: '议事',
    headline: '1 项表决进行中',
    detail: '已有 80 户参与',
    path: '/pages/decisions/index',
    ...overrides,
  };
}

export function aSummary(overrides: Partial<BuildingSummary> = {}): BuildingSummary {
  return {
    buildingId: 'ciai-xinhe',
    name: '慈爱鑫和公寓',
    address: '上海市普陀区曹家渡',
    builtYear: 2000,
    floors: 24,
    elevators: 2,
    unitCount: 138,
    ownerCount: 136,
    totalAreaHundredths: 1234567,
    latestNotice: aNotice(),
    helpLine: { label: '居委会', phone: '021-6213 0000' },
    areas: [
      anArea(),
      anArea({
        area: 'money',
        title: '筹款',
        headline: '已筹 ¥1,234,567.00',
        detail: '96 户已缴',
        path: '/pages/money/index',
      }),
      anArea({
        area: 'progress',
        title: '进度',
        headline: '招标中',
        detail: '预计 2027年3月开工',
        path: '/pages/progress/index',
      }),
    ],
    ...overrides,
  };
}
