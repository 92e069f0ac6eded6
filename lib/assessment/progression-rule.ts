// A constant of its own, so the take-home sheet (also rendered in the browser) can show it without the engine.

/**
 * §7.4: when to move on and how to make an exercise harder, said once above the exercise cards (the same for
 * every exercise); each card then names only its own next step.
 */
export const PROGRESSION_RULE =
  "Move on to the next step named on each card when you can do every set with knee pain of 2/10 or less and no extra pain the next morning, for a week. Until then, add load (a stronger band or a weight, about 2–10% more) when you can do 1–2 more repetitions than asked, or make each hold longer (up to 45 seconds).";
