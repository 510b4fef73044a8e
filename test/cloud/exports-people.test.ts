import type { Person } from '../../core/registry/model';
import { peopleNamed } from '../../server/exports/people';
import { registryDb } from '../../server/repository/docs';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { pointSdkAt } from '../helpers/wxSdk';

/**
 * The names an export needs, read by ids for a few and as the whole collection past a thousand:
 * either way exactly the people asked for, however many pages the building takes.
 */
describe('peopleNamed', () => {
  let t: TestCloud;
  const people: Person[] = Array.from({ length: 2_400 }, (_, i) => ({
    _id: `p${String(i).padStart(4, '0')}`,
    name: `业主${i}`,
    phone: null,
    elderly: false,
    noSmartphone: false,
    overseas: false,
    livesIn: null,
  }));

  beforeAll(async () => {
    t = await startTestCloud({ seed: { people } });
    pointSdkAt(t.cloud);
  });
  afterAll(() => t.stop());

  const ids = (list: readonly Person[]): string[] => list.map((p) => p._id).sort();

  it('gives exactly the people asked for, a few or most of the building', async () => {
    const few = people.filter((_, i) => i % 7 === 0).slice(0, 40);
    expect(ids(await peopleNamed(registryDb(), [...ids(few), 'p-missing']))).toEqual(ids(few));
    const most = people.filter((_, i) => i % 5 !== 0);
    expect(most.length).toBeGreaterThan(1000);
    const got = await peopleNamed(registryDb(), [...ids(most), ...ids(most).slice(0, 10)]);
    expect(ids(got)).toEqual(ids(most));
  }, 60_000);
});
