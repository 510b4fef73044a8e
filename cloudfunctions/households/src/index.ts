import { createFunction } from '../../../server/router';
import { guardActions } from '../../../server/auth/guard';
import { actions } from './actions';

/** The deployed entry: every action of ./actions behind the policy table. */
export const main = createFunction<'households'>(guardActions('households', actions));
