/**
 * How deeply an event may nest. The worker hand-off (structured clone) and any recursive code
 * in a function overflow the stack long before JSON.parse does, and no real request nests this
 * deep (the cloud database itself refuses documents past 100 levels).
 */
export const MAX_EVENT_DEPTH = 256;

/** Whether `value` nests arrays or objects more than `limit` levels deep; never recursive. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length) {
    const next = stack.pop();
    if (!next || next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth });
    }
  }
  return false;
}
