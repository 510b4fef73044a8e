import type { BuildingSummary } from '../../typings/api';
import { callApi } from './cloud';

/** The building, its latest notice and one headline per area of the product, for the home page. */
export function getBuildingSummary(): Promise<BuildingSummary> {
  return callApi('households', 'summary', {});
}
