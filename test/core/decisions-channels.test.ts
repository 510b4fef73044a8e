/**
 * Channels, their evidence and ballot privacy as pure rules: what each channel staff enter needs,
 * the second staff member of a video or visit, the lists a `receipts` decision posts, and the
 * privacy choice that only a draft may change.
 */
import {
  type Ballot,
  castBallot,
  editDraft,
  evidenceProblem,
  newDecision,
  participationLines,
  personFor,
  personKeyOf,
  postNotice,
  privacyOf,
  privacyStatement,
  receiptLines,
} from '../../core/decisions';
import { T0, draftFields, openDecision, units } from './decisions-fixtures';

describe('channels and their evidence', () => {
  const roll = units(3, 10000);
  const decision = openDecision(roll);
  const unit = roll[0];
  if (!unit || !decision.electorate) throw new Error('fixture');
  const person = personFor(decision.electorate, unit, personKeyOf(unit));
  const cast = (request: Partial<Parameters<typeof castBallot>[0]['request']>) =>
    castBallot({
      decision,
      person,
      previous: null,
      request: {
        choice: 'yes',
        voice: 'owner',
        channel: 'online',
        castBy: 'staff-a',
        photoFileId: null,
        salt: 's',
        receipt: 'r',
        ...request,
      },
      now: T0,
    });

  it('asks each staff channel for its own evidence, and video and visits for a second person', () => {
    expect(
      evidenceProblem({ channel: 'online', fileId: null, castBy: 'a', witnessedBy: null }),
    ).toBeNull();
    const need = (channel: 'paper' | 'meeting' | 'video' | 'visit') =>
      evidenceProblem({ channel, fileId: null, castBy: 'a', witnessedBy: null })?.message;
    expect(need('paper')).toBe('纸质表决票须上传业主签字表决票的照片');
    expect(need('meeting')).toBe('现场表决须上传业主大会签到表的照片');
    expect(need('video')).toBe('视频表决须上传视频通话记录（录像或截图）');
    expect(need('visit')).toBe('上门表决须上传两位工作人员签字的上门记录');
    for (const channel of ['video', 'visit'] as const) {
      expect(evidenceProblem({ channel, fileId: 'f', castBy: 'a', witnessedBy: null })?.code).toBe(
        'WITNESS_REQUIRED',
      );
      expect(evidenceProblem({ channel, fileId: 'f', castBy: 'a', witnessedBy: 'a' })?.code).toBe(
        'WITNESS_REQUIRED',
      );
      expect(evidenceProblem({ channel, fileId: 'f', castBy: 'a', witnessedBy: 'b' })).toBeNull();
    }
    expect(
      evidenceProblem({ channel: 'meeting', fileId: 'f', castBy: 'a', witnessedBy: null }),
    ).toBeNull();
  });

  it('keeps the evidence and the witness on the ballot, and nothing of them online', () => {
    const visit = cast({
      channel: 'visit',
      photoFileId: 'cloud://e/v.jpg',
      witnessedBy: 'staff-b',
    });
    expect(visit.ok && visit.ballot).toMatchObject({
      channel: 'visit',
      photoFileId: 'cloud://e/v.jpg',
      witnessedBy: 'staff-b',
    });
    const meeting = cast({ channel: 'meeting', photoFileId: 'cloud://e/s.jpg', witnessedBy: 'x' });
    expect(meeting.ok && 'witnessedBy' in meeting.ballot).toBe(false);
    const online = cast({ photoFileId: 'cloud://e/stray.jpg' });
    expect(online.ok && online.ballot.photoFileId).toBeNull();
    const refused = cast({
      channel: 'video',
      photoFileId: 'cloud://e/c.mp4',
      witnessedBy: 'staff-a',
    });
    expect(refused.ok ? null : refused.refusal.code).toBe('WITNESS_REQUIRED');
  });
});

describe('ballot privacy', () => {
  const ballot = (unitNo: string, receipt: string, choice: string): Ballot =>
    ({
      units: [{ unitId: `u${unitNo}`, unitNo, area: 10000 }],
      receipt,
      choice,
      channel: 'online',
    }) as Ballot;
  const ballots = [
    ballot('2-01', 'ff', 'no'),
    ballot('10-01', '00', 'yes'),
    ballot('3-01', '88', 'yes'),
  ];

  it('posts who took part in room order without choices, and receipts in receipt order', () => {
    expect(participationLines(ballots)).toEqual([
      { unitNo: '2-01', area: 10000, channel: 'online' },
      { unitNo: '3-01', area: 10000, channel: 'online' },
      { unitNo: '10-01', area: 10000, channel: 'online' },
    ]);
    expect(receiptLines(ballots)).toEqual([
      { receipt: '00', choice: 'yes' },
      { receipt: '88', choice: 'yes' },
      { receipt: 'ff', choice: 'no' },
    ]);
  });

  it('is open unless chosen, stated plainly, and fixed once the notice is posted', () => {
    expect(privacyOf({})).toBe('open');
    expect(privacyStatement('open')).toContain('列出每户的房号、面积和表决意见');
    expect(privacyStatement('receipts')).toContain('只列出参加表决的房号和面积');
    const made = newDecision({
      id: 'd9',
      buildingId: 'b',
      createdBy: 'o',
      now: T0,
      fields: draftFields({ privacy: 'receipts', opensAt: '2026-12-20T09:00:00+08:00' }),
    });
    if (!made.ok) throw new Error(made.refusal.message);
    expect(made.decision.privacy).toBe('receipts');
    const changed = editDraft(made.decision, { privacy: 'open' }, T0);
    if (!changed.ok) throw new Error(changed.refusal.message);
    expect(changed.decision.privacy).toBe('open');
    const posted = postNotice(changed.decision, T0);
    if (!posted.ok) throw new Error(posted.refusal.message);
    const late = editDraft(posted.decision, { privacy: 'receipts' }, T0);
    expect(late.ok ? null : late.refusal.code).toBe('WRONG_STATUS');
  });
});
