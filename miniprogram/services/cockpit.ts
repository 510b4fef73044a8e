import type {
  CockpitLastMileRequest,
  CockpitLastMileView,
  MapFloorsView,
  MapLayerRequest,
  MapLegendView,
  MapOverviewView,
  UnitHistoryView,
} from '../../typings/api';
import { callApi } from './cloud';

/** The building map's layout, the decisions and notices it can be coloured by, the work at hand. */
export function getMapOverview(): Promise<MapOverviewView> {
  return callApi('cockpit', 'overview', {});
}

/** Floors `fromFloor` down to `toFloor` (at most 20), each unit with its status in the layer. */
export function getMapFloors(
  layer: MapLayerRequest,
  fromFloor: number,
  toFloor: number,
): Promise<MapFloorsView> {
  return callApi('cockpit', 'mapFloors', { layer, fromFloor, toFloor });
}

export function getMapLegend(layer: MapLayerRequest): Promise<MapLegendView> {
  return callApi('cockpit', 'mapLegend', { layer });
}

export function getUnitHistory(unitId: string): Promise<UnitHistoryView> {
  return callApi('cockpit', 'unitHistory', { unitId });
}

/** A page of the units still to reach for the work at hand (or the work named). */
export function getWorkLastMile(request: CockpitLastMileRequest): Promise<CockpitLastMileView> {
  return callApi('cockpit', 'lastMile', request);
}
