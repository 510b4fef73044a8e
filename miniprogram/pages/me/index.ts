import { largeTypeBehavior } from '../../behaviors/largeType';
import { setLargeType } from '../../utils/largeType';

/** Me (我的): personal settings — for now the large-type switch; the bound flat comes later. */
Component({
  behaviors: [largeTypeBehavior],
  methods: {
    onLargeTypeChange(event: WechatMiniprogram.SwitchChange) {
      // The behavior's listener updates data.largeType on this and every other open page.
      setLargeType(event.detail.value);
    },
  },
});
