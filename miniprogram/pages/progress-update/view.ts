import type { ProgressUpdateView } from '../../../typings/api';
import { formatDateTime } from '../../utils/format';

/** One update as the page shows it: every photo that loads, with its caption. */
export interface UpdatePage {
  id: string;
  stageLabel: string;
  text: string;
  who: string;
  when: string;
  photos: Array<{ url: string; caption: string }>;
  photoCount: string;
  missing: number;
}

export function toUpdatePage(u: ProgressUpdateView): UpdatePage {
  const photos = u.photos.filter((p) => p.url).map((p) => ({ url: p.url, caption: p.caption }));
  return {
    id: u.id,
    stageLabel: u.stageLabel,
    text: u.text,
    who: `${u.postedByLabel} 发布`,
    when: formatDateTime(u.postedAt),
    photos,
    photoCount: photos.length ? `${photos.length} 张照片，点开可放大` : '',
    missing: u.photos.length - photos.length,
  };
}
