import { callerOpenid } from '../../../server/cloud';
import { registryDb } from '../../../server/repository/docs';
import { runScheduler } from '../../../server/scheduler/run';

/**
 * scheduler: the timer trigger in config.json runs every clock (server/scheduler/clocks.ts) every
 * ten minutes. Only the platform calls it: a timer has no caller, while a mini program's call
 * carries the person's openid and is refused, and an event that is not a timer's runs nothing.
 * `tongti tick` runs the same code from a terminal.
 */
interface TimerEvent {
  Type?: unknown;
  TriggerName?: unknown;
}

/** The trigger's name, or null for an event that is no timer's (nothing then runs). */
function timerOf(event: unknown): string | null {
  const e = (event && typeof event === 'object' ? event : {}) as TimerEvent;
  if (e.Type !== 'Timer') return null;
  return `timer:${typeof e.TriggerName === 'string' ? e.TriggerName : ''}`;
}

export async function main(event: unknown): Promise<unknown> {
  if (callerOpenid()) {
    return { ok: false, code: 'FORBIDDEN', message: '定时任务只能由云平台触发' };
  }
  const trigger = timerOf(event);
  if (trigger === null) {
    return { ok: false, code: 'INVALID_INPUT', message: '定时任务只接受定时触发器的调用' };
  }
  try {
    const run = await runScheduler({ db: registryDb(), now: new Date(), trigger });
    return { ok: true, data: run };
  } catch (error) {
    console.error(error);
    return { ok: false, code: 'INTERNAL', message: '定时任务运行失败' };
  }
}
