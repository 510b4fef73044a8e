/**
 * The stored shapes of a decision (`decisions`), its ballots (`ballots`, `_id = decisionId:unitId`)
 * and its counters (`tallies`, one document per shard). Areas are integer hundredths of m²;
 * instants are ISO text with the +08:00 offset.
 */
import type { Matter } from '../tally';

/**
 * draft → notice (posted, at least `noticeDays` before voting) → open (until `closesAt`) → closed →
 * preliminary (result posted, objections until `objectionEndsAt`) → final (published).
 */
export const DECISION_STATUSES = [
  'draft',
  'notice',
  'open',
  'closed',
  'preliminary',
  'final',
] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Plans are lettered A, B, C… in the order they are listed. */
export const PLAN_KEYS = ['A', 'B', 'C', 'D', 'E'] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export interface Plan {
  key: PlanKey;
  title: string;
  summary: string;
  /** Estimated total cost in fen, when the plan has one. */
  costFen: number | null;
}

/**
 * What owners answer: a proposal (yes / no / abstain), or a choice among plans (one plan, "none of
 * them", or abstain). Either way the matter's rule (art. 278) decides, on both axes.
 */
export type Question =
  { kind: 'proposal'; text: string } | { kind: 'plans'; text: string; plans: Plan[] };

export const DOCUMENT_KINDS = ['inspection', 'quote', 'comparison', 'minutes', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A stored file published with the decision (inspection report, quotes, plan comparison). */
export interface DecisionDocument {
  kind: DocumentKind;
  title: string;
  /** Cloud storage fileID. */
  fileId: string;
}

/** One unit as the roll froze it when voting opened. */
export interface RollUnit {
  unitId: string;
  unitNo: string;
  /** Hundredths of m². */
  area: number;
}

/**
 * An owner who holds more than one unit, or all unsold units together: one person, one vote,
 * whose ballot covers every unit listed. The first unit is where the ballot is kept.
 */
export interface PersonGroup {
  key: string;
  units: RollUnit[];
}

/**
 * Who decides, frozen when voting opens: the law's headcount and total area, and the people
 * who hold several units. Everyone else is one unit, one owner.
 */
export interface Electorate {
  owners: number;
  /** Hundredths of m². */
  area: number;
  units: number;
  groups: PersonGroup[];
  /** How many counter documents the decision's counters are spread over. */
  shards: number;
}

export interface ChoiceCount {
  owners: number;
  /** Hundredths of m². */
  area: number;
}

/**
 * Counters of a decision (or of one shard of it): who took part, and for each choice how many
 * owners and how much area chose it. Abstentions are in `voted` and under `abstain`.
 */
export interface Counters {
  voted: ChoiceCount;
  choices: Record<string, ChoiceCount>;
}

/** The decided outcome, posted with the preliminary result and confirmed as final. */
export interface ResultSnapshot {
  at: string;
  counters: Counters;
  passed: boolean;
  /** For a choice among plans: the plan that carried, if one did. */
  winner: PlanKey | null;
}

/**
 * The emergency route's evidence: an inspection body ordered the elevator out of service, so the
 * notice may stand fewer than 15 days (Shanghai regulations art. 73). Stated on the notice.
 */
export interface EmergencyOrder {
  /** The inspection body that ordered it (e.g. 市特种设备监督检验技术研究院). */
  authority: string;
  /** Cloud storage fileID of the order. */
  fileId: string;
}

export interface Decision {
  _id: string;
  buildingId: string;
  title: string;
  summary: string;
  matter: Matter;
  question: Question;
  documents: DecisionDocument[];
  /** The notice is posted at least this many days before voting opens (default 15). */
  noticeDays: number;
  /** Present only on the emergency route (fewer than 15 days of notice). */
  emergency?: EmergencyOrder | null;
  /** Absent on decisions drafted before the choice existed: those were `open`. */
  privacy?: BallotPrivacy;
  /** Days for objections after the preliminary result (default 7). */
  objectionDays: number;
  /** Planned start and deadline of voting, announced with the notice. */
  opensAt: string | null;
  closesAt: string | null;
  status: DecisionStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  noticePostedAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  preliminaryAt: string | null;
  objectionEndsAt: string | null;
  finalAt: string | null;
  electorate: Electorate | null;
  result: ResultSnapshot | null;
}

/** Whose will a ballot carries: the owner's own (online or signed paper) or their proxy's. */
export type Voice = 'owner' | 'proxy';

/**
 * How a ballot reached us. Shanghai's rules accept written consultation, meetings and visits:
 * besides voting online, staff enter a signed paper form, a vote at the owners' meeting (现场), by
 * video call (视频) or door to door (上门), each with its evidence (see evidence.ts).
 */
export const CHANNELS = ['online', 'paper', 'meeting', 'video', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels staff enter on the owner's behalf; all follow the paper ballot's rules. */
export const STAFF_CHANNELS = ['paper', 'meeting', 'video', 'visit'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上',
  paper: '纸质',
  meeting: '现场',
  video: '视频',
  visit: '上门',
};

/**
 * What the public list shows of each flat's ballot. `open`: each flat's choice (as the law's
 * posting of results is often read). `receipts`: which flats took part, and separately every
 * receipt with its choice, so neighbours cannot see who voted against, each voter finds their own
 * receipt, and anyone can recount. Chosen in the draft; fixed once the notice is posted.
 */
export const BALLOT_PRIVACIES = ['open', 'receipts'] as const;
export type BallotPrivacy = (typeof BALLOT_PRIVACIES)[number];

/**
 * One person's ballot. `_id` is `decisionId:unitId` of the first unit it covers, so a second
 * cast for any of the person's units finds and replaces it, never duplicates it.
 */
export interface Ballot {
  _id: string;
  decisionId: string;
  unitId: string;
  /** The person behind the ballot (`owner:<id>`, `unsold`, or `unit:<id>`). */
  personKey: string;
  units: RollUnit[];
  /** The person's whole area, hundredths of m². */
  area: number;
  choice: string;
  voice: Voice;
  channel: Channel;
  /** Openid of whoever submitted it: the owner, the proxy, or the staff member who entered it. */
  castBy: string;
  /**
   * The evidence in storage (cloud fileID) for a ballot staff entered: the signed form, the
   * meeting's sign-in sheet, the video call record, the visit record; null online.
   */
  photoFileId: string | null;
  /**
   * The second staff member of a video (who witnessed the call) or a visit (who co-signed the
   * record): a different person from `castBy`. Absent or null for other channels.
   */
  witnessedBy?: string | null;
  /** Random, never published: keeps receipts from being guessed. */
  salt: string;
  receipt: string;
  castAt: string;
  /** How many times this person's ballot was cast (1 = first cast). */
  casts: number;
  shard: number;
  /**
   * Set when a paper ballot replaced the owner's own online ballot, with a second organizer's
   * confirmation: what the owner is told when they next look. Gone when they cast again.
   */
  override?: { confirmedBy: string; reason: string; at: string } | null;
  /**
   * The receipts this ballot replaced, oldest first: whoever votes for the unit sees that an
   * earlier receipt no longer counts. Absent on ballots cast before it was kept.
   */
  replaced?: ReplacedReceipt[];
}

/** A receipt that a later cast of the same ballot made void. */
export interface ReplacedReceipt {
  receipt: string;
  choice: string;
  castAt: string;
  /** When it stopped counting. */
  replacedAt: string;
}
