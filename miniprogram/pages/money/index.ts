import { largeTypeBehavior } from '../../behaviors/largeType';

/** Money (筹款): a placeholder until this area is built; it already follows large-type mode. */
Component({
  behaviors: [largeTypeBehavior],
});
