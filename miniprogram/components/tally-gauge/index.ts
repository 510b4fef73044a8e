import type { GaugeRow } from '../../utils/gauge';

/**
 * The vote's gauge: a row for 参与 and a row for 同意, each saying in one sentence whether it is
 * enough, with a bar per axis (户数, 面积) and the law's line on it. The legend under each row
 * draws the bar's colour and the line exactly as the bars do.
 */
Component({
  properties: {
    rows: { type: Array, value: [] as GaugeRow[] },
    headline: { type: String, value: '' },
  },
});
