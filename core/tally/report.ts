/** The printable form of a tally: the CLI's JSON line, areas as text with two decimals. */
import { formatArea } from './area';
import type { Matter, Rule } from './matters';
import type { TallyResult } from './tally';

export interface CountsReport {
  total: number;
  voted: number;
  yes: number;
}

export interface AreaReport {
  total: string;
  voted: string;
  yes: string;
}

export interface ThresholdReport {
  met: boolean;
  ownersShort: number;
  areaShort: string;
}

export interface TallyReport {
  matter: Matter;
  rule: Rule;
  owners: CountsReport;
  area: AreaReport;
  turnout: ThresholdReport;
  approval: ThresholdReport;
  passed: boolean;
}

/** Builds the report with its keys in the documented order (JSON.stringify keeps that order). */
export function formatTally(result: TallyResult): TallyReport {
  const { owners, area, turnout, approval } = result;
  return {
    matter: result.matter,
    rule: result.rule,
    owners: { total: owners.total, voted: owners.voted, yes: owners.yes },
    area: {
      total: formatArea(area.total),
      voted: formatArea(area.voted),
      yes: formatArea(area.yes),
    },
    turnout: {
      met: turnout.met,
      ownersShort: turnout.ownersShort,
      areaShort: formatArea(turnout.areaShort),
    },
    approval: {
      met: approval.met,
      ownersShort: approval.ownersShort,
      areaShort: formatArea(approval.areaShort),
    },
    passed: result.passed,
  };
}
