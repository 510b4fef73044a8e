import { createFunction, noFields } from '../../../server/router';
import { guardActions } from '../../../server/auth/guard';
import { mySubscriptions, subscribe } from '../../../server/reminders/subscriptions';
import { schemas } from '../../../server/reminders/schemas';

/**
 * reminders: what a person accepted in wx.requestSubscribeMessage (one accept, one message) and
 * what they will be told. Sending happens elsewhere: the scheduler's clocks and the areas' events.
 */
export const main = createFunction<'reminders'>(
  guardActions('reminders', {
    subscribe: { input: schemas.subscribe, run: subscribe },
    mySubscriptions: { input: noFields, run: mySubscriptions },
  }),
);
