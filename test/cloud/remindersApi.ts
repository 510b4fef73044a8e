import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiErr,
  ApiResult,
} from '../../typings/api';
import type { OutboxEntry } from '../../localcloud/outbox';
import type { SchedulerRun } from '../../server/scheduler/run';
import type { TestCloud } from '../helpers/localCloud';

type Action = ActionName<'reminders'>;

/** Typed calls of the reminders function, and the scheduler as its timer would run it. */
export function remindersClient(t: TestCloud) {
  const call = async <A extends Action>(
    action: A,
    request: ActionRequest<'reminders', A>,
    openid: string,
  ): Promise<ApiResult<ActionResponse<'reminders', A>>> => {
    const r = await t.call('reminders', Object.assign({ action }, request), openid);
    if (r.status !== 200) throw new Error(`reminders.${action}: HTTP ${r.status}`);
    return (r.body as { result: ApiResult<ActionResponse<'reminders', A>> }).result;
  };
  return {
    call,
    async ok<A extends Action>(
      action: A,
      request: ActionRequest<'reminders', A>,
      openid: string,
    ): Promise<ActionResponse<'reminders', A>> {
      const result = await call(action, request, openid);
      if (!result.ok) throw new Error(`reminders.${action}: ${result.code} ${result.message}`);
      return result.data;
    },
    async err<A extends Action>(
      action: A,
      request: ActionRequest<'reminders', A>,
      openid: string,
    ): Promise<ApiErr> {
      const result = await call(action, request, openid);
      if (result.ok) throw new Error(`reminders.${action} succeeded`);
      return result;
    },
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
