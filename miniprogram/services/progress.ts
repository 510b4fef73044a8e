import type {
  HelpRequestView,
  MilestoneRequest,
  MilestoneView,
  OutageDetailView,
  OutageView,
  ProgressOverview,
  ProgressUpdateView,
  StageName,
} from '../../typings/api';
import type { ActionRequest } from '../../typings/api';
import { callApi } from './cloud';

/** The updates function, typed: the works' timeline, updates with photos, outages and help. */

export function getOverview(): Promise<ProgressOverview> {
  return callApi('updates', 'overview', {});
}

export function getUpdate(updateId: string): Promise<ProgressUpdateView> {
  return callApi('updates', 'update', { updateId });
}

export function listUpdates(
  stage?: StageName,
  offset = 0,
): Promise<{ updates: ProgressUpdateView[]; more: boolean; today: string }> {
  return callApi('updates', 'updates', stage ? { stage, offset } : { offset });
}

export function postUpdate(request: ActionRequest<'updates', 'post'>): Promise<ProgressUpdateView> {
  return callApi('updates', 'post', request);
}

export function setMilestone(request: MilestoneRequest): Promise<MilestoneView> {
  return callApi('updates', 'setMilestone', request);
}

export function publishOutage(
  request: ActionRequest<'updates', 'publishOutage'>,
): Promise<OutageView> {
  return callApi('updates', 'publishOutage', request);
}

export function getOutage(outageId: string): Promise<OutageDetailView> {
  return callApi('updates', 'outage', { outageId });
}

export function requestHelp(
  request: ActionRequest<'updates', 'requestHelp'>,
): Promise<HelpRequestView> {
  return callApi('updates', 'requestHelp', request);
}

export type HelpStep = 'cancelHelp' | 'volunteer' | 'unvolunteer';

export function helpStep(step: HelpStep, requestId: string): Promise<HelpRequestView> {
  return callApi('updates', step, { requestId });
}
