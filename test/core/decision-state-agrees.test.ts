/**
 * The home card (built on the server by core) and every page of the mini program (decisionState)
 * name a decision's state with the same words, for every state.
 */
import { decisionStage } from '../../core/building/summary';
import type { Decision } from '../../core/decisions/model';
import { decisionState } from '../../miniprogram/utils/decisionState';

const NOW = Date.parse('2026-12-20T10:00:00+08:00');
const RESULT = { at: '', counters: { voted: { owners: 0, area: 0 }, choices: {} }, winner: null };

const cases: [string, Partial<Decision>, boolean][] = [
  ['notice ahead', { status: 'notice', opensAt: '2026-12-25T09:00:00+08:00' }, false],
  ['notice past its start', { status: 'notice', opensAt: '2026-12-17T09:00:00+08:00' }, false],
  ['running', { status: 'open', closesAt: '2026-12-31T18:00:00+08:00' }, true],
  ['open past its deadline', { status: 'open', closesAt: '2026-12-19T18:00:00+08:00' }, false],
  ['closed', { status: 'closed', closesAt: '2026-12-19T18:00:00+08:00' }, false],
  [
    'passed, objections running',
    {
      status: 'preliminary',
      objectionEndsAt: '2026-12-27T10:00:00+08:00',
      result: { ...RESULT, passed: true },
    },
    false,
  ],
  ['failed, final', { status: 'final', result: { ...RESULT, passed: false } }, false],
];

it.each(cases)('%s: the home card starts with the label the pages show', (_, d, votingOpen) => {
  const decision = {
    opensAt: null,
    closesAt: null,
    objectionEndsAt: null,
    result: null,
    ...d,
  } as Decision;
  const state = decisionState(
    {
      status: decision.status,
      opensAt: decision.opensAt,
      closesAt: decision.closesAt,
      objectionEndsAt: decision.objectionEndsAt,
      votingOpen,
      passed: decision.result ? decision.result.passed : null,
    },
    NOW,
  );
  expect(decisionStage(decision, NOW).startsWith(state.label)).toBe(true);
});
