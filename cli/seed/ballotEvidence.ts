/**
 * The evidence behind the demo's ballots that staff entered, as files in storage (drawn in code,
 * like the progress photos): a signed paper form, the owners' meeting sign-in sheet (one per
 * decision, for every flat that voted there), a video call screenshot witnessed by a second staff
 * member, a visit record signed by two staff members. Who entered each, and who stood beside them,
 * is part of the story: the two community staff go door to door together; the organizer watches
 * the video calls with owners abroad.
 */
import type { Ballot, StaffChannel } from '../../core/decisions';
import { DEFAULT_ENV_ID } from '../../localcloud/sdkEnv';
import { buildFileId, parseFileId } from '../../localcloud/storage/fileIds';
import { type Rgb, png } from './photos';

const W = 320;
const H = 240;
const PAPER: Rgb = [250, 250, 246];
const INK: Rgb = [40, 40, 60];
const DESK: Rgb = [120, 100, 80];

/** A sheet on a desk with ruled lines; `mark` draws signatures, ticks or faces on it. */
function sheet(mark: (x: number, y: number) => Rgb | null): Buffer {
  return png(W, H, (x, y) => {
    if (x < 50 || x > 270 || y < 12 || y > 228) return DESK;
    const m = mark(x, y);
    if (m) return m;
    if (y > 40 && (y - 40) % 18 === 0 && x > 64 && x < 256) return [170, 170, 180];
    return PAPER;
  });
}

/** A handwritten stroke around (cx, cy): a sine wave a signature could be. */
function signature(x: number, y: number, cx: number, cy: number): boolean {
  if (x < cx - 30 || x > cx + 30) return false;
  return Math.abs(y - (cy + Math.round(6 * Math.sin((x - cx) / 5)))) < 2;
}

const DRAWN: Record<StaffChannel, () => Buffer> = {
  // The form with one box ticked and the owner's signature at the bottom.
  paper: () =>
    sheet((x, y) => {
      if (x > 80 && x < 92 && y > 94 && y < 106) return INK;
      return signature(x, y, 200, 200) ? INK : null;
    }),
  // A sign-in table: a signature on every row.
  meeting: () =>
    sheet((x, y) => {
      if (x === 160 && y > 40 && y < 220) return [170, 170, 180];
      for (let row = 0; row < 9; row += 1) {
        if (signature(x, y, 210, 49 + row * 18)) return INK;
      }
      return null;
    }),
  // A phone screen: the owner's face large, the staff member's small in the corner.
  video: () =>
    png(W, H, (x, y) => {
      if (x < 100 || x > 220) return [30, 30, 34];
      const big = (x - 160) ** 2 + (y - 110) ** 2 < 40 ** 2;
      const small = x > 180 && y > 180 && (x - 200) ** 2 + (y - 205) ** 2 < 14 ** 2;
      if (small) return [210, 170, 140];
      if (big) return [225, 185, 150];
      return [70, 90, 120];
    }),
  // The visit record: two signatures side by side at the bottom.
  visit: () =>
    sheet((x, y) => (signature(x, y, 120, 200) || signature(x, y, 210, 200) ? INK : null)),
};

export interface SeedEvidence {
  castBy: string;
  witnessedBy: string | null;
  photoFileId: string;
}

/** Who entered each staff-taken ballot of the demo, and where its evidence is kept. */
export class BallotEvidence {
  private visits = 0;

  /** The evidence of one staff-entered ballot, kept under `ballots/<decision>/<anchor unit>`. */
  of(decisionId: string, anchor: string, channel: StaffChannel): SeedEvidence {
    const at = (name: string): string =>
      buildFileId(DEFAULT_ENV_ID, `ballots/${decisionId}/${name}`);
    switch (channel) {
      case 'meeting':
        return { castBy: 'demo-staff1', witnessedBy: null, photoFileId: at('meeting-sheet.png') };
      case 'video':
        return {
          castBy: 'demo-staff2',
          witnessedBy: 'demo-organizer',
          photoFileId: at(`${anchor}-video.png`),
        };
      case 'visit': {
        // The two staff take turns writing the record; both sign it.
        this.visits += 1;
        const [by, second] =
          this.visits % 2 ? ['demo-staff1', 'demo-staff2'] : ['demo-staff2', 'demo-staff1'];
        return { castBy: by, witnessedBy: second, photoFileId: at(`${anchor}-visit.png`) };
      }
      default:
        return { castBy: 'demo-staff1', witnessedBy: null, photoFileId: at(`${anchor}-form.png`) };
    }
  }
}

/**
 * The files the seeded ballots' evidence points to (cloudPath → bytes), drawn once per kind: the
 * same bytes under every name. Made from the ballots, so whatever seeds them gets their files.
 */
export function ballotEvidenceFiles(
  ballots: readonly Pick<Ballot, 'channel' | 'photoFileId'>[],
): Record<string, Buffer> {
  const drawn = new Map<StaffChannel, Buffer>();
  const files: Record<string, Buffer> = {};
  for (const b of ballots) {
    if (b.channel === 'online' || !b.photoFileId) continue;
    const parsed = parseFileId(b.photoFileId);
    if (!parsed) throw new Error(`demo ballots: evidence ${b.photoFileId} is no fileID`);
    let bytes = drawn.get(b.channel);
    if (!bytes) {
      bytes = DRAWN[b.channel]();
      drawn.set(b.channel, bytes);
    }
    files[parsed.cloudPath] = bytes;
  }
  return files;
}
