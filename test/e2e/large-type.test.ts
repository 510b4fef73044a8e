import { startJourney, type Journey, type JourneyPage } from './journey';

/**
 * Large type, as an elderly owner gets it: WeChat's own font-size setting (the preview's 系统大字)
 * turns it on without touching the app, and on every main page at that size no text runs out of
 * its box and no control is a smaller tap than 44 pt (the preview's CSS px are the phone's pt).
 */
jest.setTimeout(90_000);

const PLAN = 'd-outage-arrangements';
const TAP_MIN_PT = 44;

const PAGES: [route: string, hash: string, ready: string][] = [
  ['pages/home/index', '#/pages/home/index', '.large-type-switch'],
  ['pages/decisions/index', '#/pages/decisions/index', '.decision'],
  ['pages/decision-detail/index', `#/pages/decision-detail/index?id=${PLAN}`, '.choice'],
  ['pages/decision-results/index', `#/pages/decision-results/index?id=${PLAN}`, '.choice'],
  ['pages/me/index', '#/pages/me/index', '.large-type-switch'],
];

interface Problem {
  what: string;
  text: string;
  size: string;
}

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('large-type');
});

afterAll(async () => {
  await journey?.close();
});

/** Turns on WeChat's large font (the preview's toolbar switch) and reloads, as a phone would. */
async function withSystemLargeFont(j: JourneyPage): Promise<void> {
  await j.page.evaluate("localStorage.setItem('tongti-preview:largeType', '1')");
  await j.page.reload();
  await j.page.waitForSelector('html[data-pv-ready]');
}

/** Controls under 44 pt, and text whose box is narrower than what it holds. */
async function problemsOn(j: JourneyPage, route: string): Promise<Problem[]> {
  return j.frame(route).evaluate((root, min) => {
    const out: { what: string; text: string; size: string }[] = [];
    const visible = (r: { width: number; height: number }): boolean => r.width > 0 && r.height > 0;
    const taps = root.querySelectorAll(
      'wx-button, wx-switch, wx-picker, [aria-role="link"], .choice, .document',
    );
    for (const el of taps) {
      const r = el.getBoundingClientRect();
      if (!visible(r)) continue;
      if (r.height < min - 0.5) {
        out.push({
          what: 'tap target under 44 pt',
          text: (el.textContent ?? '').trim().slice(0, 30) || el.tagName,
          size: `${Math.round(r.width)}×${Math.round(r.height)}`,
        });
      }
    }
    const page = root.getBoundingClientRect();
    for (const el of root.querySelectorAll('wx-text, wx-button, wx-view')) {
      const h = el as unknown as {
        scrollWidth: number;
        clientWidth: number;
        textContent: string | null;
        getBoundingClientRect(): { width: number; height: number; right: number };
      };
      const r = h.getBoundingClientRect();
      if (!visible(r)) continue;
      const overflows = h.scrollWidth > h.clientWidth + 1 && h.clientWidth > 0;
      if (overflows || r.right > page.right + 1) {
        out.push({
          what: 'text overflows its box',
          text: (h.textContent ?? '').trim().slice(0, 30),
          size: `${h.scrollWidth} > ${h.clientWidth}`,
        });
      }
    }
    return out;
  }, TAP_MIN_PT);
}

it.each(PAGES)(
  '%s follows WeChat’s large font, with no overflow and no small tap',
  async (route, hash, ready) => {
    const owner = journey.identities.find((i) => i.role === 'owner');
    if (!owner) throw new Error('the demo has no owner');
    const j = await journey.open(hash, owner.openid);
    await withSystemLargeFont(j);
    const frame = j.frame(route);
    // Nobody touched the app's switch: the system setting alone turned large type on.
    await frame.locator('.tt-page.lt').waitFor();
    await frame.locator(ready).first().waitFor();
    await j.shot(route.split('/')[1] ?? route);

    expect(await problemsOn(j, route)).toEqual([]);
    expect(j.errors).toEqual([]);
  },
);
