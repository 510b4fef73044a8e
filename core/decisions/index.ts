/** Decisions: lifecycle, casting, counters, roll, results and receipts, as pure functions. */
export * from './model';
export {
  PROPOSAL_CHOICES,
  choicesOf,
  isChoiceOf,
  isPlanKey,
  questionProblems,
  supportingChoices,
} from './choices';
export {
  addCounters,
  deltaOf,
  emptyCounters,
  isZero,
  recount,
  sameCounters,
  shardOf,
  sumCounters,
  tallyShardId,
} from './counters';
export {
  DEFAULT_SHARDS,
  type ElectorateOutcome,
  type RollEntry,
  type RollInputUnit,
  type VotingPerson,
  anchorOf,
  areaOf,
  ballotId,
  buildElectorate,
  groupOf,
  personFor,
  personKeyOf,
  rollEntries,
  rollEntryId,
  rollFromUnits,
  rollHolds,
} from './roll';
export {
  DEFAULT_NOTICE_DAYS,
  DEFAULT_OBJECTION_DAYS,
  EMERGENCY_NOTICE_DAYS_RANGE,
  NOTICE_DAYS_RANGE,
  OBJECTION_DAYS_RANGE,
  type DraftFields,
  type LifecycleRefusal,
  type LifecycleRefusalCode,
  type Now,
  type Transition,
  type VotingWindow,
  closeVoting,
  draftFieldsOf,
  draftProblems,
  earliestOpening,
  editDraft,
  extendDeadline,
  isoAt,
  newDecision,
  openVoting,
  parseInstant,
  postNotice,
  publishFinal,
  publishPreliminary,
  RESULT_POSTING_DAYS,
  resultDeadline,
  statusLabel,
  votingWindow,
  withdrawNotice,
} from './lifecycle';
export {
  type CastOutcome,
  type CastRefusal,
  type CastRefusalCode,
  type CastRequest,
  castBallot,
} from './casting';
export { type EvidenceProblem, evidenceName, evidenceProblem, needsWitness } from './evidence';
export { RECEIPT_VERSION, receiptMaterial, shortReceipt } from './receipt';
export { type DecisionResult, type OptionResult, resultOf } from './results';
export {
  type ParticipationLine,
  type PublishedLine,
  type ReceiptLine,
  compareUnitNo,
  participationLines,
  privacyOf,
  privacyStatement,
  publishedLines,
  receiptLines,
  tallyInputOf,
} from './published';
export { frozenVoice, proxyCovers } from './voice';
