import type {
  MapChoiceView,
  MapFloorView,
  MapLayerName,
  MapLayerRequest,
  MapLegendView,
  MapOverviewView,
} from '../../../typings/api';

/** What the map can be coloured by, in the order the switcher shows them. */
export const LAYERS: Array<{ key: MapLayerName; label: string }> = [
  { key: 'vote', label: '投票' },
  { key: 'pay', label: '缴款' },
  { key: 'contact', label: '联络' },
  { key: 'read', label: '公告已读' },
];

/** Statuses with a colour of their own (index.wxss); staff channels share one colour. */
const COLOURED = new Set([
  'online',
  'paper',
  'proxy',
  'notYet',
  'unreachable',
  'off',
  'paid',
  'partly',
  'cashPending',
  'unpaid',
  'none',
  'reached',
  'abroad',
  'visit',
  'unreached',
  'never',
  'read',
  'unread',
]);

export function statusClass(status: string): string {
  return COLOURED.has(status) ? `s-${status}` : 's-staff';
}

/** Cells one answer should bring: a few thousand bytes of setData, whatever the floor width. */
const CELLS_PER_RANGE = 200;

/** How many floors to ask for at once, from the widest floor's room count (1–20). */
export function floorsPerRange(columns: number): number {
  return Math.max(1, Math.min(20, Math.floor(CELLS_PER_RANGE / Math.max(1, columns))));
}

/** The next range below, or null past the bottom floor. */
export function nextRange(
  next: number,
  bottomFloor: number,
  columns: number,
): { from: number; to: number } | null {
  if (next < bottomFloor) return null;
  return { from: next, to: Math.max(bottomFloor, next - floorsPerRange(columns) + 1) };
}

export interface CellView {
  /** Unit id; '' for a gap where the floor has no room at that position. */
  id: string;
  /** The room part of the number ("03" of "12-03"), what fits in a cell. */
  room: string;
  no: string;
  cls: string;
}

export interface FloorRowView {
  floor: number;
  label: string;
  cells: CellView[];
}

function roomText(unitNo: string): string {
  const parts = unitNo.split(/[-－]/);
  return parts.length > 1 ? (parts[parts.length - 1] ?? unitNo) : unitNo.slice(-2);
}

/** A floor as a row of cells, with an empty cell wherever the floor skips a room position. */
export function floorRow(f: MapFloorView): FloorRowView {
  const cells: CellView[] = [];
  for (const [id, no, col, status] of f.cells) {
    while (cells.length < col - 1) cells.push({ id: '', room: '', no: '', cls: 'gap' });
    cells.push({ id, room: roomText(no), no, cls: statusClass(status) });
  }
  return { floor: f.floor, label: `${f.floor}层`, cells };
}

export interface LegendRow {
  status: string;
  cls: string;
  text: string;
}

export function legendRows(legend: MapLegendView): LegendRow[] {
  return legend.entries.map((e) => ({
    status: e.status,
    cls: statusClass(e.status),
    text: `${e.label} ${e.count.toLocaleString('en-US')} 户`,
  }));
}

/** The layer's question as the organizer reads it above the map. */
export function layerTitle(
  layer: MapLayerName,
  choice: MapChoiceView | null,
  units: number,
): string {
  const all = `全楼 ${units.toLocaleString('en-US')} 户`;
  switch (layer) {
    case 'vote':
      return choice ? `「${choice.title}」投票情况 · ${all}` : '还没有开始投票的议题';
    case 'pay':
      return `换梯费用缴纳情况 · ${all}`;
    case 'contact':
      return `联络情况 · ${all}`;
    case 'read':
      return choice ? `「${choice.title}」已读情况 · ${all}` : '还没有发布公告';
  }
}

/** The request for a layer, or null when it needs a decision or notice and there is none. */
export function layerRequest(layer: MapLayerName, choiceId: string): MapLayerRequest | null {
  if (layer === 'vote') return choiceId ? { layer, decisionId: choiceId } : null;
  if (layer === 'read') return choiceId ? { layer, articleId: choiceId } : null;
  return { layer };
}

/** What the layer chooses among (decisions or notices), and the one shown first. */
export function choicesOf(
  layer: MapLayerName,
  overview: Pick<MapOverviewView, 'decisions' | 'articles' | 'work'>,
): { list: MapChoiceView[]; first: string } {
  if (layer === 'vote') {
    const work = overview.work;
    const first = work.kind === 'vote' ? work.decisionId : (overview.decisions[0]?.id ?? '');
    return { list: overview.decisions, first };
  }
  if (layer === 'read') return { list: overview.articles, first: overview.articles[0]?.id ?? '' };
  return { list: [], first: '' };
}

/** The unit page's address, with the layer's decision so a paper ballot can be entered there. */
export function unitPath(unitId: string, layer: MapLayerName, choiceId: string): string {
  const decision =
    layer === 'vote' && choiceId ? `&decisionId=${encodeURIComponent(choiceId)}` : '';
  return `/pages/map-unit/index?unitId=${encodeURIComponent(unitId)}${decision}`;
}
