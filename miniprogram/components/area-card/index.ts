import type { AreaCard } from '../../../typings/api';

/** Detail of the `open` event: where the card leads. */
export interface AreaCardOpenDetail {
  area: AreaCard['area'] | '';
  path: string;
}

/** One area of the product on the home page: a title, its headline figure and a line of detail. */
Component({
  properties: {
    area: { type: String, value: '' },
    title: { type: String, value: '' },
    headline: { type: String, value: '' },
    detail: { type: String, value: '' },
    path: { type: String, value: '' },
  },
  methods: {
    onTap() {
      const detail: AreaCardOpenDetail = {
        area: toArea(this.data.area),
        path: this.data.path,
      };
      this.triggerEvent('open', detail);
    },
  },
});

function toArea(value: string): AreaCardOpenDetail['area'] {
  switch (value) {
    case 'decisions':
    case 'money':
    case 'progress':
    case 'households':
      return value;
    default:
      return '';
  }
}
