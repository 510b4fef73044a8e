/**
 * A stopped clock for the local cloud running in a test process: serverDate, transaction
 * idleness, temp-URL and phone-code expiry all read `Date.now`. The modules take their clock when
 * the cloud starts, so stop the clock BEFORE `startTestCloud`, and restore it after `stop()`.
 * Everything else in the process that reads `Date.now` sees the stopped clock too; `new Date()`
 * does not.
 */
export interface ServerClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
  restore(): void;
}

export function stopServerClock(at: number): ServerClock {
  let current = at;
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => current);
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
    restore: () => spy.mockRestore(),
  };
}
