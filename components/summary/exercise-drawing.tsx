// Simple line drawings of each exercise and stretch (inline SVG: prints crisp in black and white, ships no
// JavaScript, needs no image files). Each pose is a stick figure given by its joints in a 160 × 90 box.

type P = [number, number];
interface Pose {
  head: P;
  neck: P;
  hip: P;
  /** Arms and legs as chains of points from the body outwards. */
  limbs: P[][];
  /** Extra lines: the floor, a step, a chair, a band. */
  props?: { d: string; dashed?: boolean }[];
}

const FLOOR = { d: "M6 82 H154" };

const POSES: Record<string, Pose> = {
  clamshell: {
    head: [24, 66],
    neck: [34, 70],
    hip: [86, 74],
    limbs: [
      [
        [34, 72],
        [44, 80],
        [58, 81],
      ],
      [
        [86, 72],
        [116, 54],
        [104, 79],
      ],
      [
        [86, 76],
        [120, 80],
        [104, 80],
      ],
    ],
    props: [FLOOR],
  },

  "side-lying-abduction": {
    head: [28, 64],
    neck: [38, 68],
    hip: [88, 72],
    limbs: [
      [
        [38, 68],
        [44, 80],
        [56, 81],
      ],
      [
        [88, 72],
        [150, 50],
      ],
      [
        [88, 76],
        [108, 80],
        [120, 78],
      ],
    ],
    props: [FLOOR],
  },
  "band-walk": {
    head: [80, 14],
    neck: [80, 24],
    hip: [80, 48],
    limbs: [
      [
        [80, 28],
        [68, 40],
        [70, 50],
      ],
      [
        [80, 28],
        [92, 40],
        [90, 50],
      ],
      [
        [80, 48],
        [64, 64],
        [56, 82],
      ],
      [
        [80, 48],
        [96, 64],
        [104, 82],
      ],
    ],
    props: [FLOOR, { d: "M65 62 H95", dashed: true }, { d: "M118 70 h14 m-5 -5 l5 5 l-5 5" }],
  },

  "side-plank": {
    head: [34, 42],
    neck: [42, 50],
    hip: [92, 67],
    limbs: [
      [
        [42, 52],
        [42, 81],
        [60, 81],
      ],
      [
        [42, 50],
        [58, 34],
      ],
      [
        [92, 67],
        [150, 81],
      ],
    ],
    props: [FLOOR],
  },

  "hip-hike": {
    head: [70, 10],
    neck: [70, 20],
    hip: [72, 46],
    limbs: [
      [
        [70, 24],
        [62, 38],
        [66, 46],
      ],
      [
        [70, 24],
        [80, 38],
        [78, 46],
      ],
      [
        [66, 46],
        [66, 64],
        [66, 74],
      ],
      [
        [78, 48],
        [82, 66],
        [84, 84],
      ],
    ],
    props: [{ d: "M30 74 H76 V90" }, { d: "M6 90 H154" }],
  },
  "single-leg-squat": {
    head: [66, 18],
    neck: [68, 28],
    hip: [80, 52],
    limbs: [
      [
        [68, 30],
        [50, 36],
      ],
      [
        [68, 30],
        [52, 40],
      ],
      [
        [80, 52],
        [64, 64],
        [72, 82],
      ],
      [
        [80, 52],
        [104, 58],
        [116, 50],
      ],
    ],
    props: [FLOOR],
  },
  bridge: {
    head: [24, 76],
    neck: [34, 74],
    hip: [84, 58],
    limbs: [
      [
        [34, 76],
        [50, 80],
        [60, 80],
      ],
      [
        [84, 58],
        [106, 44],
        [116, 80],
      ],
    ],
    props: [FLOOR],
  },
  "single-leg-bridge": {
    head: [24, 76],
    neck: [34, 74],
    hip: [84, 58],
    limbs: [
      [
        [34, 76],
        [50, 80],
        [60, 80],
      ],
      [
        [84, 58],
        [106, 44],
        [116, 80],
      ],
      [
        [84, 58],
        [108, 48],
        [140, 40],
      ],
    ],
    props: [FLOOR],
  },
  "hip-thrust": {
    head: [26, 46],
    neck: [36, 52],
    hip: [84, 54],
    limbs: [
      [
        [36, 54],
        [46, 62],
      ],
      [
        [84, 54],
        [108, 44],
        [116, 80],
      ],
    ],
    props: [FLOOR, { d: "M18 58 H50 V82" }, { d: "M78 50 H94", dashed: false }],
  },
  "straight-leg-raise": {
    head: [22, 72],
    neck: [32, 74],
    hip: [76, 76],
    limbs: [
      [
        [32, 76],
        [48, 80],
        [58, 80],
      ],
      [
        [76, 76],
        [100, 56],
        [112, 80],
      ],
      [
        [76, 78],
        [146, 56],
      ],
    ],
    props: [FLOOR],
  },
  "sit-to-stand": {
    head: [74, 12],
    neck: [74, 22],
    hip: [70, 48],
    limbs: [
      [
        [74, 26],
        [90, 34],
      ],
      [
        [74, 26],
        [92, 38],
      ],
      [
        [70, 48],
        [88, 64],
        [86, 82],
      ],
    ],
    props: [FLOOR, { d: "M40 56 H70 M46 56 V82 M68 56 V82 M40 56 V30" }],
  },
  squat: {
    head: [98, 26],
    neck: [92, 34],
    hip: [64, 58],
    limbs: [
      [
        [92, 36],
        [120, 40],
      ],
      [
        [92, 38],
        [118, 46],
      ],
      [
        [64, 58],
        [90, 62],
        [84, 82],
      ],
    ],
    props: [FLOOR],
  },

  "wall-sit": {
    head: [40, 20],
    neck: [40, 30],
    hip: [42, 56],
    limbs: [
      [
        [40, 32],
        [52, 46],
      ],
      [
        [42, 56],
        [72, 50],
        [78, 82],
      ],
    ],
    props: [FLOOR, { d: "M30 4 V82" }],
  },
  "seated-knee-extension": {
    head: [60, 14],
    neck: [60, 24],
    hip: [62, 50],
    limbs: [
      [
        [60, 28],
        [72, 42],
      ],
      [
        [62, 50],
        [90, 50],
        [116, 40],
      ],
      [
        [62, 52],
        [86, 54],
        [84, 82],
      ],
    ],
    props: [FLOOR, { d: "M44 54 H74 M48 54 V82 M72 54 V82 M44 54 V26" }],
  },
  "split-squat": {
    head: [80, 12],
    neck: [80, 22],
    hip: [80, 50],
    limbs: [
      [
        [80, 26],
        [72, 40],
        [76, 48],
      ],
      [
        [80, 50],
        [104, 60],
        [106, 82],
      ],
      [
        [80, 50],
        [70, 74],
        [48, 82],
      ],
    ],
    props: [FLOOR],
  },
  "hip-flexor-stretch": {
    head: [78, 10],
    neck: [78, 20],
    hip: [76, 48],
    limbs: [
      [
        [78, 24],
        [84, 38],
        [80, 48],
      ],
      [
        [76, 48],
        [102, 56],
        [104, 82],
      ],
      [
        [76, 48],
        [64, 76],
        [40, 80],
      ],
    ],
    props: [FLOOR],
  },
  "quadriceps-stretch": {
    head: [74, 10],
    neck: [74, 20],
    hip: [74, 48],
    limbs: [
      [
        [74, 24],
        [100, 30],
        [112, 28],
      ],
      [
        [74, 24],
        [70, 40],
        [66, 62],
      ],
      [
        [74, 48],
        [76, 66],
        [76, 82],
      ],
      [
        [74, 48],
        [70, 68],
        [62, 56],
      ],
    ],
    props: [FLOOR, { d: "M116 4 V82" }],
  },
  "itb-stretch": {
    head: [66, 12],
    neck: [68, 22],
    hip: [82, 48],
    limbs: [
      [
        [68, 26],
        [52, 12],
      ],
      [
        [68, 26],
        [60, 40],
      ],
      [
        [82, 48],
        [76, 66],
        [70, 82],
      ],
      [
        [82, 48],
        [90, 66],
        [60, 82],
      ],
    ],
    props: [FLOOR],
  },
  "hamstring-stretch": {
    head: [22, 72],
    neck: [32, 74],
    hip: [76, 76],
    limbs: [
      [
        [32, 76],
        [56, 60],
        [74, 50],
      ],
      [
        [76, 76],
        [78, 46],
        [104, 28],
      ],
      [
        [76, 78],
        [118, 80],
      ],
    ],
    props: [FLOOR],
  },
};

export function hasDrawing(key: string): boolean {
  return key in POSES;
}

export function ExerciseDrawing({ drawing, title, size = 160 }: { drawing: string; title: string; size?: number }) {
  const pose = POSES[drawing];
  if (!pose) return null;
  const path = (pts: P[]) => `M${pts.map((p) => p.join(" ")).join(" L")}`;
  return (
    <svg viewBox="0 0 160 92" width={size} height={(size * 92) / 160} role="img" aria-label={title} style={{ display: "block" }}>
      <title>{title}</title>
      <g fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round">
        {(pose.props ?? []).map((p, i) => (
          <path key={`p${i}`} d={p.d} strokeWidth={2} strokeDasharray={p.dashed ? "4 3" : undefined} />
        ))}
        <path d={path([pose.neck, pose.hip])} strokeWidth={4} />
        {pose.limbs.map((l, i) => (
          <path key={`l${i}`} d={path(l)} />
        ))}
        <circle cx={pose.head[0]} cy={pose.head[1]} r={7} fill="white" />
      </g>
    </svg>
  );
}
