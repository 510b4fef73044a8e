/** The lawful vote tally (民法典 art. 278): pure functions over plain data. */
export { MATTERS, type Matter, type Rule, isMatter, ruleFor } from './matters';
export { MAX_UNIT_AREA_HUNDREDTHS, type AreaParse, formatArea, parseArea } from './area';
export { approvalMet, approvalShort, turnoutMet, turnoutShort } from './shortfall';
export {
  MAX_COUNTER,
  type Counts,
  type TallyCounters,
  type TallyResult,
  type Threshold,
  tallyFromCounters,
} from './tally';
export {
  CHOICES,
  type BallotRecord,
  type Choice,
  type Headcount,
  type TallyInputError,
  type UnitRecord,
  countHeads,
} from './headcount';
export { type TallyInput, type TallyOutcome, tallyBallots } from './ballots';
export {
  type AreaReport,
  type CountsReport,
  type TallyReport,
  type ThresholdReport,
  formatTally,
} from './report';
export {
  type TallyReadOutcome,
  formatInputError,
  formatPath,
  readTallyInput,
  tallyDocument,
  tallyFileSchema,
} from './input';
