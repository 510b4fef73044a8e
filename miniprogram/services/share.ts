import { getBuildingSummary } from './households';

/**
 * The building's name for share cards, read once per session (it does not change while the app
 * runs). A failed read is not remembered: the next card asks again.
 */
let name: Promise<string> | null = null;

export function buildingName(): Promise<string> {
  name ??= getBuildingSummary()
    .then((summary) => summary.name)
    .catch((error: unknown) => {
      name = null;
      throw error;
    });
  return name;
}
