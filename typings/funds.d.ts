/**
 * funds: cost-split schemes, the charges issued from a binding scheme, and payments (WeChat Pay,
 * pay links that a proxy or friend opens).
 *
 * Money is integer fen; areas are integer hundredths of m².
 */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FundsApi {}
