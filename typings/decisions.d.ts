/**
 * decisions: the owners' votes — plans and proposals, lawful ballots, live tallies, published
 * results.
 *
 * Instants are ISO strings with the +08:00 offset. Areas come both as integer hundredths of m²
 * (`…Hundredths`, for arithmetic) and as text with exactly two decimals (for display).
 */

export type DecisionStatusName = 'draft' | 'notice' | 'open' | 'closed' | 'preliminary' | 'final';
/** 民法典 art. 278 para 1, items 1–9 in order. */
export type MatterName =
  | 'rules'
  | 'covenant'
  | 'committee'
  | 'manager'
  | 'use-fund'
  | 'raise-fund'
  | 'rebuild'
  | 'common-use'
  | 'other';
export type RuleName = 'three-quarters' | 'more-than-half';
export type PlanKeyName = 'A' | 'B' | 'C' | 'D' | 'E';
export type DocumentKindName = 'inspection' | 'quote' | 'comparison' | 'minutes' | 'other';
export type VoiceName = 'owner' | 'proxy';
/** 网上 / 纸质 / 现场 (owners' meeting) / 视频 / 上门 (door to door); all but online entered by staff. */
export type ChannelName = 'online' | 'paper' | 'meeting' | 'video' | 'visit';
export type StaffChannelName = Exclude<ChannelName, 'online'>;
/**
 * What the public list shows: `open`, each flat's choice; `receipts`, which flats took part and,
 * apart, every receipt with its choice. Chosen in the draft, fixed once the notice is posted.
 */
export type BallotPrivacyName = 'open' | 'receipts';

export interface PlanView {
  key: PlanKeyName;
  title: string;
  summary: string;
  costFen: number | null;
}

export type QuestionView =
  { kind: 'proposal'; text: string } | { kind: 'plans'; text: string; plans: PlanView[] };

export interface DecisionDocumentView {
  kind: DocumentKindName;
  title: string;
  /** Cloud storage fileID; open with wx.cloud.getTempFileURL / downloadFile. */
  fileId: string;
}

/** A choice the question offers, with what a resident reads on its button. */
export interface ChoiceView {
  key: string;
  label: string;
}

export interface DecisionSummaryView {
  id: string;
  title: string;
  summary: string;
  matter: MatterName;
  matterLabel: string;
  rule: RuleName;
  status: DecisionStatusName;
  statusLabel: string;
  opensAt: string | null;
  closesAt: string | null;
  noticePostedAt: string | null;
  objectionEndsAt: string | null;
  /** Ballots are taken right now (open and before the deadline). */
  votingOpen: boolean;
  /** Once the result is posted (preliminary or final): whether it carried; null before. */
  passed: boolean | null;
}

export interface ElectorateView {
  owners: number;
  units: number;
  areaHundredths: number;
  area: string;
}

/** How one of the caller's units stands in a decision ("who voted for my unit"). */
export interface MyUnitBallotView {
  unitId: string;
  unitNo: string;
  /** The caller may cast for this unit now (as the owner or as a proxy whose scope covers it). */
  canVote: boolean;
  as: VoiceName | null;
  /** Units the same ballot covers (an owner of several units votes once for all of them). */
  coveredUnitNos: string[];
  ballot: {
    voice: VoiceName;
    channel: ChannelName;
    /** 网上 / 纸质 / 现场 / 视频 / 上门. */
    channelLabel: string;
    castAt: string;
    /** The choice, shown only to those who vote for the unit. */
    choice: string | null;
    choiceLabel: string | null;
    receipt: string | null;
    receiptShort: string | null;
    /** Who entered a ballot staff took (their label in the building); null online. */
    enteredBy: string | null;
    /** The second staff member of a video or visit ballot; null otherwise. */
    witnessedBy: string | null;
    /**
     * Told to whoever votes for the unit: their own online ballot was replaced by a paper ballot,
     * confirmed by a second organizer for this reason.
     */
    replacedOnline: { reason: string; at: string } | null;
    /**
     * Earlier receipts of this ballot that no longer count (oldest first), shown only to those
     * who vote for the unit: "截止前可改票，以最后一次为准".
     */
    replacedReceipts: ReplacedReceiptView[];
  } | null;
  /** For a proxy: the owner they vote for, "钟霞"; null for the owner and for others. */
  onBehalfOf: string | null;
}

export interface ReplacedReceiptView {
  receiptShort: string;
  choiceLabel: string;
  castAt: string;
  replacedAt: string;
}

export interface DecisionDetailView extends DecisionSummaryView {
  question: QuestionView;
  choices: ChoiceView[];
  documents: DecisionDocumentView[];
  noticeDays: number;
  objectionDays: number;
  /** Stated on the notice when it stands fewer than 15 days. */
  emergency: EmergencyOrderView | null;
  /** The result is posted within 3 days of closing: when, whether late, when it was. */
  resultDue: { dueAt: string; overdue: boolean; metAt: string | null } | null;
  openedAt: string | null;
  closedAt: string | null;
  preliminaryAt: string | null;
  finalAt: string | null;
  /** When voting may open at the earliest, once the notice is posted. */
  earliestOpening: string | null;
  /** What the public list will show, and the plain sentence the notice states it in. */
  privacy: BallotPrivacyName;
  privacyStatement: string;
  electorate: ElectorateView | null;
  myUnits: MyUnitBallotView[];
  canOrganize: boolean;
  canEnterPaper: boolean;
}

export interface ThresholdView {
  met: boolean;
  /** Owners still needed (for approval: yes votes from owners who have not voted yet). */
  ownersShort: number;
  areaShortHundredths: number;
  areaShort: string;
}

export interface ChoiceTotalView {
  key: string;
  label: string;
  owners: number;
  areaHundredths: number;
  area: string;
}

/** One supporting option (yes, or a plan) against the matter's rule. */
export interface OptionResultView {
  key: string;
  label: string;
  owners: number;
  areaHundredths: number;
  area: string;
  approval: ThresholdView;
  passed: boolean;
}

export interface ResultsView {
  decisionId: string;
  title: string;
  status: DecisionStatusName;
  matter: MatterName;
  rule: RuleName;
  /** Counted up to this instant (live while voting runs; frozen once published). */
  asOf: string;
  electorate: ElectorateView;
  voted: { owners: number; areaHundredths: number; area: string };
  choices: ChoiceTotalView[];
  turnout: ThresholdView;
  options: OptionResultView[];
  /** The option shown on the gauge: the winner, else the one closest to carrying. */
  leading: string | null;
  passed: boolean;
  winner: PlanKeyName | null;
  /** One sentence: "还需 7 位业主或 412.50 m² 参与表决" or the outcome. */
  headline: string;
}

export interface CastReceiptView {
  decisionId: string;
  unitNos: string[];
  choice: string;
  choiceLabel: string;
  voice: VoiceName;
  channel: ChannelName;
  channelLabel: string;
  castAt: string;
  /** SHA-256 hex of (decision, unit, choice, secret salt): find it on the published list. */
  receipt: string;
  receiptShort: string;
  /** 1 on the first cast; more when the ballot was re-cast. */
  casts: number;
  /** False when the same ballot was already in (nothing changed, same receipt). */
  changed: boolean;
}

export interface RecountView {
  decisionId: string;
  ballots: number;
  counters: { owners: number; areaHundredths: number; choices: ChoiceTotalView[] };
  recounted: { owners: number; areaHundredths: number; choices: ChoiceTotalView[] };
  equal: boolean;
  message: string;
}

/**
 * One flat on the published list. On a `receipts` decision the choice and receipt are null: the
 * flat's line says only that it took part, and how.
 */
export interface PublishedLineView {
  unitNo: string;
  areaHundredths: number;
  area: string;
  choice: string | null;
  choiceLabel: string | null;
  channel: ChannelName;
  channelLabel: string;
  /** Who entered a ballot staff took (role and masked name); null online. */
  enteredBy: string | null;
  /** The second staff member of a video or visit ballot (role and masked name); null otherwise. */
  witnessedBy: string | null;
  receipt: string | null;
  receiptShort: string | null;
}

/** A receipt and its choice, on a `receipts` decision's separate list (in receipt order). */
export interface PublishedReceiptView {
  receipt: string;
  receiptShort: string;
  choice: string;
  choiceLabel: string;
}

export interface PublishedListView {
  decisionId: string;
  title: string;
  status: DecisionStatusName;
  privacy: BallotPrivacyName;
  privacyStatement: string;
  lines: PublishedLineView[];
  /** Empty on an `open` decision (each line carries its receipt). */
  receipts: PublishedReceiptView[];
  /** Ballots (people) on this page and in all; lines are per unit. */
  ballots: number;
  totalBallots: number;
  nextOffset: number | null;
}

export interface UnitBallotStatusView {
  unitId: string;
  unitNo: string;
  coveredUnitNos: string[];
  voted: boolean;
  voice: VoiceName | null;
  channel: ChannelName | null;
  channelLabel: string | null;
  castAt: string | null;
  /** Who entered a ballot staff took (their label in the building); null online or not voted. */
  enteredBy: string | null;
  /** The second staff member of a video or visit ballot; null otherwise. */
  witnessedBy: string | null;
}

/** A staff member or organizer who may witness a video ballot or co-sign a visit record. */
export interface WitnessView {
  openid: string;
  label: string;
}

/** What an organizer writes; every field optional on edit. */
export interface DecisionFieldsRequest {
  title: string;
  summary: string;
  matter: MatterName;
  question: QuestionView;
  documents: DecisionDocumentView[];
  noticeDays: number;
  objectionDays: number;
  opensAt: string | null;
  closesAt: string | null;
  /** The emergency route (fewer than 15 days of notice): the inspection body's order. */
  emergency?: EmergencyOrderView | null;
  /** Absent: `open` on create, unchanged on edit. */
  privacy?: BallotPrivacyName;
}

export interface EmergencyOrderView {
  authority: string;
  fileId: string;
}

type ById = { decisionId: string };

/** A vote taking ballots now, as the home page lists it. */
export interface OpenVoteView {
  id: string;
  title: string;
  closesAt: string | null;
  /** The caller votes on it: as the owner of a flat, or as a proxy whose scope covers it. */
  canVote: boolean;
  /** Ballots the caller may cast here that are not in yet ("尚未投票" when above 0). */
  notVoted: number;
}

export interface OpenVotesView {
  /** Soonest deadline first. */
  votes: OpenVoteView[];
  /** Votes with a ballot of the caller's still missing: the 议事 tab's badge. */
  pending: number;
}

export interface DecisionsApi {
  list: { request: Record<string, never>; response: { decisions: DecisionSummaryView[] } };
  openVotes: { request: Record<string, never>; response: OpenVotesView };
  detail: { request: ById; response: DecisionDetailView };
  results: { request: ById; response: ResultsView };
  published: {
    request: ById & { offset?: number; limit?: number };
    response: PublishedListView;
  };
  create: {
    request: Pick<DecisionFieldsRequest, 'title' | 'matter' | 'question'> &
      Partial<DecisionFieldsRequest>;
    response: DecisionDetailView;
  };
  edit: { request: ById & Partial<DecisionFieldsRequest>; response: DecisionDetailView };
  postNotice: { request: ById; response: DecisionDetailView };
  withdrawNotice: { request: ById; response: DecisionDetailView };
  open: { request: ById; response: DecisionDetailView };
  extend: { request: ById & { closesAt: string }; response: DecisionDetailView };
  close: { request: ById; response: DecisionDetailView };
  publishPreliminary: { request: ById; response: DecisionDetailView };
  publishFinal: { request: ById; response: DecisionDetailView };
  cast: { request: ById & { unitId: string; choice: string }; response: CastReceiptView };
  /**
   * A ballot staff enter for the owner (or their proxy): on a signed paper form (the default), at
   * the owners' meeting, by video call or door to door, with that channel's evidence.
   */
  paperBallot: {
    request: ById & {
      unitId: string;
      choice: string;
      /** paper when absent. */
      channel?: StaffChannelName;
      /**
       * The evidence in storage (cloud fileID), required: the signed form; the meeting's sign-in
       * sheet; the video call's recording or screenshot; the visit record signed by both staff.
       */
      photoFileId: string;
      /** Video and visit: the second staff member (openid, from `witnesses`). */
      witness?: string;
      /** Who gave the vote: the owner, or a proxy with a written authorization. */
      signedBy: VoiceName;
    };
    response: CastReceiptView;
  };
  /** The staff and organizers, other than the caller, who may witness or co-sign a ballot. */
  witnesses: { request: Record<string, never>; response: { witnesses: WitnessView[] } };
  /**
   * A paper ballot that would replace the owner's own online ballot is held (paperBallot answers
   * CONFLICT with its id); an organizer other than whoever entered it confirms or rejects it.
   */
  decidePaperOverride: {
    request: { overrideId: string; confirm: boolean; reason: string };
    response: {
      overrideId: string;
      status: 'pending' | 'confirmed' | 'rejected';
      receipt: CastReceiptView | null;
    };
  };
  /** By unit id, or by room number as written on the paper form ("12-03"). */
  unitStatus: {
    request: ById & { unitId?: string; unitNo?: string };
    response: UnitBallotStatusView;
  };
  recount: { request: ById; response: RecountView };
  /** During the objection period, by an owner or proxy of a unit on the roll. */
  object: {
    request: ById & { unitId: string; text: string; photoFileId?: string };
    response: ObjectionView;
  };
  answerObjection: { request: { objectionId: string; text: string }; response: ObjectionView };
  objections: {
    request: ById;
    response: { objections: ObjectionView[]; unanswered: number; canAnswer: boolean };
  };
}

/** An objection to a preliminary result: the flat, never the name; the organizers' answer. */
export interface ObjectionView {
  id: string;
  unitNo: string;
  voiceLabel: string;
  text: string;
  photoFileId: string | null;
  filedAt: string;
  answer: { text: string; at: string } | null;
}
