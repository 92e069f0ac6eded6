// Every word a patient reads, in English. A translation is a copy of this file with the same keys
// (checked by the type below), not a code change. Clinician screens are English in their components.
import type { ErrorCatalog } from "../forms/messages";

export const en = {
  lang: "en",
  appName: "Knee pain intake",
  errors: {
    required: "{label}: please answer this question.",
    range: "{label}: enter a number from {min} to {max}.",
    intRange: "{label}: choose a whole number from {min} to {max}.",
    choice: "{label}: please choose one answer.",
    maxLength: "{label}: please keep it under {max} characters.",
    date: "{label}: enter a real date (day, month and year).",
    dateNotFuture: "{label}: the date cannot be in the future.",
    email: "{label}: enter an email address like name@example.com.",
    phone: "{label}: use digits, spaces and + ( ) - only.",
    invalid: "{label}: this answer is not valid.",
  } satisfies ErrorCatalog,
  link: {
    invalidTitle: "This link does not work",
    invalidBody: "The link may have been copied incompletely or replaced by a newer one. Please use the latest link your clinic sent you, or contact the clinic.",
    expiredTitle: "This link has expired",
    expiredBody: "Links to the questionnaire work for 7 days. Please contact your clinic for a new one.",
    revokedTitle: "This link has been withdrawn",
    revokedBody: "Your clinic has withdrawn this link. If you still need to fill in the questionnaire, please contact the clinic.",
    submittedTitle: "Your answers have been sent",
    submittedBody: "Thank you. This questionnaire is already complete, so the link no longer opens it. If something needs changing, please tell the clinic.",
    noSessionTitle: "Please open the link from your clinic",
    noSessionBody: "To fill in the questionnaire, open the link your clinic sent you by message or email.",
    tooManyTitle: "Please wait a few minutes",
    tooManyBody: "There have been too many tries from this connection. Please wait 15 minutes, then open the link again.",
  },
  dob: {
    title: "Confirm it's you",
    intro: "Before we show your questionnaire, please enter your date of birth. This keeps your health information private.",
    label: "Date of birth",
    hint: "For example 27, 4, 1990.",
    submit: "Continue",
    wrong: "That date of birth does not match our records. You can try {left} more time(s).",
    lockedTitle: "Too many tries",
    lockedBody: "For your privacy, this questionnaire is locked after several wrong dates of birth. Please call your clinic to get a new link.",
    waitBody: "There have been too many wrong dates of birth from this connection. Please wait 15 minutes and try again.",
  },
  intake: {
    title: "Before your visit",
    greeting: "Hello {name}. These questions help {clinic} prepare for your visit. It takes about 3 minutes.",
    submit: "Send my answers",
    submitting: "Sending…",
    sendFailed: "Your answers were not sent. Check your connection and press the button again; nothing you typed is lost.",
    fixErrors: "Some answers need attention. They are marked below.",
    yes: "Yes",
    no: "No",
    sections: {
      knee: "Your knee",
      pain: "Your pain",
      safety: "Safety questions",
      running: "Your running",
    },
    fields: {
      "knee.side": "Which knee hurts?",
      "pain.now": "Pain right now",
      "pain.worstWeek": "Worst pain in the past week",
      "safety.injuryOrFall": "Did the pain start with an injury or a fall?",
      "safety.hotSwollenWithFever": "Is your knee hot, red or swollen, and do you have a fever or feel unwell?",
      "safety.calfSwelling": "Is your calf swollen, red or tender?",
      "safety.nightOrRestPain": "Does the pain wake you at night or continue when you rest?",
      "safety.givingWay": "Does your knee give way or feel unstable?",
      "running.weeklyKm.thisWeek": "Kilometres run this week",
      "running.weeklyKm.fourWeeksAgo": "Kilometres run in a week, four weeks ago",
      "running.hillsOrBanked": "Do you often run downhill, or on banked or sloping roads?",
    } as Record<string, string>,
    hints: {
      pain: "0 means no pain, 10 means the worst pain you can imagine.",
      weeklyKm: "Your best estimate is fine. Enter 0 if you did not run.",
    },
    kneeOptions: { left: "Left", right: "Right", both: "Both" },
    urgentTitle: "Please get medical help today",
    urgentBody:
      "Your answers suggest something that should be checked by a doctor today, before you run or exercise. Please call your doctor or go to an urgent care clinic. You can still send your answers so the clinic knows.",
  },
  thanks: {
    title: "Thank you, your answers have been sent",
    body: "Your clinician will read them before your visit. Bring your running shoes, and wear shorts or clothes that let us see your knees and hips.",
    next: "What happens next: at your visit we will look at your knee, test the strength of your hips, and make a plan with you.",
  },
  problem: {
    title: "Something went wrong on our side",
    body: "Nothing you entered has been lost. Please try again in a minute.",
    retry: "Try again",
  },
};

export type Messages = typeof en;
