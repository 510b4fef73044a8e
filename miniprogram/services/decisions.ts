import type {
  ActionRequest,
  CastReceiptView,
  DecisionDetailView,
  DecisionSummaryView,
  ObjectionView,
  OpenVotesView,
  PublishedListView,
  RecountView,
  ResultsView,
  UnitBallotStatusView,
  WitnessView,
} from '../../typings/api';
import { ApiError, callApi } from './cloud';

/** The decisions function, typed: the list, a decision, voting, results and the organizer's steps. */

export async function listDecisions(): Promise<DecisionSummaryView[]> {
  return (await callApi('decisions', 'list', {})).decisions;
}

/** Votes taking ballots now, soonest deadline first, with whether mine are in. */
export function getOpenVotes(): Promise<OpenVotesView> {
  return callApi('decisions', 'openVotes', {});
}

export function getDecision(decisionId: string): Promise<DecisionDetailView> {
  return callApi('decisions', 'detail', { decisionId });
}

export function getResults(decisionId: string): Promise<ResultsView> {
  return callApi('decisions', 'results', { decisionId });
}

export function getPublished(decisionId: string, offset = 0): Promise<PublishedListView> {
  return callApi('decisions', 'published', { decisionId, offset });
}

/** A unit's ballot status, found by its room number as written on a paper form ("12-03"). */
export function getUnitStatus(decisionId: string, unitNo: string): Promise<UnitBallotStatusView> {
  return callApi('decisions', 'unitStatus', { decisionId, unitNo });
}

/** A unit's ballot status by its id (a link from the building map names the unit). */
export function getUnitStatusById(
  decisionId: string,
  unitId: string,
): Promise<UnitBallotStatusView> {
  return callApi('decisions', 'unitStatus', { decisionId, unitId });
}

/** Staff and organizers other than me, who may witness a video ballot or co-sign a visit. */
export async function listWitnesses(): Promise<WitnessView[]> {
  return (await callApi('decisions', 'witnesses', {})).witnesses;
}

export function recount(decisionId: string): Promise<RecountView> {
  return callApi('decisions', 'recount', { decisionId });
}

/**
 * Many neighbours vote in the same minutes; a cast that met a write conflict the server could not
 * retry away answers CONFLICT and is simply sent again (the ballot's id makes that safe).
 */
const CAST_ATTEMPTS = 4;

async function withRetry<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'CONFLICT' || attempt >= CAST_ATTEMPTS) {
        throw error;
      }
    }
  }
}

export function castBallot(
  decisionId: string,
  unitId: string,
  choice: string,
): Promise<CastReceiptView> {
  return withRetry(() => callApi('decisions', 'cast', { decisionId, unitId, choice }));
}

export function enterPaperBallot(
  request: ActionRequest<'decisions', 'paperBallot'>,
): Promise<CastReceiptView> {
  return withRetry(() => callApi('decisions', 'paperBallot', request));
}

export function createDecision(
  request: ActionRequest<'decisions', 'create'>,
): Promise<DecisionDetailView> {
  return callApi('decisions', 'create', request);
}

export function editDecision(
  request: ActionRequest<'decisions', 'edit'>,
): Promise<DecisionDetailView> {
  return callApi('decisions', 'edit', request);
}

/** The organizer's steps that take only the decision. */
export type OrganizerStep =
  'postNotice' | 'withdrawNotice' | 'open' | 'close' | 'publishPreliminary' | 'publishFinal';

export function organizerStep(
  step: OrganizerStep,
  decisionId: string,
): Promise<DecisionDetailView> {
  return callApi('decisions', step, { decisionId });
}

export function extendDeadline(decisionId: string, closesAt: string): Promise<DecisionDetailView> {
  return callApi('decisions', 'extend', { decisionId, closesAt });
}

export function listObjections(
  decisionId: string,
): Promise<{ objections: ObjectionView[]; unanswered: number; canAnswer: boolean }> {
  return callApi('decisions', 'objections', { decisionId });
}

/** An objection to the preliminary result, for one of my flats (or the owner's, as proxy). */
export function fileObjection(
  decisionId: string,
  unitId: string,
  text: string,
): Promise<ObjectionView> {
  return callApi('decisions', 'object', { decisionId, unitId, text });
}

export function answerObjection(objectionId: string, text: string): Promise<ObjectionView> {
  return callApi('decisions', 'answerObjection', { objectionId, text });
}
