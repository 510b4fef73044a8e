import { largeTypeBehavior } from '../../behaviors/largeType';

/** Progress (进度): a placeholder until this area is built; it already follows large-type mode. */
Component({
  behaviors: [largeTypeBehavior],
});
