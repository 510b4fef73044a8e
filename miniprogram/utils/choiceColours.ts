/**
 * One colour per choice of a vote, the same on every page that shows it (buttons, receipts, lists,
 * bars): agreeing is green, refusing red, abstaining grey, and competing plans each their own
 * colour (plan A, the usual proposal, green like a yes). Text colours, dark enough to read on
 * white; pages take them from here rather than writing their own.
 */
export const CHOICE_COLOURS = {
  yes: '#06a050',
  no: '#d93025',
  abstain: '#6b6b6b',
  A: '#06a050',
  B: '#3d5a98',
  C: '#c86a00',
  D: '#8e3a80',
} as const;

const OTHER = '#1a1a1a';

/** The colour of a choice by its key ('yes', 'no', 'abstain', or a plan key 'A'…); unknown → text colour. */
export function choiceColour(key: string): string {
  return (CHOICE_COLOURS as Record<string, string>)[key] ?? OTHER;
}

/** Choices with their colour, for a page's data. */
export function withColours<T extends { key: string }>(
  choices: readonly T[],
): Array<T & { colour: string }> {
  return choices.map((c) => ({ ...c, colour: choiceColour(c.key) }));
}
