/**
 * One colour per choice, the same on every page that shows it (the vote buttons, the gauge's
 * 同意 bar, the rows of the count): 同意 and 方案A green, 反对 red, 弃权 grey, the other plans
 * each their own. Colours, not CSS classes, so a component with isolated styles draws them too.
 */
export const CHOICE_COLORS: Readonly<Record<string, string>> = {
  yes: '#07c160',
  no: '#fa5151',
  abstain: '#8c8c8c',
  A: '#07c160',
  B: '#1485ee',
  C: '#8a5cd1',
  D: '#c87d0a',
  E: '#0fa3a3',
};

/** The bar of those who took part: a colour no choice uses. */
export const TURNOUT_COLOR = '#576b95';

/** The law's lines (two thirds, three quarters, half), drawn and named in the legend alike. */
export const LINE_COLOR = '#1a1a1a';

export function choiceColor(key: string): string {
  return CHOICE_COLORS[key] ?? '#4c4c4c';
}

/** Choices with their colour, for a page's data. */
export function withColors<T extends { key: string }>(
  choices: readonly T[],
): Array<T & { color: string }> {
  return choices.map((c) => ({ ...c, color: choiceColor(c.key) }));
}
