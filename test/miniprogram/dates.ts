/**
 * Pages write dates against the real clock: the year shows only when it is not this year's
 * (Shanghai). Tests write the full date they expect and read it as a person would today.
 */
export function asReadToday(text: string, nowMs: number = Date.now()): string {
  const year = new Date(nowMs + 8 * 3600_000).getUTCFullYear();
  return text.replace(new RegExp(`${year}年`, 'g'), '');
}
