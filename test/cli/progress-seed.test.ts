import { demoBuilding } from '../../cli/seed';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { updates } from '../cloud/updatesApi';

/** pngjs comes with qrcode and has no typings; this is the part the test uses. */
interface PngJs {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number } } };
}
const { PNG } = jest.requireActual<PngJs>('pngjs');

/**
 * The demo's works through the real function: inspection done, the plan vote under way, photos
 * really in storage (decodable PNGs), both elevators' stop days ahead with help asked and partly
 * covered, and the registered households nobody has asked for yet listed for organizers.
 */
jest.setTimeout(30_000);

describe('demo progress', () => {
  let t: TestCloud;
  const seed = demoBuilding(Date.now());

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections, seedFiles: seed.files });
  });
  afterAll(() => t.stop());

  it('shows the story on the 进度 tab with photos that load', async () => {
    const api = updates(t);
    const overview = await api.ok('overview', {}, '');
    // Inspected, voted, split and signed: the outage works are next.
    expect(overview).toMatchObject({ current: 'outage', percent: 50 });
    expect(overview.milestones.slice(0, 5).map((m) => m.status)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'pending',
    ]);
    expect(overview.outages.map((o) => o.elevator)).toEqual(['1号梯（东）', '2号梯（西）']);
    expect(overview.latest[0]?.stageLabel).toBe('签约');
    const photos = overview.latest.flatMap((u) => u.photos);
    expect(photos.length).toBeGreaterThanOrEqual(3);
    for (const photo of photos) {
      const res = await fetch(photo.url);
      expect(res.status).toBe(200);
      const image = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
      expect([image.width, image.height]).toEqual([320, 240]);
    }
  });

  it('has help asked during the first outage, some covered, and households left to call', async () => {
    const api = updates(t);
    const detail = await api.ok('outage', { outageId: 'og-demo-1' }, 'demo-organizer');
    expect(detail.coverage).toMatchObject({ requests: 5, covered: 3, uncovered: 2 });
    const unasked = detail.coverage?.unasked.map((u) => u.unitNo) ?? [];
    expect(unasked).toEqual(expect.arrayContaining(['23-05', '16-04']));
    expect(unasked).not.toContain('19-03');
    // The elderly owner on 19-03 may ask; the organizer’s own flat may not.
    const asker = await api.ok('outage', { outageId: 'og-demo-1' }, 'demo-owner-p104');
    expect(asker.myUnits).toEqual([{ unitNo: '19-03', floor: 19, eligible: true }]);
    expect(asker.requests.filter((r) => r.mine)).toHaveLength(2);
  });
});
