/**
 * How many rows of each kind a scale gives: every count is `max(min, round(full × scale))`, so
 * even a tiny scale (0.002, a few seconds) has every kind of row.
 */

export interface Plan {
  scale: number;
  regions: number;
  organisations: number;
  members: number;
  /** Share of members in a second organisation. */
  secondOrganisationShare: number;
  spaces: number;
  bigSpaceMembers: number;
  modules: number;
  lessonsPerModule: number;
  /** lesson_progress rows aimed at (fewer when the members and modules cannot hold that many). */
  lessonProgress: number;
  seminars: number;
  sampleMembers: number;
  sampleLessons: number;
}

const FULL = {
  regions: [6, 2],
  organisations: [40, 2],
  members: [50_000, 20],
  spaces: [60, 2],
  bigSpaceMembers: [20_000, 10],
  modules: [400, 4],
  lessonProgress: [2_000_000, 1],
  seminars: [500, 3],
} as const;

const scaled = (key: keyof typeof FULL, scale: number) =>
  Math.max(FULL[key][1], Math.round(FULL[key][0] * scale));

export function planFor(scale: number): Plan {
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`the scale must be a positive number (got ${scale})`);
  const members = scaled('members', scale);
  return {
    scale,
    regions: scaled('regions', scale),
    organisations: Math.min(members, scaled('organisations', scale)),
    members,
    secondOrganisationShare: 0.15,
    spaces: scaled('spaces', scale),
    bigSpaceMembers: Math.min(members, scaled('bigSpaceMembers', scale)),
    modules: scaled('modules', scale),
    lessonsPerModule: 10,
    lessonProgress: scaled('lessonProgress', scale),
    seminars: scaled('seminars', scale),
    sampleMembers: 200,
    sampleLessons: 200,
  };
}

/** A small seeded generator (mulberry32): the same scale gives the same structure. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
  /** An index drawn with probability proportional to `weights[i]`. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}
