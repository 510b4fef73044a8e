/** Test data builders for the decisions pages: plausible answers, overridable field by field. */
import type {
  CastReceiptView,
  DecisionDetailView,
  DecisionSummaryView,
  MyUnitBallotView,
  PublishedLineView,
  ResultsView,
} from '../../../typings/api';

export function aSummaryRow(overrides: Partial<DecisionSummaryView> = {}): DecisionSummaryView {
  return {
    id: 'd1',
    title: '电梯更换与自筹资金',
    summary: '两部电梯检测结论为需整体更换。',
    matter: 'rebuild',
    matterLabel: '改建、重建建筑物及其附属设施',
    rule: 'three-quarters',
    status: 'open',
    statusLabel: '投票中',
    opensAt: '2026-12-17T09:00:00+08:00',
    closesAt: '2026-12-31T18:00:00+08:00',
    noticePostedAt: '2026-12-01T09:00:00+08:00',
    objectionEndsAt: null,
    passed: null,
    votingOpen: true,
    ...overrides,
  };
}

export function aMyUnit(overrides: Partial<MyUnitBallotView> = {}): MyUnitBallotView {
  return {
    unitId: 'u12-03',
    unitNo: '12-03',
    canVote: true,
    as: 'owner',
    coveredUnitNos: ['12-03'],
    ballot: null,
    onBehalfOf: null,
    ...overrides,
  };
}

export function aDetail(overrides: Partial<DecisionDetailView> = {}): DecisionDetailView {
  return {
    ...aSummaryRow(),
    question: { kind: 'proposal', text: '是否同意按公示方案自筹资金更换两部电梯？' },
    choices: [
      { key: 'yes', label: '同意' },
      { key: 'no', label: '反对' },
      { key: 'abstain', label: '弃权' },
    ],
    documents: [
      { kind: 'inspection', title: '第三方检测报告', fileId: 'cloud://env/inspection.pdf' },
    ],
    noticeDays: 15,
    objectionDays: 7,
    emergency: null,
    resultDue: null,
    openedAt: '2026-12-17T09:00:00+08:00',
    closedAt: null,
    preliminaryAt: null,
    finalAt: null,
    earliestOpening: '2026-12-16T09:00:00+08:00',
    privacy: 'open',
    privacyStatement:
      '本次表决公开每户的表决意见：结果公示时列出每户的房号、面积和表决意见，不列姓名。',
    electorate: { owners: 134, units: 138, areaHundredths: 1191234, area: '11912.34' },
    myUnits: [aMyUnit()],
    canOrganize: false,
    canEnterPaper: false,
    ...overrides,
  };
}

export function aReceipt(overrides: Partial<CastReceiptView> = {}): CastReceiptView {
  return {
    decisionId: 'd1',
    unitNos: ['12-03'],
    choice: 'yes',
    choiceLabel: '同意',
    voice: 'owner',
    channel: 'online',
    channelLabel: '网上',
    castAt: '2026-12-18T10:00:00+08:00',
    receipt: '3f2a9c01bb4e77d0aa11223344556677889900aabbccddeeff00112233445566',
    receiptShort: '3f2a-9c01-bb4e-77d0',
    casts: 1,
    changed: true,
    ...overrides,
  };
}

export function aResults(overrides: Partial<ResultsView> = {}): ResultsView {
  return {
    decisionId: 'd1',
    title: '电梯更换与自筹资金',
    status: 'open',
    matter: 'rebuild',
    rule: 'three-quarters',
    asOf: '2026-12-20T10:00:00+08:00',
    electorate: { owners: 138, units: 138, areaHundredths: 1380000, area: '13800.00' },
    voted: { owners: 85, areaHundredths: 878750, area: '8787.50' },
    choices: [
      { key: 'yes', label: '同意', owners: 70, areaHundredths: 700000, area: '7000.00' },
      { key: 'no', label: '反对', owners: 10, areaHundredths: 128750, area: '1287.50' },
      { key: 'abstain', label: '弃权', owners: 5, areaHundredths: 50000, area: '500.00' },
    ],
    turnout: { met: false, ownersShort: 7, areaShortHundredths: 41250, areaShort: '412.50' },
    options: [
      {
        key: 'yes',
        label: '同意',
        owners: 70,
        areaHundredths: 700000,
        area: '7000.00',
        approval: { met: false, ownersShort: 0, areaShortHundredths: 0, areaShort: '0.00' },
        passed: false,
      },
    ],
    leading: 'yes',
    passed: false,
    winner: null,
    headline: '还需 7 位业主、412.50 m² 参与表决（双过三分之二）',
    ...overrides,
  };
}

export function aLine(overrides: Partial<PublishedLineView> = {}): PublishedLineView {
  return {
    unitNo: '2-01',
    areaHundredths: 13852,
    area: '138.52',
    choice: 'yes',
    choiceLabel: '同意',
    channel: 'online',
    channelLabel: '网上',
    enteredBy: null,
    witnessedBy: null,
    receipt: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
    receiptShort: 'ab12-cd34-ef56-ab12',
    ...overrides,
  };
}
