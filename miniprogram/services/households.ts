import type {
  BindingRequestResult,
  BindingView,
  BuildingSummary,
  InviteCodeSheet,
  InviteProxyRequest,
  LastMileFilterName,
  LastMileRowView,
  LastMileView,
  LinkKindName,
  LogContactRequest,
  MeView,
  ProxyInvitation,
  ProxyPreview,
  ProxyView,
  RosterImportResult,
  RosterImportView,
} from '../../typings/api';
import { rememberHelpLine } from '../utils/helpLine';
import { callApi, tempUrlOf } from './cloud';

/** The building, its latest notice and one headline per area of the product, for the home page. */
export async function getBuildingSummary(): Promise<BuildingSummary> {
  const summary = await callApi('households', 'summary', {});
  rememberHelpLine(summary.helpLine);
  return summary;
}

/** The caller's units, co-owners, proxies and binding requests. */
export async function getMyHousehold(): Promise<MeView> {
  const me = await callApi('households', 'me', {});
  rememberHelpLine(me.helpLine);
  return me;
}

export function requestBindingByCode(
  code: string,
  as: LinkKindName,
  name: string,
): Promise<BindingRequestResult> {
  return callApi('households', 'requestBinding', { code, as, name });
}

/** `phoneCode` comes from `<button open-type="getPhoneNumber">`. */
export function requestBindingByPhone(phoneCode: string): Promise<BindingRequestResult> {
  return callApi('households', 'requestBindingByPhone', { phoneCode });
}

export function inviteProxy(request: InviteProxyRequest): Promise<ProxyInvitation> {
  return callApi('households', 'inviteProxy', request);
}

export function previewProxyInvite(token: string): Promise<ProxyPreview> {
  return callApi('households', 'previewProxyInvite', { token });
}

export async function acceptProxy(token: string): Promise<ProxyView> {
  return (await callApi('households', 'acceptProxy', { token })).proxy;
}

export async function revokeProxy(proxyId: string): Promise<ProxyView> {
  return (await callApi('households', 'revokeProxy', { proxyId })).proxy;
}

export async function listBindingRequests(): Promise<BindingView[]> {
  return (await callApi('households', 'listBindingRequests', {})).requests;
}

export async function decideBinding(
  bindingId: string,
  approve: boolean,
  reason?: string,
): Promise<BindingView> {
  const request = reason ? { bindingId, approve, reason } : { bindingId, approve };
  return (await callApi('households', 'decideBinding', request)).binding;
}

/** The last-mile rows of a filter; with `page`, only that slice of them. */
export function getLastMile(
  filter: LastMileFilterName,
  page?: { offset: number; limit: number },
): Promise<LastMileView> {
  return callApi('households', 'lastMile', page ? { filter, ...page } : { filter });
}

export async function logContact(request: LogContactRequest): Promise<LastMileRowView> {
  return (await callApi('households', 'logContact', request)).row;
}

export async function getImportHistory(): Promise<RosterImportView[]> {
  return (await callApi('households', 'importHistory', {})).imports;
}

export function importRoster(
  fileId: string,
  fileName: string,
  dryRun: boolean,
): Promise<RosterImportResult> {
  return callApi('households', 'importRoster', { fileId, fileName, dryRun });
}

/**
 * New lobby invite codes for every unit (or the ones named); the units' earlier codes stop
 * working. The codes are in this answer only: the server keeps their hashes.
 */
export function issueInviteCodes(unitIds?: string[]): Promise<InviteCodeSheet> {
  return callApi('households', 'issueInviteCodes', unitIds ? { unitIds } : {});
}

/** A URL an `<image>` can show for the lobby list's mini program code. */
export function inviteQrUrl(qrFileId: string): Promise<string> {
  return tempUrlOf(qrFileId);
}

export { uploadToCloud } from './storage';
