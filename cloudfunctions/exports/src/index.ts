import { guardActions } from '../../../server/auth/guard';
import {
  exportContacts,
  exportDecision,
  exportLedgerAndPayments,
} from '../../../server/exports/files';
import { schemas } from '../../../server/exports/schemas';
import { createFunction } from '../../../server/router';

/**
 * exports: spreadsheets for the residents' committee and the property office, written to cloud
 * storage — a decision's roll and ballots (organizers), the money (treasurer and organizers), the
 * contact list with phone numbers (admins). Who may take which is the policy table's.
 */
export const main = createFunction<'exports'>(
  guardActions('exports', {
    decision: { input: schemas.decision, run: exportDecision },
    ledger: { input: schemas.none, run: (_req, ctx) => exportLedgerAndPayments(ctx) },
    contacts: { input: schemas.none, run: (_req, ctx) => exportContacts(ctx) },
  }),
);
