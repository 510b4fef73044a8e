/**
 * What is posted for everyone to check (DOMAIN.md: results list each participating unit and its
 * area, room numbers, not names): one line per unit with its area, the choice of the ballot that
 * covers it, and that ballot's receipt. A person with several units has one line per unit, all
 * with the same receipt. The same ballots give the input of `tongti tally` for a recount.
 */
import type { BallotRecord, Choice, Matter, TallyInput, UnitRecord } from '../tally';
import type { Ballot, BallotPrivacy, Decision } from './model';
import type { RollInputUnit } from './roll';

export interface PublishedLine {
  unitNo: string;
  /** Hundredths of m². */
  area: number;
  choice: string;
  receipt: string;
  channel: Ballot['channel'];
}

export function publishedLines(
  ballots: readonly Pick<Ballot, 'units' | 'choice' | 'receipt' | 'channel'>[],
): PublishedLine[] {
  const lines = ballots.flatMap((b) =>
    b.units.map((u) => ({
      unitNo: u.unitNo,
      area: u.area,
      choice: b.choice,
      receipt: b.receipt,
      channel: b.channel,
    })),
  );
  return lines.sort((a, b) => compareUnitNo(a.unitNo, b.unitNo));
}

/** A flat that took part, on a `receipts` decision's list: no choice, no receipt. */
export interface ParticipationLine {
  unitNo: string;
  /** Hundredths of m². */
  area: number;
  channel: Ballot['channel'];
}

/** One ballot's receipt and choice, on a `receipts` decision's separate list. */
export interface ReceiptLine {
  receipt: string;
  choice: string;
}

/** The flats that took part, in room order: the turnout anyone can check, without choices. */
export function participationLines(
  ballots: readonly Pick<Ballot, 'units' | 'channel'>[],
): ParticipationLine[] {
  return ballots
    .flatMap((b) => b.units.map((u) => ({ unitNo: u.unitNo, area: u.area, channel: b.channel })))
    .sort((a, b) => compareUnitNo(a.unitNo, b.unitNo));
}

/**
 * Every ballot's receipt with its choice, one line per ballot (a person with several flats has one
 * receipt), in receipt order: an order that says nothing about which flat cast it, so the list
 * cannot be laid beside the flats. Counting its choices recounts the owners' side of the result.
 */
export function receiptLines(
  ballots: readonly Pick<Ballot, 'receipt' | 'choice'>[],
): ReceiptLine[] {
  return ballots
    .map((b) => ({ receipt: b.receipt, choice: b.choice }))
    .sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
}

/** A decision drafted before the choice existed published each flat's choice. */
export function privacyOf(decision: Pick<Decision, 'privacy'>): BallotPrivacy {
  return decision.privacy ?? 'open';
}

/** The plain sentence on the notice and the decision's page saying what will be posted. */
export function privacyStatement(privacy: BallotPrivacy): string {
  return privacy === 'open'
    ? '本次表决公开每户的表决意见：结果公示时列出每户的房号、面积和表决意见，不列姓名。'
    : '本次表决不公开每户的表决意见：结果公示时只列出参加表决的房号和面积；表决意见另以回执编号列出，您可以凭自己的回执编号核对，任何人都可以按回执清单复核票数。';
}

/** Room numbers in reading order: floor, then position ("2-01" before "10-01"). */
export function compareUnitNo(a: string, b: string): number {
  const pa = a.split('-').map(Number);
  const pb = b.split('-').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a < b ? -1 : a > b ? 1 : 0;
    if (x !== y) return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The roll and ballots of a yes/no decision as `tongti tally` reads them, so anyone can recount
 * from an export. Every unit a ballot covers carries that ballot's choice.
 */
export function tallyInputOf(
  matter: Matter,
  units: readonly RollInputUnit[],
  ballots: readonly Pick<Ballot, 'units' | 'choice'>[],
): TallyInput {
  const unitRecords: UnitRecord[] = units.map((u) => ({
    unit: u.unitId,
    area: u.area,
    owner: u.voterId ?? undefined,
    unsold: u.unsold,
  }));
  const ballotRecords: BallotRecord[] = ballots.flatMap((b) =>
    b.units.map((u) => ({ unit: u.unitId, choice: asTallyChoice(b.choice) })),
  );
  return { matter, units: unitRecords, ballots: ballotRecords };
}

function asTallyChoice(choice: string): Choice {
  if (choice === 'yes' || choice === 'no' || choice === 'abstain') return choice;
  throw new RangeError(`only yes/no/abstain ballots can be exported for tally, got ${choice}`);
}
