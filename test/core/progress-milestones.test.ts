/**
 * The timeline's rules with the day passed in: stages in order, actual dates never in the future,
 * going back only while the next stage has not started, and the figures the 进度 tab shows.
 */
import {
  STAGES,
  changeMilestone,
  currentStage,
  isLate,
  nextKeyDate,
  percentDone,
  progressCard,
  timeline,
  type Milestone,
  type MilestoneChange,
  type MilestoneStatus,
  type Stage,
} from '../../core/progress';

const TODAY = '2026-12-07';

function stone(stage: Stage, status: MilestoneStatus, extra: Partial<Milestone> = {}): Milestone {
  return {
    ...timeline([], 'b1')[STAGES.indexOf(stage)]!,
    status,
    actualStart: status === 'pending' ? null : '2026-10-01',
    actualEnd: status === 'done' ? '2026-11-01' : null,
    ...extra,
  };
}

/** The story: inspection done, plan vote under way, the rest ahead. */
const STORY: Milestone[] = [
  stone('inspection', 'done'),
  stone('planVote', 'active', { plannedEnd: '2026-12-20' }),
  stone('costSplit', 'pending', { plannedStart: '2026-12-25' }),
];

const change = (
  status: MilestoneStatus,
  extra: Partial<MilestoneChange> = {},
): MilestoneChange => ({
  status,
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
  ...extra,
});

describe('timeline', () => {
  it('lists all eight stages in order, unstored ones pending without dates', () => {
    const line = timeline(STORY, 'b1');
    expect(line.map((m) => m.stage)).toEqual([...STAGES]);
    expect(line[4]).toMatchObject({ stage: 'outage', status: 'pending', plannedStart: null });
    expect(line[1]?.status).toBe('active');
  });
});

describe('changeMilestone', () => {
  it('refuses to start a stage before the one before it has started', () => {
    const outcome = changeMilestone(STORY, 'contract', change('active'), TODAY);
    expect(outcome).toEqual({ ok: false, reason: '请先开始“费用分摊”，再开始“签约”' });
  });

  it('lets the next stage start while the previous is still under way', () => {
    const outcome = changeMilestone(STORY, 'costSplit', change('active'), TODAY);
    expect(outcome.ok && outcome.milestone).toMatchObject({
      status: 'active',
      actualStart: TODAY,
      actualEnd: null,
    });
  });

  it('refuses done while an earlier stage is not done', () => {
    const started = [...STORY.slice(0, 2), stone('costSplit', 'active')];
    const outcome = changeMilestone(started, 'costSplit', change('done'), TODAY);
    expect(outcome).toEqual({
      ok: false,
      reason: '“方案表决”还没有完成，“费用分摊”不能标为已完成',
    });
  });

  it('marks done with today as the actual end and keeps the recorded start', () => {
    const outcome = changeMilestone(STORY, 'planVote', change('done'), TODAY);
    expect(outcome.ok && outcome.milestone).toMatchObject({
      status: 'done',
      actualStart: '2026-10-01',
      actualEnd: TODAY,
    });
  });

  it('refuses actual dates after today and ends before starts', () => {
    expect(
      changeMilestone(STORY, 'planVote', change('done', { actualEnd: '2026-12-08' }), TODAY),
    ).toEqual({ ok: false, reason: '实际日期不能晚于今天' });
    expect(
      changeMilestone(STORY, 'planVote', change('done', { actualEnd: '2026-09-30' }), TODAY),
    ).toEqual({ ok: false, reason: '方案表决的实际完成日期不能早于实际开始日期' });
    expect(
      changeMilestone(
        STORY,
        'costSplit',
        change('pending', { plannedStart: '2027-01-10', plannedEnd: '2027-01-01' }),
        TODAY,
      ),
    ).toEqual({ ok: false, reason: '费用分摊的计划结束日期不能早于计划开始日期' });
  });

  it('goes back only while the next stage has not started', () => {
    expect(changeMilestone(STORY, 'inspection', change('active'), TODAY)).toEqual({
      ok: false,
      reason: '“方案表决”已经开始，“检测”不能改回进行中',
    });
    const reopened = changeMilestone(STORY, 'planVote', change('pending'), TODAY);
    expect(reopened.ok && reopened.milestone).toMatchObject({
      status: 'pending',
      actualStart: null,
    });
  });

  it('refuses actual dates on a pending stage and an actual end on an active one', () => {
    expect(
      changeMilestone(STORY, 'costSplit', change('pending', { actualStart: '2026-12-01' }), TODAY),
    ).toEqual({ ok: false, reason: '未开始的阶段不能填写实际日期' });
    expect(
      changeMilestone(STORY, 'planVote', change('active', { actualEnd: '2026-12-01' }), TODAY),
    ).toEqual({ ok: false, reason: '方案表决还在进行中，不能填写实际完成日期' });
  });
});

describe('figures of the 进度 tab', () => {
  it('current stage is the first active one, else the first not done, else none', () => {
    expect(currentStage(STORY)).toBe('planVote');
    expect(currentStage([stone('inspection', 'done')])).toBe('planVote');
    expect(currentStage([])).toBe('inspection');
    expect(currentStage(STAGES.map((s) => stone(s, 'done')))).toBeNull();
  });

  it('percent counts done stages fully and active ones half, rounded down', () => {
    expect(percentDone([])).toBe(0);
    // (2 + 1) halves of 16 = 18.75 %
    expect(percentDone(STORY)).toBe(18);
    expect(percentDone(STAGES.map((s) => stone(s, 'done')))).toBe(100);
    expect(percentDone(STAGES.map((s) => stone(s, s === 'inService' ? 'active' : 'done')))).toBe(
      93,
    );
  });

  it('next key date is the nearest planned date or first stop day from today on', () => {
    expect(nextKeyDate(STORY, [], TODAY)).toEqual({ date: '2026-12-20', what: '方案表决计划完成' });
    const outages = [{ elevator: '1号梯', from: '2026-12-15', to: '2027-02-10' }];
    expect(nextKeyDate(STORY, outages, TODAY)).toEqual({
      date: '2026-12-15',
      what: '1号梯开始停用',
    });
    // A day later than everything: nothing ahead.
    expect(nextKeyDate(STORY, [], '2026-12-26')).toBeNull();
    // Under way: the last stop day is what matters.
    expect(nextKeyDate([], outages, '2026-12-20')).toEqual({
      date: '2027-02-10',
      what: '1号梯停用到这一天',
    });
    // Today itself still counts as ahead.
    expect(nextKeyDate(STORY, [], '2026-12-20')?.date).toBe('2026-12-20');
  });

  it('an active stage past its planned end is late; a done one never is', () => {
    expect(isLate(STORY[1]!, '2026-12-20')).toBe(false);
    expect(isLate(STORY[1]!, '2026-12-21')).toBe(true);
    expect(isLate(stone('inspection', 'done', { plannedEnd: '2026-01-01' }), TODAY)).toBe(false);
  });
});

describe('progressCard (for the home page)', () => {
  it('puts a coming or current elevator stop before the next key date', () => {
    const outages = [{ elevator: '1号梯', from: '2027-01-26', to: '2027-02-24' }];
    expect(progressCard(STORY, outages, TODAY)).toEqual({
      headline: '方案表决 · 已完成 18%',
      detail: '1号梯 1月26日–2月24日停用',
    });
    expect(progressCard(STORY, outages, '2027-02-01').detail).toBe('1号梯停用中，至2月24日');
    expect(progressCard(STORY, [], TODAY).detail).toBe('12月20日 方案表决计划完成');
    expect(
      progressCard(
        STAGES.map((s) => stone(s, 'done')),
        [],
        TODAY,
      ).headline,
    ).toBe('两部电梯已投入使用');
  });
});
