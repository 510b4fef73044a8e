import { CHOICE_COLORS, choiceColor, withColors } from '../../../miniprogram/utils/choiceColors';

describe('the choice palette', () => {
  it('gives agreeing, refusing and abstaining one colour each, and plan A the colour of yes', () => {
    const [yes, no, abstain, A] = ['yes', 'no', 'abstain', 'A'].map(choiceColor);
    expect(new Set([yes, no, abstain]).size).toBe(3);
    expect(A).toBe(yes);
  });

  it('gives every plan its own colour, none the colour of no or abstain', () => {
    const plans = ['A', 'B', 'C', 'D', 'E'].map(choiceColor);
    expect(new Set(plans).size).toBe(5);
    expect(plans).not.toContain(CHOICE_COLORS.no);
    expect(plans).not.toContain(CHOICE_COLORS.abstain);
  });

  it('keeps the choices as they are and adds the colour; an unknown key gets a neutral one', () => {
    expect(
      withColors([
        { key: 'no', label: '反对' },
        { key: 'Z', label: '?' },
      ]),
    ).toEqual([
      { key: 'no', label: '反对', color: CHOICE_COLORS.no },
      { key: 'Z', label: '?', color: '#4c4c4c' },
    ]);
  });
});
