import type { ApiResult } from '../../typings/api';
import type { OutboxEntry } from '../../localcloud/outbox';
import type { SchedulerRun } from '../../server/scheduler/run';
import type { TestCloud } from '../helpers/localCloud';
import { functionClient } from './functionClient';

/** Typed calls of the reminders function, and the scheduler as its timer would run it. */
export function remindersClient(t: TestCloud) {
  return {
    ...functionClient(t, 'reminders'),
    /** One run of the scheduler function with no caller, as a timer trigger runs it. */
    async tick(): Promise<SchedulerRun> {
      const r = await t.call('scheduler', { Type: 'Timer', TriggerName: 'clocks' }, '');
      const result = (r.body as { result: ApiResult<SchedulerRun> }).result;
      if (!result.ok) throw new Error(`scheduler: ${result.code} ${result.message}`);
      return result.data;
    },
    /** Subscription messages the stand-in was asked to send. */
    sent(): OutboxEntry[] {
      return t.cloud.outbox.list('openapi.subscribeMessage.send');
    },
  };
}
