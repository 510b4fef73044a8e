import { largeTypeBehavior } from '../../behaviors/largeType';

/** Decisions (议事): a placeholder until this area is built; it already follows large-type mode. */
Component({
  behaviors: [largeTypeBehavior],
});
