import type { GaugeAxis } from '../../utils/gauge';

/**
 * Two bars (owners, area) against the law's lines: the grey bar is who took part, the green bar
 * who chose the leading option; the dashed line is two thirds of everyone, the solid mark the
 * approval line within those who took part. A met threshold turns its label green.
 */
Component({
  properties: {
    axes: { type: Array, value: [] as GaugeAxis[] },
    turnoutLabel: { type: String, value: '' },
    approvalLabel: { type: String, value: '' },
    headline: { type: String, value: '' },
  },
});
