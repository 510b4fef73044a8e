import { helpLineOf } from '../../core/registry/helpLine';

describe('the help line', () => {
  it('is the residents’ committee at the building’s phone', () => {
    expect(helpLineOf({ helpPhone: ' 021-6213 0000 ' })).toEqual({
      label: '居委会',
      phone: '021-6213 0000',
    });
  });

  it('is absent when the building names no phone', () => {
    expect(helpLineOf({})).toBeNull();
    expect(helpLineOf({ helpPhone: '  ' })).toBeNull();
    expect(helpLineOf(null)).toBeNull();
  });
});
