import type { HelpLineView } from '../../typings/api';
import type { Building } from './model';

/** Who to call when something goes wrong: the residents' committee, if the building names a phone. */
export function helpLineOf(
  building: Pick<Building, 'helpPhone'> | null | undefined,
): HelpLineView | null {
  const phone = building?.helpPhone?.trim();
  return phone ? { label: '居委会', phone } : null;
}
