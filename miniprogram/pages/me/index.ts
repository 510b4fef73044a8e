import { largeTypeBehavior } from '../../behaviors/largeType';
import { getMyHousehold } from '../../services/households';
import { callHelpLine, helpLead, knownHelpLine } from '../../utils/helpLine';
import { setLargeType } from '../../utils/largeType';
import { openPath } from '../../utils/navigation';

/** Roles that work the organizer desk (换梯小组工作台). */
const DESK_ROLES = new Set(['organizer', 'staff', 'admin', 'treasurer']);

/**
 * Me (我的): who I am here, the way to my flat (or to binding one), the organizer desk for the
 * replacement group, the large-type switch and whom to call for help (the residents' committee).
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    loaded: false,
    label: '',
    unitCount: 0,
    proxyCount: 0,
    onDesk: false,
    moneyDesk: false,
    cashDesk: false,
    treasurerQueue: false,
    helpText: '',
    helpPhone: '',
  },
  methods: {
    onShow() {
      void this.load();
    },
    async load() {
      try {
        const me = await getMyHousehold();
        this.setData({
          loaded: true,
          label: me.label,
          unitCount: me.units.length,
          proxyCount: me.proxiesHeld.length,
          onDesk: me.roles.some((r) => DESK_ROLES.has(r)),
          // Each money desk opens for the role that works it; the server checks every action again.
          moneyDesk: me.roles.includes('organizer') || me.roles.includes('admin'),
          cashDesk: me.roles.includes('staff'),
          treasurerQueue: me.roles.includes('treasurer'),
        });
        this.showHelpLine();
      } catch {
        // Not reachable or not yet a member: binding stays offered, nothing else is shown.
        this.setData({
          loaded: true,
          label: '',
          unitCount: 0,
          proxyCount: 0,
          onDesk: false,
          moneyDesk: false,
          cashDesk: false,
          treasurerQueue: false,
        });
        // The last known help line still shows: this is when someone needs it.
        this.showHelpLine();
      }
    },
    showHelpLine() {
      const line = knownHelpLine();
      this.setData({ helpText: line ? helpLead(line) : '', helpPhone: line?.phone ?? '' });
    },
    onCallHelp() {
      const line = knownHelpLine();
      if (line) callHelpLine(line);
    },
    onOpen(
      event: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { path: string }
      >,
    ) {
      openPath(event.currentTarget.dataset.path);
    },
    onLargeTypeChange(event: WechatMiniprogram.SwitchChange) {
      // The behavior's listener updates data.largeType on this and every other open page.
      setLargeType(event.detail.value);
    },
  },
});
