// When "My plan" offers the follow-up questions (pain, running, Kujala and LEFS: the follow-up visit's own
// short intake). The signed plan sets the follow-up visit (FollowUp.inWeeks from the signing date); the
// questions open a few days before it, so the answers are in when the patient arrives, or at once when the
// clinician asks for them. Pure: dates are the clinic's calendar days as YYYY-MM-DD.
import { addDays } from "../format";

/** The questions open this many days before the follow-up date (time to answer, as the intake invite's). */
export const FOLLOW_UP_OPENS_DAYS_BEFORE = 3;

export type FollowUpOffer =
  /** No follow-up set by the plan and none asked for. */
  | { state: "none" }
  /** Not yet: the date they open. */
  | { state: "later"; opensOn: string; dueOn: string }
  /** Open now: the patient can answer them (`requested`: the clinician asked before the date). */
  | { state: "open"; dueOn: string | null; requested: boolean }
  /** Answered for this plan (the follow-up visit's intake is in). */
  | { state: "answered" };

export interface FollowUpOfferInput {
  /** The day the plan was signed (clinic calendar). */
  signedOn: string;
  /** Weeks from signing to the follow-up visit, as the signed plan says; null when it set none. */
  inWeeks: number | null;
  /** The clinician asked for the questions now: the day, when it is on or after the signing day. */
  requestedOn: string | null;
  /** A follow-up intake was submitted after this plan was signed. */
  answered: boolean;
  today: string;
}

export function followUpOffer(i: FollowUpOfferInput): FollowUpOffer {
  if (i.answered) return { state: "answered" };
  const dueOn = i.inWeeks && i.inWeeks > 0 ? addDays(i.signedOn, Math.round(i.inWeeks * 7)) : null;
  const requested = !!i.requestedOn && i.requestedOn >= i.signedOn;
  if (requested) return { state: "open", dueOn, requested: true };
  if (!dueOn) return { state: "none" };
  const opensOn = addDays(dueOn, -FOLLOW_UP_OPENS_DAYS_BEFORE);
  return i.today >= opensOn ? { state: "open", dueOn, requested: false } : { state: "later", opensOn, dueOn };
}
