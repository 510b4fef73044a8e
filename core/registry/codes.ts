/**
 * Invite codes: 8 symbols from an alphabet without look-alikes (no 0/O, 1/I/L), written
 * `ABCD-EFGH` on the lobby list and typed back in any case, with or without the dash. The random
 * bytes come from the caller (core has no randomness); the server stores only a keyed hash.
 */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_LENGTH = 8;

/** Bytes at or above this would bias the modulo; they are skipped. */
const UNBIASED_LIMIT = 256 - (256 % INVITE_ALPHABET.length);

/** A code from random bytes, or null if too few usable bytes were given (ask for more). */
export function inviteCodeFromBytes(bytes: Uint8Array): string | null {
  let code = '';
  for (const byte of bytes) {
    if (byte >= UNBIASED_LIMIT) continue;
    code += INVITE_ALPHABET[byte % INVITE_ALPHABET.length];
    if (code.length === INVITE_LENGTH) return code;
  }
  return null;
}

/** The canonical form of what a resident typed, or null when it cannot be a code. */
export function normalizeInviteCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-－—_]/g, '');
  if (compact.length !== INVITE_LENGTH) return null;
  for (const ch of compact) if (!INVITE_ALPHABET.includes(ch)) return null;
  return compact;
}

/** `ABCDEFGH` → `ABCD-EFGH`. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
