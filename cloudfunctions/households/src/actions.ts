import { noFields } from '../../../server/router';
import type { GuardedSpec } from '../../../server/auth/guard';
import { ensureCollections } from '../../../server/repository/ensureCollections';
import { getBuildingSummary } from '../../../server/households/summary';
import { me } from '../../../server/households/me';
import {
  decideBinding,
  listBindingRequests,
  requestBinding,
  requestBindingByPhone,
  unbind,
} from '../../../server/households/bindings';
import { addCoOwner, setVoter, transferOwnership } from '../../../server/households/owners';
import { issueInviteCodes } from '../../../server/households/invites';
import {
  acceptProxy,
  inviteProxy,
  previewProxyInvite,
  registerPaperProxy,
  revokeProxy,
} from '../../../server/households/proxies';
import { contactDetails, directory } from '../../../server/households/directory';
import { lastMile, logContact } from '../../../server/households/lastMile';
import { auditLog, setRoles } from '../../../server/households/roles';
import { importHistory, importRosterUpload } from '../../../server/households/roster';
import { schemas } from '../../../server/households/schemas';

/**
 * households: the building, its units, members, roles and proxies. Every action passes the policy
 * table (server/auth/policy.ts) before it runs; the caller is whoever WeChat says.
 *
 * The spec is its own module so tools (the fuzz bench) can read each action's request schema
 * without starting the function.
 */
export const actions: GuardedSpec<'households'> = {
  summary: { input: noFields, run: (_req, ctx) => getBuildingSummary(ctx.db, ctx.caller) },
  me: { input: noFields, run: (_req, ctx) => me(ctx) },
  requestBinding: { input: schemas.requestBinding, run: requestBinding },
  requestBindingByPhone: { input: schemas.requestBindingByPhone, run: requestBindingByPhone },
  previewProxyInvite: { input: schemas.previewProxyInvite, run: previewProxyInvite },
  acceptProxy: { input: schemas.acceptProxy, run: acceptProxy },
  directory: { input: noFields, run: (_req, ctx) => directory(ctx) },
  unbind: { input: schemas.unbind, run: unbind },
  inviteProxy: { input: schemas.inviteProxy, run: inviteProxy },
  revokeProxy: { input: schemas.revokeProxy, run: revokeProxy },
  addCoOwner: { input: schemas.addCoOwner, run: addCoOwner },
  setVoter: { input: schemas.setVoter, run: setVoter },
  listBindingRequests: { input: noFields, run: (_req, ctx) => listBindingRequests(ctx) },
  decideBinding: { input: schemas.decideBinding, run: decideBinding },
  issueInviteCodes: { input: schemas.issueInviteCodes, run: issueInviteCodes },
  transferOwnership: { input: schemas.transferOwnership, run: transferOwnership },
  registerPaperProxy: { input: schemas.registerPaperProxy, run: registerPaperProxy },
  importRoster: { input: schemas.importRoster, run: importRosterUpload },
  importHistory: { input: noFields, run: (_req, ctx) => importHistory(ctx) },
  lastMile: { input: schemas.lastMile, run: lastMile },
  logContact: { input: schemas.logContact, run: logContact },
  contactDetails: { input: schemas.contactDetails, run: contactDetails },
  setRoles: { input: schemas.setRoles, run: setRoles },
  auditLog: { input: schemas.auditLog, run: auditLog },
  init: { input: noFields, run: (_req, ctx) => ensureCollections(ctx.db) },
};
