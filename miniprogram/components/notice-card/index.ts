import type { NoticeView } from '../../../typings/api';
import { formatDate } from '../../utils/format';
import { openPath } from '../../utils/navigation';

/** A notice (公告): title, date and summary; a tap opens the article with its questions. */
Component({
  properties: {
    notice: { type: Object, value: null as NoticeView | null },
  },
  data: {
    dateText: '',
  },
  observers: {
    notice(notice: NoticeView | null) {
      this.setData({ dateText: notice ? formatDate(notice.publishedAt) : '' });
    },
  },
  methods: {
    onOpen() {
      const notice = this.data.notice as NoticeView | null;
      if (notice) openPath(`/pages/article/index?id=${encodeURIComponent(notice.id)}`);
    },
  },
});
