import { policyMismatches } from './policyMatrix';
import { demoBuilding } from '../../cli/seed';
import type { Principal } from '../../server/auth/policy';
import type { ActionName, ActionRequest } from '../../typings/api';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { articles, stored } from './articlesApi';

/**
 * The authorization matrix of articles: every action × every role, through the real function, is
 * allowed or refused exactly as server/auth/policy.ts says. Requests name an article or question
 * that does not exist (or an empty title), so an allowed call reaches the use case and writes
 * nothing.
 */
type Action = ActionName<'articles'>;
type Requests = { [A in Action]: ActionRequest<'articles', A> };

const NONE = { articleId: 'a-none' };
const BLANK = {
  kind: 'notice' as const,
  title: ' ',
  summary: '',
  body: 'x',
  attachments: [],
  pinned: false,
  decisionId: null,
};
const REQUESTS: Requests = {
  list: {},
  detail: NONE,
  version: { ...NONE, version: 1 },
  questions: { targetKind: 'article', targetId: 'a-none' },
  preview: BLANK,
  create: BLANK,
  edit: { ...BLANK, ...NONE },
  publish: NONE,
  withdraw: { ...NONE, reason: '有误' },
  receipts: NONE,
  ask: { targetKind: 'article', targetId: 'a-none', text: '请问' },
  answer: { questionId: 'q-none', text: '答复' },
  markFaq: { questionId: 'q-none', faq: true },
  hideQuestion: { questionId: 'q-none', reason: '广告' },
};

describe('articles authorization matrix', () => {
  let t: TestCloud;
  const seed = demoBuilding(Date.now());
  const members = seed.collections.members as Array<{ openid: string; roles: string[] }>;
  // The demo's treasurer also owns a flat: a persona is allowed what any of its roles allows.
  const rolesOf = new Map<string, Principal[]>([['someone-never-bound', ['guest']]]);
  const only = (role: string): string => {
    const m =
      members.find((x) => x.roles.length === 1 && x.roles[0] === role) ??
      members.find((x) => x.roles.includes(role));
    if (!m) throw new Error(`no member who is ${role}`);
    rolesOf.set(m.openid, m.roles as Principal[]);
    return m.openid;
  };
  const persona: Record<Principal, string> = {
    guest: 'someone-never-bound',
    owner: only('owner'),
    resident: only('resident'),
    proxy: only('proxy'),
    staff: only('staff'),
    treasurer: only('treasurer'),
    organizer: only('organizer'),
    admin: only('admin'),
  };

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections });
  });
  afterAll(() => t.stop());

  it('allows and refuses every action exactly as the policy table says', async () => {
    const api = articles(t);
    const before = stored(t, 'articles').length;
    expect(
      await policyMismatches(
        'articles',
        api,
        REQUESTS,
        persona,
        (principal) => rolesOf.get(persona[principal]) ?? [principal],
      ),
    ).toEqual([]);
    expect(stored(t, 'articles')).toHaveLength(before);
    expect(stored(t, 'questions')).toHaveLength(seed.collections.questions?.length ?? 0);
  }, 120_000);
});
