import type { AreaCard, BuildingSummary, NoticeView } from '../../../typings/api';
import { formatArea } from '../../utils/format';

export interface BuildingFact {
  label: string;
  value: string;
}

/** What the home page renders, flattened so the template stays free of logic. */
export interface HomeView {
  name: string;
  address: string;
  facts: BuildingFact[];
  /** Owners and area as the law counts them, in one line under the facts. */
  ownership: string;
  notice: NoticeView | null;
  areas: AreaCard[];
}

export function toHomeView(summary: BuildingSummary): HomeView {
  return {
    name: summary.name,
    address: summary.address,
    facts: [
      { label: '建成', value: `${summary.builtYear} 年` },
      { label: '楼层', value: `${summary.floors} 层` },
      { label: '住户', value: `${summary.unitCount} 户` },
      { label: '电梯', value: `${summary.elevators} 部` },
    ],
    ownership: `业主 ${summary.ownerCount} 位 · 专有面积合计 ${formatArea(summary.totalAreaHundredths)}`,
    notice: summary.latestNotice,
    areas: summary.areas,
  };
}
