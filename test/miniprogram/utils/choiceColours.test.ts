import {
  CHOICE_COLOURS,
  choiceColour,
  withColours,
} from '../../../miniprogram/utils/choiceColours';

describe('the choice palette', () => {
  it('gives agreeing, refusing and abstaining one colour each, and plan A the colour of yes', () => {
    const { yes, no, abstain, A } = CHOICE_COLOURS;
    expect(new Set([yes, no, abstain]).size).toBe(3);
    expect(A).toBe(yes);
  });

  it('gives every plan its own colour, none the colour of no or abstain', () => {
    const plans = ['A', 'B', 'C', 'D'].map(choiceColour);
    expect(new Set(plans).size).toBe(4);
    expect(plans).not.toContain(CHOICE_COLOURS.no);
    expect(plans).not.toContain(CHOICE_COLOURS.abstain);
  });

  it('keeps the choices as they are and adds the colour; an unknown key reads as plain text', () => {
    expect(
      withColours([
        { key: 'no', label: '反对' },
        { key: 'Z', label: '?' },
      ]),
    ).toEqual([
      { key: 'no', label: '反对', colour: CHOICE_COLOURS.no },
      { key: 'Z', label: '?', colour: '#1a1a1a' },
    ]);
  });
});
