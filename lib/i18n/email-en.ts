// The emails to a patient, in English. Same keys in every language's file (email-es.ts): a missing or extra
// key fails the type check. `{when}` is " on <date>" (or nothing), `{call}` the clinic-phone sentence (or
// nothing); both come from the same catalog, so no sentence is stitched from two languages.
import { patientsEn } from "./clinic/patients";

export const emailEn = {
  lang: "en",
  hello: "Hello,",
  helloName: "Hello {name},",
  when: " on {date}",
  call: " If you have a question, call us on {phone}.",
  orCopy: "Or copy this link:",
  stopText: "To stop emails from {clinic}:",
  stopLink: "Stop emails from {clinic}",
  invite: {
    subject: "{clinic}: a few questions before your visit",
    body: [
      "Before your visit{when}, please answer a few questions about your running and your knee. It takes about 10 minutes and your answers save as you go.",
      "The link works for 7 days. You will be asked for your date of birth first.{call}",
    ],
    action: "Start the questions",
  },
  reminder: {
    subject: "{clinic}: reminder, questions before your visit",
    body: ["Your visit{when} is coming up and your questions are not sent yet. Your saved answers are kept; the link opens where you stopped.{call}"],
    action: "Continue the questions",
  },
  "intake-received": {
    subject: "{clinic}: we have your answers",
    body: ["Thank you: we have your answers and will go through them with you at your visit{when}.{call}"],
    action: "",
  },
  summary: {
    subject: "{clinic}: your visit summary",
    body: [
      "Your summary from your visit{when} is ready: your exercises and your plan, to read or print. You will be asked for your date of birth first. The link works for 30 days.{call}",
    ],
    action: "Open your summary",
  },
  plan: {
    subject: "{clinic}: your plan between visits",
    body: [
      `Your personal "My plan" link: this week's runs and exercises, and a check-in after each run that takes about 20 seconds. It tells you when to move on, repeat or rest, and lets us see how you are doing before your next visit.`,
      "You will be asked for your date of birth first. The link keeps working until your care with us ends.{call}",
    ],
    action: "Open My plan",
  },
  "follow-up": {
    subject: "{clinic}: a few questions before your follow-up",
    body: [
      "Before your follow-up visit, please answer a few questions about your knee and your running: the same ones as last time, so we can see what has changed. It takes about 5 minutes.",
      `Open "My plan" with your link and choose "Answer the follow-up questions". You will be asked for your date of birth first.{call}`,
    ],
    action: "Open My plan",
  },
  /** Notices to the clinic's own address, in the clinic's language. */
  clinic: {
    openVisit: "Open the visit",
    forVisit: " for a visit on {date}",
    linkLocked: {
      subject: "{clinic}: an intake link was locked",
      body: "An intake link{forVisit} was locked after too many wrong dates of birth. The patient cannot continue with it. Check with the patient, then make a new link from the visit page.",
    },
    undeliverable: {
      subject: "{clinic}: a message could not be delivered",
      body: "The {kind}{forVisit} could not be delivered to the patient's address. Check the address, then send it again from the visit page.",
    },
    /** The same names as the visit page's Messages card (the Spanish email's differ: they carry articles). */
    kinds: patientsEn.delivery.kinds,
  },
};

export type EmailWords = typeof emailEn;
