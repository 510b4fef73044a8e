/**
 * What residents may see of each other (issue 3, privacy): a masked name and the room number.
 * Phone numbers never leave the server except for admins.
 */

/** 孙建国 → 孙**, 王伟 → 王*, 欧阳娜娜 → 欧***; characters, not UTF-16 units, are counted. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  const first = chars[0];
  if (first === undefined) return '—';
  return first + '*'.repeat(Math.max(1, chars.length - 1));
}
