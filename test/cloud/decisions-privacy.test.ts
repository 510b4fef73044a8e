/**
 * Ballot privacy per decision, through the real function: the organizer chooses in the draft
 * whether the public list shows each flat's choice or only receipts; once the notice is posted the
 * choice holds. On a `receipts` decision the answer of `published` — not just the page — never
 * ties a choice to a flat, and anyone can still recount the owners from the receipts.
 */
import type { Ballot, Decision } from '../../core/decisions';
import { shortReceipt } from '../../core/decisions';
import type { PublishedListView } from '../../typings/api';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { ORGANIZER, PROPOSAL, type Tower, towerSeed } from '../helpers/decisionsTower';
import { type DecisionsClient, decisions, stored } from './decisionsApi';

const DAY = 24 * 3600_000;
const RECEIPTS = 'd-objection';

describe('decisions: ballot privacy', () => {
  let t: TestCloud;
  let api: DecisionsClient;
  let tower: Tower;
  let owner: string;

  beforeAll(async () => {
    tower = towerSeed(24);
    // The preliminary result of this decision was posted under the receipts rule.
    tower.collections.decisions = tower.collections.decisions.map((d) =>
      d._id === RECEIPTS ? { ...d, privacy: 'receipts' as const } : d,
    );
    owner = [...tower.ownerOpenid.values()][0] ?? '';
    t = await startTestCloud({ seed: tower.collections });
    api = decisions(t);
  });
  afterAll(() => t.stop());

  const ballots = (): Ballot[] =>
    stored<Ballot>(t, 'ballots').filter((b) => b.decisionId === RECEIPTS);

  it('never says which flat chose what on a receipts decision', async () => {
    const list = await api.ok('published', { decisionId: RECEIPTS }, owner);
    const cast = ballots();
    expect(list.privacy).toBe('receipts');
    expect(list.privacyStatement).toContain('不公开每户的表决意见');
    const units = cast.flatMap((b) => b.units.map((u) => u.unitNo)).sort();
    expect(list.lines.map((l) => l.unitNo).sort()).toEqual(units);
    for (const line of list.lines) {
      expect(line).toMatchObject({
        choice: null,
        choiceLabel: null,
        receipt: null,
        receiptShort: null,
      });
    }
    // Nothing of any receipt, nor any choice's word, anywhere among the flats' lines.
    const flats = JSON.stringify(list.lines);
    for (const b of cast) expect(flats).not.toContain(shortReceipt(b.receipt));
    for (const b of cast) expect(flats).not.toContain(b.receipt.slice(0, 16));
    for (const word of ['同意', '反对', '弃权', '"yes"', '"no"', '"abstain"']) {
      expect(flats).not.toContain(word);
    }
    // The receipts come apart, one per ballot, in receipt order — not in the flats' order.
    expect(list.receipts.map((r) => r.receipt)).toEqual(cast.map((b) => b.receipt).sort());
    const byFlat = [...cast].sort((x, y) => (x._id < y._id ? -1 : 1)).map((b) => b.receipt);
    expect(list.receipts.map((r) => r.receipt)).not.toEqual(byFlat);
    expect(Object.keys(list.receipts[0] ?? {}).sort()).toEqual([
      'choice',
      'choiceLabel',
      'receipt',
      'receiptShort',
    ]);
  });

  it('lets anyone recount the owners from the receipts, and the result stays as tallied', async () => {
    const list = await api.ok('published', { decisionId: RECEIPTS }, owner);
    const decision = stored<Decision>(t, 'decisions').find((d) => d._id === RECEIPTS);
    const counters = decision?.result?.counters;
    if (!counters) throw new Error('no posted result');
    const count = (choice: string) => list.receipts.filter((r) => r.choice === choice).length;
    for (const choice of ['yes', 'no', 'abstain']) {
      expect(count(choice)).toBe(counters.choices[choice]?.owners ?? 0);
    }
    expect(list.receipts).toHaveLength(counters.voted.owners);
    const results = await api.ok('results', { decisionId: RECEIPTS }, owner);
    expect(results.voted.owners).toBe(counters.voted.owners);
    expect(results.choices.find((c) => c.key === 'no')?.owners).toBe(counters.choices.no?.owners);
  });

  it('pages the receipts in receipt order across pages', async () => {
    const pages: PublishedListView[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: PublishedListView = await api.ok(
        'published',
        { decisionId: RECEIPTS, offset, limit: 5 },
        owner,
      );
      pages.push(page);
      offset = page.nextOffset;
    }
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.flatMap((p) => p.receipts.map((r) => r.receipt));
    expect(all).toEqual(
      ballots()
        .map((b) => b.receipt)
        .sort(),
    );
  });

  it('is chosen in the draft, stated on the notice, and fixed once the notice is posted', async () => {
    const created = await api.ok(
      'create',
      { title: '楼道照明改造', matter: 'other', question: PROPOSAL, privacy: 'receipts' },
      ORGANIZER,
    );
    expect(created).toMatchObject({ privacy: 'receipts' });
    expect(created.privacyStatement).toContain('凭自己的回执编号核对');
    const id = created.id;
    expect(await api.ok('edit', { decisionId: id, privacy: 'open' }, ORGANIZER)).toMatchObject({
      privacy: 'open',
    });
    expect(
      await api.err('edit', { decisionId: id, privacy: 'secret' } as never, ORGANIZER),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    const now = Date.now();
    await api.ok(
      'edit',
      {
        decisionId: id,
        privacy: 'receipts',
        opensAt: new Date(now + 16 * DAY).toISOString(),
        closesAt: new Date(now + 30 * DAY).toISOString(),
      },
      ORGANIZER,
    );
    const posted = await api.ok('postNotice', { decisionId: id }, ORGANIZER);
    expect(posted).toMatchObject({ status: 'notice', privacy: 'receipts' });
    const seen = await api.ok('detail', { decisionId: id }, owner);
    expect(seen.privacyStatement).toBe(posted.privacyStatement);
    const refused = await api.err('edit', { decisionId: id, privacy: 'open' }, ORGANIZER);
    expect(refused.code).toBe('CONFLICT');
    expect(stored<Decision>(t, 'decisions').find((d) => d._id === id)?.privacy).toBe('receipts');
  });

  it('keeps decisions drafted before the choice open: each flat’s choice and receipt', async () => {
    const created = await api.ok(
      'create',
      { title: '不写公示方式的议题', matter: 'other', question: PROPOSAL },
      ORGANIZER,
    );
    expect(created.privacy).toBe('open');
    // The tower's other decisions carry no privacy field at all.
    const ended = stored<Decision>(t, 'decisions').find((d) => d._id === 'd-ended');
    expect(ended && 'privacy' in ended).toBe(false);
    await api.ok('close', { decisionId: 'd-ended' }, ORGANIZER);
    await api.ok('publishPreliminary', { decisionId: 'd-ended' }, ORGANIZER);
    const list = await api.ok('published', { decisionId: 'd-ended' }, owner);
    expect(list.privacy).toBe('open');
    expect(list.receipts).toEqual([]);
    expect(list.lines.every((l) => l.choice !== null && l.receipt !== null)).toBe(true);
  });
});
