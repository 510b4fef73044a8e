import {
  type Article,
  canDo,
  checkChunks,
  checkSchedule,
  dueForPublication,
  isPublic,
  listOrder,
  questionOrder,
  statusAt,
} from '../../core/articles';

const NOW = Date.parse('2026-12-07T10:00:00+08:00');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (ms: number): string => new Date(ms).toISOString();

type Slice = Pick<Article, '_id' | 'status' | 'publishAt' | 'pinned' | 'publishedAt'>;
const a = (over: Partial<Slice> & { _id: string }): Slice => ({
  status: 'published',
  publishAt: null,
  pinned: false,
  publishedAt: '2026-12-01T09:00:00+08:00',
  ...over,
});

describe('publication windows (injected clock)', () => {
  it('lets a scheduled article out exactly at its time, before the job has flipped it', () => {
    const scheduled = a({ _id: 's', status: 'scheduled', publishAt: iso(NOW + HOUR) });
    expect(statusAt(scheduled, NOW)).toBe('scheduled');
    expect(isPublic(scheduled, NOW)).toBe(false);
    expect(statusAt(scheduled, NOW + HOUR - 1)).toBe('scheduled');
    expect(statusAt(scheduled, NOW + HOUR)).toBe('published');
    expect(isPublic(scheduled, NOW + HOUR)).toBe(true);
    expect(isPublic(a({ _id: 'd', status: 'draft' }), NOW)).toBe(false);
    expect(isPublic(a({ _id: 'w', status: 'withdrawn' }), NOW)).toBe(true);
  });

  it('accepts a schedule from just ahead to 90 days, refuses the past and malformed times', () => {
    expect(checkSchedule(undefined, NOW)).toEqual({ ok: true, at: null });
    expect(checkSchedule(iso(NOW + 60_000), NOW)).toEqual({ ok: true, at: NOW + 60_000 });
    expect(checkSchedule(iso(NOW + 90 * DAY), NOW)).toMatchObject({ ok: true });
    expect(checkSchedule(iso(NOW + 90 * DAY + 1000), NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining('90'),
    });
    expect(checkSchedule(iso(NOW), NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining('已经过去'),
    });
    expect(checkSchedule('next tuesday', NOW)).toMatchObject({ ok: false });
  });

  it('finds what is due, earliest first, and nothing twice once flipped', () => {
    const list = [
      a({ _id: 'late', status: 'scheduled', publishAt: iso(NOW - HOUR) }),
      a({ _id: 'early', status: 'scheduled', publishAt: iso(NOW - 2 * HOUR) }),
      a({ _id: 'future', status: 'scheduled', publishAt: iso(NOW + HOUR) }),
      a({ _id: 'done', status: 'published', publishAt: iso(NOW - 3 * HOUR) }),
    ];
    expect(dueForPublication(list, NOW).map((x) => x._id)).toEqual(['early', 'late']);
    const flipped = list.map((x) =>
      x._id === 'early' || x._id === 'late' ? { ...x, status: 'published' as const } : x,
    );
    expect(dueForPublication(flipped, NOW)).toEqual([]);
  });

  it('allows each step only from the states it makes sense in', () => {
    const draft = a({ _id: 'd', status: 'draft' });
    const published = a({ _id: 'p' });
    const withdrawn = a({ _id: 'w', status: 'withdrawn' });
    expect([
      canDo(draft, 'publish', NOW),
      canDo(draft, 'withdraw', NOW),
      canDo(draft, 'edit', NOW),
    ]).toEqual([true, false, true]);
    expect([
      canDo(published, 'publish', NOW),
      canDo(published, 'withdraw', NOW),
      canDo(published, 'edit', NOW),
    ]).toEqual([false, true, true]);
    expect([
      canDo(withdrawn, 'publish', NOW),
      canDo(withdrawn, 'withdraw', NOW),
      canDo(withdrawn, 'edit', NOW),
    ]).toEqual([false, false, false]);
    const due = a({ _id: 's', status: 'scheduled', publishAt: iso(NOW - 1) });
    expect(canDo(due, 'withdraw', NOW)).toBe(true);
  });
});

describe('lists and names', () => {
  it('puts pinned articles first (a withdrawn one loses its pin), then the newest', () => {
    const order = listOrder([
      a({ _id: 'old', publishedAt: '2026-11-01T09:00:00+08:00' }),
      a({ _id: 'new', publishedAt: '2026-12-01T09:00:00+08:00' }),
      a({ _id: 'pin', pinned: true, publishedAt: '2026-10-01T09:00:00+08:00' }),
      a({
        _id: 'gone',
        pinned: true,
        status: 'withdrawn',
        publishedAt: '2026-12-02T09:00:00+08:00',
      }),
    ]);
    expect(order.map((x) => x._id)).toEqual(['pin', 'gone', 'new', 'old']);
  });

  it('orders questions FAQ first, then answered, then the newest open ones', () => {
    const q = (id: string, faq: boolean, answered: boolean, askedAt: string) => ({
      id,
      faq,
      answer: answered ? { text: '', by: '', byLabel: '', at: '' } : null,
      askedAt,
    });
    const order = questionOrder([
      q('open-old', false, false, '2026-12-01'),
      q('answered', false, true, '2026-12-03'),
      q('faq', true, true, '2026-11-01'),
      q('open-new', false, false, '2026-12-05'),
    ]);
    expect(order.map((x) => x.id)).toEqual(['faq', 'answered', 'open-new', 'open-old']);
  });

  it('splits long text for the content check at 2,500 characters', () => {
    const chunks = checkChunks('字'.repeat(6000));
    expect(chunks.map((c) => [...c].length)).toEqual([2500, 2500, 1000]);
    expect(checkChunks('   ')).toEqual([]);
  });
});
