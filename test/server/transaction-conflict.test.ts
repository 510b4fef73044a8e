import { isTransactionConflict } from '../../server/repository/docs';

/** Which failures of a cast transaction a client should simply retry. */
describe('transaction conflicts', () => {
  it('recognises the local cloud and the cloud MongoDB wordings', () => {
    expect(isTransactionConflict({ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'x' })).toBe(
      true,
    );
    expect(isTransactionConflict(new Error('WriteConflict error: this operation conflicted'))).toBe(
      true,
    );
    expect(isTransactionConflict({ errMsg: 'runTransaction:fail TransactionConflict' })).toBe(true);
  });

  it('leaves every other failure alone', () => {
    expect(
      isTransactionConflict(new Error('document.get:fail -502005 collection not exists')),
    ).toBe(false);
    expect(isTransactionConflict(null)).toBe(false);
    expect(isTransactionConflict('conflict')).toBe(false);
  });
});
