import {
  outageCard,
  stageDates,
  toProgressView,
  updateCard,
} from '../../../miniprogram/pages/progress/view';
import { askableDays, dayLabel, toOutagePage } from '../../../miniprogram/pages/outage/view';
import {
  milestoneRequest,
  photoPath,
  postProblem,
} from '../../../miniprogram/pages/progress-post/view';
import { countdown, monthDay } from '../../../miniprogram/utils/days';
import { keepFiguresWhole } from '../../../miniprogram/utils/format';
import {
  aHelp,
  aMilestone,
  anOutage,
  anOutageDetail,
  anOverview,
  anUpdate,
} from './progress-fixtures';

const TODAY = '2026-12-07';

describe('days as residents read them', () => {
  it('drops the year within this year and counts days across the year end', () => {
    expect(monthDay('2026-12-18', TODAY)).toBe('12月18日');
    expect(monthDay('2027-01-05', TODAY)).toBe('2027年1月5日');
    expect(countdown(TODAY, TODAY)).toBe('今天');
    expect(countdown(TODAY, '2026-12-08')).toBe('明天');
    expect(countdown('2026-12-30', '2027-01-02')).toBe('还有 3 天');
    expect(dayLabel('2027-01-27', TODAY)).toBe('2027年1月27日 周三');
  });
});

describe('progress view', () => {
  it('says each stage’s dates in one line, never repeating a year', () => {
    expect(
      stageDates(
        aMilestone({ status: 'done', actualStart: '2026-09-24', actualEnd: '2026-10-22' }),
        TODAY,
      ),
    ).toBe('已完成：9月24日–10月22日');
    expect(
      stageDates(
        aMilestone({ status: 'active', actualStart: '2026-12-03', plannedEnd: '2026-12-18' }),
        TODAY,
      ),
    ).toBe('12月3日开始，计划 12月18日完成');
    expect(
      stageDates(
        aMilestone({
          status: 'active',
          actualStart: '2026-11-03',
          plannedEnd: '2026-12-01',
          late: true,
        }),
        TODAY,
      ),
    ).toBe('11月3日开始，原计划 12月1日完成，已推迟');
    expect(
      stageDates(aMilestone({ plannedStart: '2027-01-14', plannedEnd: '2027-01-21' }), TODAY),
    ).toBe('计划 2027年1月14日–1月21日');
    expect(stageDates(aMilestone(), TODAY)).toBe('日期待定');
  });

  it('counts down to an outage, and counts its days while it stands', () => {
    expect(outageCard(anOutage(), TODAY)).toMatchObject({
      title: '1号梯（东）停用',
      // As read; the joiners that keep each figure whole are invisible.
      when: keepFiguresWhole('2027年1月26日–2月24日，共 30 天'),
      countdown: '还有 50 天开始停用',
    });
    expect(outageCard(anOutage(), '2027-01-25').countdown).toBe('明天开始停用');
    expect(outageCard(anOutage({ underway: true }), '2027-01-28').countdown).toBe(
      '正在停用，第 3 天',
    );
  });

  it('shows three thumbnails and how many more, skipping photos that did not load', () => {
    const photos = Array.from({ length: 6 }, (_, i) => ({
      fileId: `f${i}`,
      caption: `照片${i}`,
      url: i === 1 ? '' : `https://x/${i}.png`,
    }));
    const card = updateCard(anUpdate({ photos, text: '长'.repeat(100) }), TODAY);
    expect(card.thumbs.map((t) => t.url)).toEqual([
      'https://x/0.png',
      'https://x/2.png',
      'https://x/3.png',
    ]);
    expect(card.morePhotos).toBe('+2');
    expect(card.text).toHaveLength(71);
    expect(card.when).toBe('12月3日 19:00');
  });

  it('marks the current stage and a late one', () => {
    const view = toProgressView(anOverview());
    expect(view.stages.filter((s) => s.current).map((s) => s.label)).toEqual(['方案表决']);
    expect(view.stageCount).toBe('共 8 个阶段，已完成 1 个');
    expect(view.nextKey).toEqual({
      date: '12月18日',
      what: '方案表决计划完成',
      countdown: '还有 11 天',
    });
    const late = anOverview();
    late.milestones[1] = { ...late.milestones[1]!, late: true };
    expect(toProgressView(late).stages[1]?.statusLabel).toBe('已推迟');
  });
});

describe('organizer forms', () => {
  it('sends empty dates as null and drops actual dates a status cannot have', () => {
    const form = {
      status: 'active' as const,
      plannedStart: '',
      plannedEnd: '2026-12-18',
      actualStart: '2026-12-03',
      actualEnd: '2026-12-05',
    };
    expect(milestoneRequest('planVote', form)).toEqual({
      stage: 'planVote',
      status: 'active',
      plannedStart: null,
      plannedEnd: '2026-12-18',
      actualStart: '2026-12-03',
      actualEnd: null,
    });
    expect(milestoneRequest('planVote', { ...form, status: 'pending' }).actualStart).toBeNull();
  });

  it('waits for uploads and text, and files photos under progress/', () => {
    expect(postProblem('进展', [], true)).toBe('照片还在上传，请稍等');
    expect(postProblem('  ', [], false)).toBe('请写下这次进展的内容');
    expect(postProblem('进展', [], false)).toBe('');
    expect(photoPath('planVote', 'wxfile://tmp/abc.PNG', 2, 1700)).toBe(
      'progress/planVote/1700-2.png',
    );
    expect(photoPath('planVote', 'blob:http://x/abc', 0, 1700)).toBe(
      'progress/planVote/1700-0.jpg',
    );
  });
});

describe('outage view', () => {
  it('offers only the days still ahead', () => {
    expect(askableDays('2026-12-05', '2026-12-09', TODAY)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
    ]);
    expect(askableDays('2026-12-01', '2026-12-06', TODAY)).toEqual([]);
  });

  it('lets a registered household ask and neighbours sign up, never for their own request', () => {
    const page = toOutagePage(
      anOutageDetail({
        myUnits: [{ unitNo: '19-03', floor: 19, eligible: true }],
        requests: [aHelp({ id: 'mine', mine: true, canCancel: true, unitNo: '19-03' }), aHelp()],
      }),
    );
    expect(page.canAsk).toBe(true);
    expect(page.askUnits).toEqual(['19-03']);
    expect(page.mine.map((r) => [r.id, r.canVolunteer, r.canCancel])).toEqual([
      ['mine', false, true],
    ]);
    expect(page.others.map((r) => [r.id, r.canVolunteer, r.canCancel])).toEqual([
      ['h1', true, false],
    ]);
    expect(page.coverage).toBeNull();
  });

  it('tells a bound household without a registered member why it cannot ask', () => {
    const page = toOutagePage(
      anOutageDetail({ myUnits: [{ unitNo: '2-01', floor: 2, eligible: false }] }),
    );
    expect(page.canAsk).toBe(false);
    expect(page.cannotAsk).toContain('高龄或行动不便');
  });

  it('shows organizers the gap and whom to call', () => {
    const page = toOutagePage(
      anOutageDetail({
        canRequestForOthers: true,
        requests: [
          aHelp(),
          aHelp({ id: 'h2', covered: true, volunteerCount: 1, volunteers: ['钱永康'] }),
        ],
        coverage: {
          requests: 2,
          covered: 1,
          uncovered: 1,
          unasked: [{ unitNo: '23-05', floor: 23, why: '行动不便' }],
        },
      }),
    );
    expect(page.coverage).toMatchObject({
      line: '已有人帮 1 / 2 项',
      gap: '还差 1 项没人帮',
      unasked: [{ unitNo: '23-05', line: '23-05（23 楼）行动不便，还没有申请' }],
    });
    expect(page.coverage?.uncovered.map((r) => r.id)).toEqual(['h1']);
    expect(page.others.find((r) => r.id === 'h2')?.volunteers).toBe('报名的邻居：钱永康');
  });
});
