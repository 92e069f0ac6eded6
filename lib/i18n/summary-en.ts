// The take-home summary's words in US English: the reference for every other language's `summary` section
// (lib/i18n/summary-es.ts). The engine keeps its own English sentences (`text` fields, read by other pages);
// lib/i18n/summary.ts renders a line from here only when this catalog's English gives exactly the engine's
// sentence for the same structured fields, and otherwise prints the engine's text (an older ruleset's
// sentence, a clinician's own wording, a clinic's own advice). ICU syntax: {name}, {n, plural, …}.
import { DEFAULT_TERRAIN_ADVICE } from "../assessment/terrain-advice";
import type { ClassificationCode } from "../assessment/types";
import { REFERRAL_WHEN, REFERRAL_WORDING, type ReferralUrgency } from "../assessment/referral-wording";

export const summaryEn = {
  /** The printed sheet around the summary (header, page margins) and the patient's summary link page. */
  sheet: {
    title: "Your visit summary",
    born: "Born {date}",
    visit: "Visit {date}",
    clinician: "Clinician: {name}",
    margin: "{name} · visit {date}",
    page: "Page",
    of: "of",
    signature: "Summary {id} · version {revision} · signed {signedAt} by {name} · ruleset {ruleset}",
    print: "Print",
    saveAsPdf: "To keep a copy as a file, print and choose “Save as PDF”.",
    planLinkTitle: "My plan on your phone:",
    planLinkBody: "scan the code, or open {url}. Your runs, your exercises and a check-in after each run.",
    planLinkQr: "QR code that opens My plan on your phone",
  },
  headings: {
    refer: "Please see a doctor",
    why: "Why:",
    exercisesChosen: "Exercises your clinician chose",
    notes: "Notes from your clinician",
    whatIsGoingOn: "What is going on",
    exercises: "Your exercises",
    stretches: "Your stretches",
    everyday: "Everyday changes",
    running: "Getting back to running",
    notComplete: "This summary is not complete yet.",
  },
  exerciseIntro: {
    same: "Do these {days, plural, =7 {every day} one {# day a week} other {# days a week}} for {weeks, plural, one {# week} other {# weeks}}.",
    each: "Each exercise shows its own dose and how many weeks to do it.",
    /** The same words as lib/assessment/progression-rule.ts (a test keeps them equal). */
    cards:
      "Move on to the next step named on each card when you can do every set with knee pain of 2/10 or less and no extra pain the next morning, for a week. Until then, add load (a stronger band or a weight, about 2–10% more) when you can do 1–2 more repetitions than asked, or make each hold longer (up to 45 seconds).",
    /** Summaries signed before ruleset 2026.12.2 carry the whole rule on every card. */
    cardsOld: "Each card says when to move on and to what.",
  },
  card: {
    drawing: "Drawing: {name}",
    feel: "It should feel like:",
    progress: "Progress:",
    next: "Next:",
    forWeeks: "{dose}, for {weeks, plural, one {# week} other {# weeks}}",
  },
  dose: {
    sets: "{sets, plural, one {# set} other {# sets}} of {reps}",
    setsEachSide: "{sets, plural, one {# set} other {# sets}} of {reps} on each side",
    holds: "{sets, plural, one {# hold} other {# holds}} of {seconds} seconds",
    holdsEachSide: "{sets, plural, one {# hold} other {# holds}} of {seconds} seconds on each side",
    line: "{what}, {days, plural, =7 {every day} one {# day a week} other {# days a week}}",
    stretch:
      "Hold {seconds} seconds, {reps, plural, one {# time} other {# times}} on each side, {days, plural, =7 {once a day} one {# day a week} other {# days a week}}",
  },
  progression: {
    /** Ruleset 2026.12.2: each card names only its next step; the rule is said once (exerciseIntro.cards). */
    nextStep: "{next}.",
    topStep: "this is the top step; keep it going and keep adding load.",
    topStepHold: "this is the top step; keep it going and make each hold longer (up to 45 seconds).",
    next: "Move on to {next} when you can do every set with knee pain of 2/10 or less and no extra pain the next morning, for a week. {harder}",
    top: "This is the top step of this exercise: keep it going. {harder}",
    longerHolds: "Make each hold longer (up to 45 seconds) before you move on.",
    longerOrHarderHolds: "Make each hold longer (up to 45 seconds) or harder.",
    addLoad: "Add load (a stronger band or a weight, about 2–10% more) when you can do 1–2 more repetitions than asked.",
  },
  /** Added to the how-to of an exercise for muscles that measured weaker (§7.4). */
  loaded:
    " Use a band or weight heavy enough that the last 2 repetitions of each set are hard (about 8–12 repetitions maximum): these muscles measured weaker, and load is what makes them stronger.",
  /** Added to the how-to of the optional ITB stretch (§1.3). */
  optionalStretch: " This one is optional, an extra to the strengthening, which is what matters.",
  exercises: {
    clamshell: {
      name: "Clamshell",
      howTo:
        "Lie on your side with your knees bent and your feet together. Keep your hips stacked one above the other (do not let the top hip roll back). Keep your feet touching and lift your top knee as far as is comfortable, then lower it slowly.",
      feel: "A working, tiring feeling in the side of your hip and buttock. Not in your knee.",
    },
    "side-lying-abduction": {
      name: "Side-lying leg raise",
      howTo:
        "Lie on your side with the bottom knee bent and your hips stacked. Keep the top leg straight and slightly behind you, toes pointing forward, and lift it about 30 degrees (a hand's width or two), leading with the heel. Lower slowly.",
      feel: "Burning in the side of your hip by the last few. Your back and knee stay comfortable.",
    },
    "band-walk": {
      name: "Band walk",
      howTo:
        "Put a resistance band around your legs above the knees. Bend your knees a little and take slow steps sideways, keeping the band tight and your knees pointing over your toes.",
      feel: "The sides of your hips working hard. Knees stay pointing forward.",
    },
    "side-plank": {
      name: "Side plank",
      howTo:
        "Lie on your side on your forearm, elbow under your shoulder. Start with your knees bent and lift your hips so your body is in a straight line. Hold, then rest. Later, straighten your legs.",
      feel: "Your waist and the side of the hip you are lying on working. Stop if your shoulder hurts.",
    },
    "hip-hike": {
      name: "Hip hike",
      howTo:
        "Stand sideways on the bottom step on one leg, holding a rail or wall, with the other foot hanging off the edge. Keep both knees straight and let the free hip drop a little, then lift it back up using the hip you stand on.",
      feel: "The side of the hip you stand on working. Small, slow movements.",
    },
    "single-leg-squat": {
      name: "Single-leg squat",
      howTo:
        "Stand on one leg, holding a wall or chair lightly if you need to. Bend the knee a little, keeping it in line with your middle toes and your hips level, then stand tall again. Only go as deep as is comfortable.",
      feel: "Your thigh and buttock working. Knee pain no more than 2 out of 10.",
    },
    bridge: {
      name: "Bridge",
      howTo:
        "Lie on your back with your knees bent and feet flat. Squeeze your buttocks and lift your hips until your body is straight from shoulders to knees. Lower slowly.",
      feel: "Your buttocks working, not your lower back or hamstrings.",
    },
    "single-leg-bridge": {
      name: "Single-leg bridge",
      howTo: "Start in a bridge, then lift one foot off the floor and keep your hips level as you lower and lift again.",
      feel: "The buttock of the leg on the floor working hard. Hips stay level.",
    },
    "hip-thrust": {
      name: "Hip thrust",
      howTo:
        "Sit with your upper back against a bench or sofa, knees bent, a weight across your hips if you have one. Lift your hips until your body is flat like a table, then lower.",
      feel: "Strong work in your buttocks. Choose a weight you could lift 2 more times at the end of each set.",
    },
    "isometric-abduction": {
      name: "Hip push-out hold",
      howTo:
        "Lie on your back with your knees bent and a belt or band tied around your thighs just above the knees. Push your knees out against it as hard as is comfortable and hold, breathing normally.",
      feel: "The sides of your hips working. No knee pain; ease off if there is any.",
    },
    "band-clamshell": {
      name: "Clamshell with a band",
      howTo:
        "As the clamshell, with a resistance band around your thighs just above the knees. Keep your hips stacked and your feet together; lift the top knee against the band and lower it slowly.",
      feel: "The back and side of your hip working hard by the last few.",
    },
    "side-plank-clamshell": {
      name: "Side plank with clamshell",
      howTo:
        "Lie on your side on your forearm with your knees bent and a band above the knees. Lift your hips into a short side plank, then open the top knee against the band and close it, keeping the hips up.",
      feel: "The hip you are lying on and the back of the top hip working. Stop if your shoulder hurts.",
    },
    "bridge-hold": {
      name: "Bridge hold",
      howTo: "Lie on your back with your knees bent and feet flat. Squeeze your buttocks and lift your hips only as high as is comfortable, then hold.",
      feel: "Your buttocks working, not your lower back or knee.",
    },
    "wall-sit": {
      name: "Shallow wall sit",
      howTo:
        "Lean your back against a wall with your feet a step in front of you. Slide down only a little (knees bent to about 30–45 degrees, well above a right angle) and hold.",
      feel: "The front of your thighs working. Knee pain no more than 2 out of 10; come up higher if it hurts.",
    },
    "isometric-knee-extension": {
      name: "Seated knee push hold",
      howTo:
        "Sit on a chair and hook the front of your ankle behind a heavy chair leg, a sofa or a fixed band, knee bent to about 60 degrees. Push your foot forward as if to straighten the knee, without moving, and hold.",
      feel: "The front of your thigh working. Knee pain no more than 2 out of 10.",
    },
    "seated-knee-extension": {
      name: "Seated knee extension",
      howTo:
        "Sit on a chair with an ankle weight or a band around the ankle. Straighten the knee part way, from the bent position to about halfway (90 to 45 degrees), hold for 2 seconds and lower slowly. Do not lock it straight.",
      feel: "The front of your thigh working. Knee pain no more than 2 out of 10.",
    },
    "leg-press": {
      name: "Leg press or heavier squat",
      howTo:
        "On a leg press (or holding weights for a squat), bend the knees only to about 45 degrees and push back up. Choose a load you can lift 10 times with 2 more left in reserve.",
      feel: "Strong work in your thighs and buttocks. Knee pain no more than 2 out of 10.",
    },
    "straight-leg-raise": {
      name: "Straight-leg raise",
      howTo:
        "Lie on your back with one knee bent. Tighten the front of the thigh of the straight leg, lift it to the height of the other knee, hold for 3 seconds and lower slowly.",
      feel: "The front of your thigh working. Your kneecap should not hurt.",
    },
    "sit-to-stand": {
      name: "Sit to stand",
      howTo: "Sit on a firm chair with your feet hip-width apart. Stand up without using your hands, then sit down slowly. Use a higher seat if it hurts.",
      feel: "Your thighs working. Knee pain no more than 2 out of 10.",
    },
    squat: {
      name: "Squat",
      howTo:
        "Stand with your feet hip-width apart. Sit back as if onto a chair, only as deep as is comfortable (a quarter to half squat to start), knees over your toes, then stand up. Hold a weight when 10 become easy.",
      feel: "Your thighs and buttocks working. Knee pain no more than 2 out of 10.",
    },
    "split-squat": {
      name: "Split squat",
      howTo:
        "Stand with one foot a long step in front of the other, holding a wall or chair if you need to. Lower the back knee towards the floor only as deep as is comfortable, keeping the front knee over the middle of the foot, then push back up.",
      feel: "The front thigh and buttock working. Knee pain no more than 2 out of 10.",
    },
  },
  stretches: {
    "hip-flexor-stretch": {
      name: "Hip flexor stretch",
      howTo:
        "Kneel on the leg to be stretched with a folded towel or cushion under that knee (or, if kneeling hurts, stand in a long stride with the back heel lifted), the other foot in front. Tuck your bottom under and shift your weight gently forward until you feel a stretch at the front of the hip of the back leg.",
      feel: "A gentle pull at the front of the hip. Never pain.",
    },
    "quadriceps-stretch": {
      name: "Thigh (quadriceps) stretch",
      howTo: "Stand holding a wall. Bend one knee and hold your ankle behind you, knees together and hips tucked under.",
      feel: "A gentle pull down the front of your thigh. Ease off if your knee hurts.",
    },
    "itb-stretch": {
      name: "Outer hip (ITB) stretch (optional extra)",
      howTo:
        "Stand and cross the leg to be stretched behind the other one. Lean your hips out to the side of the back leg until you feel a stretch on the outside of the hip.",
      feel: "A gentle pull on the outside of the hip or thigh.",
    },
    "hamstring-stretch": {
      name: "Hamstring stretch",
      howTo:
        "Lie on your back and hold the back of one thigh with the hip bent to 90 degrees. Slowly straighten the knee until you feel a stretch behind the thigh.",
      feel: "A gentle pull behind the thigh, not behind the knee.",
    },
  },
  education: {
    /** What the pain most likely is, per classification (clinical-rules §0, §1): the wording keeps the
     * classification's certainty ("most likely", never "your pain comes from") and §0's prognosis. */
    what: {
      "pfp-likely":
        "Your pain most likely comes from the joint between your kneecap and your thigh bone (patellofemoral pain). It is very common in runners and it is not damage to the knee. Scans are not needed to diagnose it.",
      "itbs-likely":
        "Your pain on the outside of the knee most likely comes from the band of tissue along the outside of your thigh where it crosses the knee (iliotibial band). It is common in runners and usually responds to strengthening and some changes to your running.",
      "tendinopathy-consider":
        "Your pain may come from a tendon just above or below your kneecap. Your clinician will check this and choose the right loading exercises for the tendon.",
      unclear: "Your clinician will explain what is most likely causing your pain. The advice below helps most runners' knee pain while it settles.",
    } satisfies Record<ClassificationCode, string>,
    loadAfterRamp: "Pain like this often starts when running increases faster than the body can adapt, as yours did recently. ",
    loadUsual: "Pain like this often follows more running, faster running or more hills than the knee is ready for. ",
    loadRest: "Rest calms it down but does not fix it on its own: what works is building your running back gradually while you get stronger.",
    hip: "Hip muscles are often weaker in people with this kind of knee pain, and strengthening your hips and thighs together helps the pain settle.",
    borrowed:
      "The pain rule and the knee questionnaire in this plan come from research on pain at the front of the knee; for outer-knee pain they are a sensible guide rather than tested rules.",
    passive:
      "Treatments like ultrasound, laser or electrical stimulation, or a knee brace or sleeve on its own, are not recommended: the exercises and the running plan are what work.",
    adjuncts:
      "Your clinician may suggest taping the kneecap or off-the-shelf shoe insoles to ease the pain in the first weeks. They help alongside the exercises, not instead of them.",
    expect:
      "Most people improve with these exercises and changes to their running; we judge how well it is working at about 6 weeks. Knee pain like this can keep coming back or linger, so keep the exercises going even when it feels better.",
  },
  activity: {
    relativeRest:
      "Keep active, but only as much as the pain rule allows. Cycling (saddle high, low resistance), swimming and walking are good ways to stay fit while your knee settles.",
    /** The clinic's default terrain advice (a clinic that wrote its own gets its own, in its words). */
    terrain: DEFAULT_TERRAIN_ADVICE,
    stairs:
      "On stairs, use the rail: go up leading with your good leg and come down leading with the sore one, one step at a time, while stairs hurt. Go back to normal stairs once your pain is 2/10 or less.",
    sitting:
      "When you sit for a long time, stretch the leg out straight now and then, or get up and move every 30 minutes or so. Sitting with your knees bent for long is a common trigger, not a sign of harm.",
    squatting: "For now, avoid deep squatting and kneeling where you can: bend your knees only as far as is comfortable, and use a cushion if you must kneel.",
    speed: "Run 10–20% slower than usual and pause speed work and races for now. Several shorter runs are easier on the knee than a few long ones.",
  },
  cadence: {
    unknown:
      "Try taking slightly shorter, quicker steps (about 5–10% more steps a minute at the same speed; a metronome app helps). Count your steps for 30 seconds first. Keep it only if your knee feels better.",
    known:
      "Try taking slightly shorter, quicker steps: from about {spm} to {low}–{high} steps a minute at the same speed (a metronome app helps). Keep it only if your knee feels better.",
  },
  onHold: {
    line: "{reason} Until then, walk, cycle or swim within the pain rule and do your exercises.",
    lineNoExercises: "{reason} Until then, walk, cycle or swim within the pain rule.",
    flags: "On hold until your clinician confirms: {titles}.",
    diagnosis: "On hold until your clinician confirms the diagnosis.",
    physician: "No running until a physician has seen you.",
    /** The soft flags' titles as the hold line names them (lower case, joined by "; "). */
    titles: {
      "soft.trauma-ottawa-unchecked": "injury or fall reported: ottawa knee rules not recorded",
      "soft.low-energy": "signs of low energy availability",
      "soft.instability": "giving way or kneecap subluxation",
      "soft.persistent-swelling": "swelling or difficulty bearing weight",
    },
    separator: "; ",
  },
  painRule: {
    trek: "While running, keep pain at 2 out of 10 or less. If it goes above 2 during a run, stop running and walk home. After the run it should be back to how it was before within an hour, and it should be no worse the next morning.",
    "pain-monitoring":
      "While running, pain up to 5 out of 10 is acceptable. If it goes above 5 during a run, stop running and walk home. It must settle by the next morning and must not build up from week to week.",
  },
  /** My plan: what the traffic light decided after a run, and why (lib/assessment/progress.ts). */
  progress: {
    paused: "Running is paused until your clinician has spoken with you.",
    "not-done": "Not done: do this session next time.",
    advance: "Green: move on to the next session.",
    finished: "Green: you have finished the calendar. Keep this level until your review.",
    repeat: "Amber: repeat this session next time; do not move on yet.",
    pause: "Red twice: stop running for now. The clinic has been told and will contact you.",
    "step-back": "Red: rest a day, then go back one session.",
    worseMorning: "your knee was worse the next morning",
    limped: "you limped",
    painUnknown: "the pain during the run was not recorded",
    painRed: "pain {pain}/10 during the run is {limit}/10 or more",
    painAmber: "pain {pain}/10 during the run is above {limit}/10",
    slowSettle: "the pain took more than an hour to settle",
    and: " and ",
    green: "Pain {pain}/10 during the run is {limit}/10 or less{settled}{morning}.",
    greenSettled: ", it settled within the hour",
    greenMorning: ", and it was no worse the next morning",
  },
  trafficLight: {
    label: "The pain rule as a traffic light",
    green: "Green",
    amber: "Amber",
    red: "Red",
    trek: {
      green: "pain 2/10 or less during the run, back to normal within an hour, no worse next morning. Carry on, or move to the next step.",
      amber: "pain 3–4/10, or slow to settle. Repeat this step; do not move on yet.",
      red: "pain 5/10 or more, limping, or worse the next morning. Rest a day and go back one step. Call the clinic if you get a red twice.",
    },
    "pain-monitoring": {
      green: "pain 0–2/10. Carry on, or move to the next step.",
      amber: "pain 3–5/10 that settles by the next morning. Repeat this step.",
      red: "pain above 5/10, or still sore the next morning. Rest a day and go back one step. Call the clinic if you get a red twice.",
    },
  },
  scales:
    "Traffic-light numbers are pain; calendar effort numbers are how hard the run feels, not pain (3: you can talk in full sentences; 4: you can still talk; 5: a few words at a time).",
  start: {
    keep: "Keep running about {km} {unit} a week, no more until your review: {spread}, 10–20% slower than usual, on flat ground.",
    reduce: "Cut back to about {km} {unit} a week{why}: {spread}, 10–20% slower than usual, on flat ground. Build up again only after {weeks} green weeks.",
    whyRamp: ", back to where you were before your recent increase",
    whyThird: ", about a third less than now",
    spreadMore: "split into {runs} shorter runs (one more than now)",
    spreadSame: "spread over {runs} runs",
    longestMinutes: "{spread}, the longest about {minutes} minutes",
    longestKm: "{spread}, the longest about {km} {unit}",
    usualLongest: "{longest} (your longest run has been {km} {unit})",
    lateOnset: " Keep each run short enough to finish before the point where your pain usually starts.",
    screenFirst:
      "Start walk-run phase {phase} once you pass the tests below with your clinician. Until then, no running: walk (building up to 30 minutes) and do your exercises.",
    byTime: "Start with walk-run phase {phase}, 3 times a week with a rest day in between.",
    byTimeObese:
      "In your first week, short run intervals only (run no more than {km} {unit} in total), then walk-run phase {phase}; 3 times a week with a rest day in between.",
    walkRun: "Start with walk-run phase {phase}: {first}; 3 times a week with a rest day in between.",
    minutesAWeek: " At your easy pace that is about {minutes} minutes of running a week: the calendar counts minutes.",
    onHold:
      "Running is on hold until your clinician has checked the points below. Keep doing your exercises; walking, cycling and swimming within the pain rule are fine.",
  },
  progressionText: {
    onHold: "Your clinician will give you a running plan once running is released.",
    screenFirst: "Once you have passed the tests, each walk-run phase is done at least twice; then add no more than {cap}% a week.",
    walkRunTime:
      "Walk-run builds in steps: do each phase at least twice and move on only after a green session. Once you run without walk breaks, add no more than {cap}% running time a week (a cautious rule of thumb, not a proven limit), only after a green week.",
    walkRunDistance:
      "Walk-run builds in steps: do each phase at least twice and move on only after a green session. Once you run without walk breaks, add no more than {cap}% to your weekly distance a week (a cautious rule of thumb, not a proven limit), only after a green week.",
    time: "Build up by time: follow the steps in the calendar, and add no more than {cap}% of running time a week, only after a green week.",
    distance: "Add no more than {cap}% to your weekly distance each week (a cautious rule of thumb, not a proven limit), and only after a green week.",
  },
  backBy: "If all goes well you will be back to about {km} {unit} a week in about {weeks, plural, one {# week} other {# weeks}}.",
  goalRace: {
    yourRace: "your race",
    noVisitDate: "Your clinician will talk with you about {name} ({date}).",
    passed: "{name} ({date}) has passed.",
    notProjected:
      "{name} is in {weeks, plural, one {# week} other {# weeks}}. Whether you can race it depends on how the next weeks go: your clinician will talk it through with you.",
    fits: "{name} is in {weeks, plural, one {# week} other {# weeks}}. At this safe build-up you should reach about {km} {unit} a week in about {needed, plural, one {# week} other {# weeks}}, before race day.",
    tooSoon:
      "{name} is in {weeks, plural, one {# week} other {# weeks}}. At a safe build-up you will reach about {byRace} {unit} a week by race day, not the {km} {unit} you aim for. Talk with your clinician about a shorter race or a later one; building faster raises the risk of the pain coming back.",
  },
  entryTests: {
    line: "Tests to pass with your clinician first (pain 2/10 or less): {tests}.",
    passed: "{test} (passed)",
    separator: "; ",
    tests: {
      walk30Min: "Walk for 30 minutes",
      singleLegStand10s: "Stand on the sore leg for 10 seconds",
      singleLegSquat10: "10 single-leg squats",
      jogOnSpot1Min: "Jog on the spot for 1 minute",
      hop10: "10–15 hops on the sore leg",
    },
  },
  /** The distance unit after a number, as the runner answered the intake (km or miles). */
  units: { km: "km", mi: "mi" },
  calendar: {
    caption: "Running calendar: tick each run when done",
    week: "Week",
    runs: "Runs (tick each one when done)",
    total: "Week total",
    times: "{count} × {session}",
    weekKm: "{km} {unit}",
    weekMinutes: "{minutes} min of running",
    walkRunKm: "Walk {walk} min, run {run} min; repeat to {km} {unit}, effort {effort}/10",
    walkRunMinutes: "Walk {walk} min, run {run} min; repeat to {minutes} min of running, effort {effort}/10",
    /** A session by time that ends on a shorter run (a new runner's small first weeks), spelled out. */
    walkRunMinutesPart:
      "Walk {walk} min, run {run} min, {n, plural, one {once} other {# times}}, then walk {walk} min, run {rest} min ({minutes} min of running), effort {effort}/10",
    runKm: "Run {km} {unit} without walk breaks, effort {effort}/10",
    runMinutes: "Run {minutes} min without walk breaks, effort {effort}/10",
    firstWeekIntervals: "Walk 2 min, run 1 min, {times} times ({total} min), effort 3/10",
    easyKm: "Easy run, {km} {unit}, flat ground",
    easyMinutes: "Easy run, {minutes} min without walk breaks, flat ground",
    /** What a week asks besides its sessions (the FHIR export's care plan; not on the two-page sheet). */
    notes: {
      walkRun: "A rest day between sessions. Move on only after a green day; repeat a session after an amber one.",
      obeseFirst: "Keep this week's running under {km} {unit} in total. A rest day between sessions.",
      holdReview: "Hold this distance until your review, while every run stays green.",
      holdReviewTime: "Hold this running time until your review, while every run stays green.",
      holdGreen: "Hold this distance until you have had {weeks, plural, one {# green week} other {# green weeks}}.",
      holdGreenTime: "Hold this running time until you have had {weeks, plural, one {# green week} other {# green weeks}}.",
      afterReview: "After your review, only if every week was green: up to {cap}% more.",
      build: "Up to {cap}% more distance than last week, only after a green week.",
      buildTime: "Up to {cap}% more running time than last week, only after a green week.",
    },
  },
  afterCalendar: "After week {week}, keep adding no more than {cap}% a week. ",
  rulesLabel: "Rules:",
  rules: {
    spread: "Spread your runs across the week; no two hard days in a row.",
    restDay: "A rest day between walk-run sessions.",
    flat: "Flat, level ground; no downhill running yet.",
    swollen: "Do not move on if the knee is swollen, stiff or more painful.",
    shoes: "Run in the shoes you are used to; this is not the time to change them.",
    shoesOld: "Your shoes are over 6 months old: replace them with the model you are used to.",
  },
  stop: {
    heading: "Stop and call the clinic if",
    headingPhone: "Stop and call the clinic on {phone} if",
    body: "your knee swells, locks or gives way; the pain wakes you at night or keeps getting worse; or you get a red on the traffic light twice.",
    nextVisit: " Your next check-up: in about {weeks, plural, one {# week} other {# weeks}}.",
    outcomeVisit: " We will check how well the plan is working at about {weeks, plural, one {# week} other {# weeks}}.",
    careNow: "Get medical care straight away",
    careNowWhen:
      " (not the clinic) if your calf becomes swollen, red or tender, or you become breathless or have chest pain (call the emergency number); or if your knee becomes hot, red and swollen with a fever, or you cannot put weight on the leg (go to an emergency department).",
  },
  /** §5's wording per hard flag: what to do (the time at `{when}`), and why (the engine's REFERRAL_WORDING). */
  referral: Object.fromEntries(
    Object.entries(REFERRAL_WORDING).map(([k, w]) => [
      k,
      { action: w.action as string, why: w.why as string, ...("urgentWhen" in w ? { urgentWhen: w.urgentWhen as string } : {}) },
    ]),
  ) as {
    [K in keyof typeof REFERRAL_WORDING]: { action: string; why: string; urgentWhen?: string };
  },
  /** How soon, per urgency (the clinic's setting per flag, §5). */
  referralWhen: REFERRAL_WHEN as Record<ReferralUrgency, string>,
};

export type SummaryMessages = typeof summaryEn;
