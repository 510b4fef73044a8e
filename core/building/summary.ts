import type { AreaCard, BuildingSummary, NoticeView } from '../../typings/api';
import { countHeads } from '../tally/headcount';
import type { Article, Building, Unit } from '../registry/model';

/**
 * What the home page shows about the building: its facts, owners counted as the law counts them
 * (so the figure matches every later tally), the latest published notice, and a card per area.
 */
export function summarizeBuilding(input: {
  building: Building;
  units: readonly Unit[];
  latestNotice: Article | null;
}): BuildingSummary {
  const { building, units, latestNotice } = input;
  const heads = countHeads(
    units.map((u) => ({
      unit: u._id,
      area: u.areaHundredths,
      owner: u.ownerIds[0],
      unsold: u.status === 'unsold',
    })),
    [],
  );
  if (!heads.ok)
    throw new Error(`registry is inconsistent: ${heads.error.path} ${heads.error.message}`);
  return {
    buildingId: building._id,
    name: building.name,
    address: building.address,
    builtYear: building.builtYear,
    floors: building.floors,
    elevators: building.elevators,
    unitCount: units.length,
    ownerCount: heads.owners.total,
    totalAreaHundredths: heads.area.total,
    latestNotice: latestNotice ? toNoticeView(latestNotice) : null,
    areas: areaCards({ unitCount: units.length, ownerCount: heads.owners.total }),
  };
}

export function toNoticeView(article: Article): NoticeView {
  return {
    id: article._id,
    title: article.title,
    summary: article.summary,
    body: article.body,
    author: article.author,
    publishedAt: article.publishedAt,
  };
}

/** Until decisions, money and progress land, their cards say what each area will hold. */
function areaCards(counts: { unitCount: number; ownerCount: number }): AreaCard[] {
  return [
    {
      area: 'decisions',
      title: '议事表决',
      headline: '换梯方案',
      detail: '方案公示后业主线上或书面表决，双过三分之二参与、四分之三同意',
      path: '/pages/decisions/index',
    },
    {
      area: 'money',
      title: '自筹资金',
      headline: '按面积分摊',
      detail: '每户应缴金额、缴费进度与公开账本',
      path: '/pages/money/index',
    },
    {
      area: 'progress',
      title: '工程进度',
      headline: '检测报告已出',
      detail: '关键节点、现场照片，随时可查',
      path: '/pages/progress/index',
    },
    {
      area: 'households',
      title: '住户',
      headline: `${counts.unitCount} 户 · ${counts.ownerCount} 位业主`,
      detail: '绑定房屋、委托代理人、联系未触达的业主',
      path: '/pages/household/index',
    },
  ];
}
