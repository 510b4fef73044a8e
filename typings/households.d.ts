/**
 * households: the building, its units, owners, members, roles and proxies.
 */

/** A notice (公告) as residents read it. Dates are ISO strings with the +08:00 offset. */
export interface NoticeView {
  id: string;
  title: string;
  summary: string;
  body: string;
  author: string;
  publishedAt: string;
}

/** One card on the home page: an area of the product with its headline figure. */
export interface AreaCard {
  area: 'decisions' | 'money' | 'progress' | 'households';
  title: string;
  headline: string;
  detail: string;
  /** The tab or page the card opens. */
  path: string;
}

export interface BuildingSummary {
  buildingId: string;
  name: string;
  address: string;
  builtYear: number;
  floors: number;
  elevators: number;
  unitCount: number;
  /** Owners counted as the law counts them (multi-unit owners once, unsold units together once). */
  ownerCount: number;
  /** Total registered exclusive area, in hundredths of a square metre. */
  totalAreaHundredths: number;
  latestNotice: NoticeView | null;
  areas: AreaCard[];
}

export interface HouseholdsApi {
  summary: { request: Record<string, never>; response: BuildingSummary };
}
