/**
 * The matters an owners' assembly decides (民法典 art. 278 para 1, items 1–9 in order) and the
 * approval rule each one needs. Raising the fund, rebuilding and changing common use (items 6–8)
 * need three quarters; every other matter, including *using* the fund (item 5), more than half.
 */
export const MATTERS = [
  'rules',
  'covenant',
  'committee',
  'manager',
  'use-fund',
  'raise-fund',
  'rebuild',
  'common-use',
  'other',
] as const;

export type Matter = (typeof MATTERS)[number];

export type Rule = 'three-quarters' | 'more-than-half';

const THREE_QUARTER_MATTERS: ReadonlySet<Matter> = new Set<Matter>([
  'raise-fund',
  'rebuild',
  'common-use',
]);

export function isMatter(value: unknown): value is Matter {
  return typeof value === 'string' && (MATTERS as readonly string[]).includes(value);
}

export function ruleFor(matter: Matter): Rule {
  return THREE_QUARTER_MATTERS.has(matter) ? 'three-quarters' : 'more-than-half';
}
