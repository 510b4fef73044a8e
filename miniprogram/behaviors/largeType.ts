import { onLargeTypeChange, readLargeType } from '../utils/largeType';

// Keyed by instance so the behavior needs no custom field on `this` (which Behavior() cannot type).
const unsubscribes = new WeakMap<object, () => void>();

/**
 * Gives a page `data.largeType`, kept in step with the preference. The page puts
 * `class="tt-page {{largeType ? 'lt' : ''}}"` on its root view; app.wxss does the rest.
 */
export const largeTypeBehavior = Behavior({
  data: {
    largeType: false,
  },
  lifetimes: {
    attached() {
      this.setData({ largeType: readLargeType() });
      unsubscribes.set(
        this,
        onLargeTypeChange((enabled) => this.setData({ largeType: enabled })),
      );
    },
    detached() {
      unsubscribes.get(this)?.();
      unsubscribes.delete(this);
    },
  },
});
