import type { LastMileRow } from '../registry/lastMile';
import type { ContactChannel, UnitStatus } from '../registry/model';
import { fileDateTime, type Cell, type Sheet } from './sheet';

/**
 * The last-mile contact list for the committee's admins: every unit with its owners' names and
 * phone numbers, where they live, whether staff reached them, how, and who needs a home visit.
 * Built from the tracker's rows (core/registry/lastMile.ts) taken with phones.
 */

const STATUS_LABELS: Record<UnitStatus, string> = {
  owned: '自住',
  rented: '出租',
  empty: '空置',
  unsold: '未售',
};

const CONTACT_LABELS: Record<ContactChannel, string> = {
  phone: '电话',
  visit: '上门',
  wechat: '微信',
};

const yes = (flag: boolean): string => (flag ? '是' : '');

export function contactsSheet(rows: readonly LastMileRow[]): Sheet {
  return {
    name: '联系名单',
    columns: [
      { header: '房号', kind: 'text', width: 10 },
      { header: '状态', kind: 'text', width: 8 },
      { header: '业主', kind: 'text', width: 16 },
      { header: '电话', kind: 'text', width: 28 },
      { header: '常住地', kind: 'text', width: 12 },
      { header: '高龄', kind: 'text', width: 6 },
      { header: '无智能手机', kind: 'text', width: 10 },
      { header: '在外地或海外', kind: 'text', width: 12 },
      { header: '需上门', kind: 'text', width: 8 },
      { header: '已联系上', kind: 'text', width: 10 },
      { header: '最近联络方式', kind: 'text', width: 12 },
      { header: '联络次数', kind: 'count', width: 10 },
      { header: '最近联络', kind: 'text', width: 20 },
      { header: '经手人', kind: 'text', width: 14 },
      { header: '备注', kind: 'text', width: 30 },
    ],
    rows: rows.map((r): Cell[] => [
      r.unitNo,
      STATUS_LABELS[r.status],
      r.owners.map((o) => o.name).join('、') || (r.status === 'unsold' ? '开发商' : '—'),
      r.owners
        .map((o) => o.phone)
        .filter((p): p is string => Boolean(p))
        .join('、'),
      [...new Set(r.owners.map((o) => o.livesIn).filter((p): p is string => Boolean(p)))].join(
        '、',
      ),
      yes(r.elderly),
      yes(r.noSmartphone),
      yes(r.overseas),
      yes(r.needsHomeVisit),
      r.reached ? '是' : '否',
      r.lastChannel ? CONTACT_LABELS[r.lastChannel] : '',
      r.attempts,
      r.updatedAt ? fileDateTime(r.updatedAt) : '',
      r.updatedBy ?? '',
      r.note,
    ]),
  };
}
