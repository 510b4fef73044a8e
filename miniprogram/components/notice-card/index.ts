import type { NoticeView } from '../../../typings/api';
import { formatDate } from '../../utils/format';

/** A notice (公告): title, date and summary; a tap unfolds the full text and folds it again. */
Component({
  properties: {
    notice: { type: Object, value: null as NoticeView | null },
  },
  data: {
    dateText: '',
    expanded: false,
  },
  observers: {
    notice(notice: NoticeView | null) {
      this.setData({
        dateText: notice ? formatDate(notice.publishedAt) : '',
        expanded: false,
      });
    },
  },
  methods: {
    onToggle() {
      this.setData({ expanded: !this.data.expanded });
    },
  },
});
