/**
 * The answers a question allows. A proposal takes yes / no / abstain; a choice among plans takes
 * one plan, "no" (none of them) or abstain. Abstaining counts as taking part, never as support.
 */
import { PLAN_KEYS, type Plan, type PlanKey, type Question } from './model';

export const PROPOSAL_CHOICES = ['yes', 'no', 'abstain'] as const;

export function choicesOf(question: Question): string[] {
  if (question.kind === 'proposal') return [...PROPOSAL_CHOICES];
  return [...question.plans.map((p) => p.key), 'no', 'abstain'];
}

export function isChoiceOf(question: Question, choice: string): boolean {
  return choicesOf(question).includes(choice);
}

/** The choices that carry the decision if they reach the rule: yes, or each plan. */
export function supportingChoices(question: Question): string[] {
  return question.kind === 'proposal' ? ['yes'] : question.plans.map((p) => p.key);
}

export function isPlanKey(value: string): value is PlanKey {
  return (PLAN_KEYS as readonly string[]).includes(value);
}

/** Problems with a question that would make it unfit to post; empty when it can be posted. */
export function questionProblems(question: Question): string[] {
  const problems: string[] = [];
  if (!question.text.trim()) problems.push('the question has no text');
  if (question.kind === 'plans') problems.push(...planProblems(question.plans));
  return problems;
}

function planProblems(plans: readonly Plan[]): string[] {
  const problems: string[] = [];
  if (plans.length < 2) problems.push('a choice among plans needs at least two plans');
  if (plans.length > PLAN_KEYS.length) problems.push(`at most ${PLAN_KEYS.length} plans`);
  plans.forEach((plan, i) => {
    if (plan.key !== PLAN_KEYS[i]) {
      problems.push(`plan ${i + 1} must be lettered ${PLAN_KEYS[i] ?? '?'}, got ${plan.key}`);
    }
    if (!plan.title.trim()) problems.push(`plan ${plan.key} has no title`);
    if (plan.costFen !== null && (!Number.isSafeInteger(plan.costFen) || plan.costFen < 0)) {
      problems.push(`plan ${plan.key} cost must be a whole number of fen`);
    }
  });
  return problems;
}
