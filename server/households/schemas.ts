import * as z from 'zod';
import type { ActionRequest, HouseholdsApi } from '../../typings/api';
import { LAST_MILE_FILTERS } from '../../core/registry/lastMile';
import { ASSIGNED_ROLES, CONTACT_CHANNELS } from '../../core/registry/model';

/**
 * Request schemas of the households actions: every field checked for shape and size before any
 * use case runs; unknown fields are refused.
 */
function schemaFor<A extends keyof HouseholdsApi>(
  _action: A,
  schema: z.ZodType<ActionRequest<'households', A>>,
): z.ZodType<ActionRequest<'households', A>> {
  return schema;
}

const id = z.string().trim().min(1).max(64);
const name = z.string().trim().min(1, '请填写姓名').max(40);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2027-06-30');
const token = z.string().trim().min(1).max(200);
const scope = z.object({ vote: z.boolean(), pay: z.boolean(), decisionId: id.nullable() }).strict();
const unitIds = z.array(id).min(1).max(20);

export const schemas = {
  requestBinding: schemaFor(
    'requestBinding',
    z
      .object({ code: z.string().trim().min(1).max(20), as: z.enum(['owner', 'resident']), name })
      .strict(),
  ),
  requestBindingByPhone: schemaFor(
    'requestBindingByPhone',
    z.object({ phoneCode: z.string().trim().min(1).max(200) }).strict(),
  ),
  previewProxyInvite: schemaFor('previewProxyInvite', z.object({ token }).strict()),
  acceptProxy: schemaFor('acceptProxy', z.object({ token, name: name.optional() }).strict()),
  unbind: schemaFor('unbind', z.object({ unitId: id, openid: id.max(128).optional() }).strict()),
  inviteProxy: schemaFor(
    'inviteProxy',
    z.object({ unitIds, proxyName: name, scope, validUntil: day }).strict(),
  ),
  revokeProxy: schemaFor('revokeProxy', z.object({ proxyId: id }).strict()),
  addCoOwner: schemaFor(
    'addCoOwner',
    z.object({ unitId: id, name, phone: z.string().trim().max(30).optional() }).strict(),
  ),
  setVoter: schemaFor('setVoter', z.object({ unitId: id, personId: id }).strict()),
  decideBinding: schemaFor(
    'decideBinding',
    z
      .object({
        bindingId: z.string().trim().min(1).max(300),
        approve: z.boolean(),
        reason: z.string().trim().max(200).optional(),
      })
      .strict(),
  ),
  issueInviteCodes: schemaFor(
    'issueInviteCodes',
    z.object({ unitIds: z.array(id).min(1).max(1000).optional() }).strict(),
  ),
  transferOwnership: schemaFor(
    'transferOwnership',
    z
      .object({
        unitId: id,
        newOwners: z
          .array(z.object({ name, phone: z.string().trim().max(30).optional() }).strict())
          .min(1)
          .max(10),
        effectiveDate: day,
      })
      .strict(),
  ),
  registerPaperProxy: schemaFor(
    'registerPaperProxy',
    z
      .object({
        unitIds,
        ownerPersonId: id.optional(),
        proxyName: name,
        scope,
        validUntil: day,
        evidenceFileId: z
          .string()
          .trim()
          .max(1000)
          .regex(/^cloud:\/\/\S+$/, '请先上传书面委托的照片'),
      })
      .strict(),
  ),
  importRoster: schemaFor(
    'importRoster',
    z
      .object({
        fileId: z.string().trim().min(1).max(1000),
        fileName: z.string().trim().min(1).max(200).optional(),
        dryRun: z.boolean(),
      })
      .strict(),
  ),
  lastMile: schemaFor(
    'lastMile',
    z
      .object({
        filter: z.enum(LAST_MILE_FILTERS),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ),
  logContact: schemaFor(
    'logContact',
    z
      .object({
        unitId: id,
        channel: z.enum(CONTACT_CHANNELS),
        reached: z.boolean(),
        note: z.string().trim().max(500).optional(),
        overseas: z.boolean().optional(),
        needsHomeVisit: z.boolean().optional(),
      })
      .strict(),
  ),
  contactDetails: schemaFor('contactDetails', z.object({ unitId: id }).strict()),
  setRoles: schemaFor(
    'setRoles',
    z
      .object({
        openid: z.string().trim().min(1).max(128),
        roles: z.array(z.enum(ASSIGNED_ROLES)).max(4),
        name: name.optional(),
      })
      .strict(),
  ),
  auditLog: schemaFor(
    'auditLog',
    z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
  ),
};
