import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signs upload and download URLs so a URL is good only for the file and the time it was issued
 * for, like COS's signed URLs. The key lives in memory: URLs die with the process, which is fine
 * for temporary URLs.
 */
export class UrlSigner {
  private readonly key = randomBytes(32);

  sign(parts: readonly (string | number)[]): string {
    return createHmac('sha256', this.key).update(parts.join('\n')).digest('hex').slice(0, 40);
  }

  verify(parts: readonly (string | number)[], signature: string): boolean {
    const expected = Buffer.from(this.sign(parts));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
