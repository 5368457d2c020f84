/**
 * Reads what a SCORM package committed (the CMI data model) and keeps a bounded, known-keys copy.
 *
 * ## How the web player configures scorm-again (3.4.3) to reach this code
 *
 * Checked in node_modules/scorm-again (README "Available Settings", dist/esm/scorm12.js
 * `SynchronousHttpService`, `renderCommitCMI`, `DefaultSettings`):
 *
 * ```ts
 * import { Scorm12API } from 'scorm-again/scorm12';       // SCORM 1.2 → window.API
 * import { Scorm2004API } from 'scorm-again/scorm2004';   // SCORM 2004 → window.API_1484_11
 *
 * const settings = {
 *   lmsCommitUrl: `/api/scorm-attempts/${attemptId}/commit`, // same origin as the SPA
 *   dataCommitFormat: 'json',        // the default: POSTs `{ "cmi": { "core": {…}, "suspend_data": … } }`
 *                                    // — already the `{ cmi: {...} }` body the endpoint takes, so no
 *                                    //   requestHandler is needed (keep the default identity one; do NOT
 *                                    //   set renderCommonCommitFields, which would send
 *                                    //   `{ successStatus, completionStatus, runtimeData: { cmi } }` instead)
 *   commitRequestDataType: 'application/json;charset=UTF-8', // the default; our API refuses non-JSON writes (415)
 *   terminationCommitContentType: 'application/json',         // LMSFinish/Terminate is sent with
 *                                    // navigator.sendBeacon, whose default type is text/plain → 415 from
 *                                    // requireJsonForWrites. Same-origin beacons may carry application/json
 *                                    // (Chromium ≥ 81, Firefox, Safari).
 *   autocommit: true,                // commit a few seconds after each SetValue, not only on LMSCommit
 *   autocommitSeconds: 10,
 *   xhrWithCredentials: true,        // harmless same-origin; needed if the API is ever on another origin
 *   useAsynchronousCommits: false,   // the default: synchronous XHR, so LMSCommit returns the LMS's real answer
 *   sendFullCommit: true,            // the default
 *   logLevel: 4,                     // errors only
 * };
 * const api = new Scorm12API(settings);
 * api.loadFromJSON(lessonView.scorm.cmi);   // BEFORE the SCO calls LMSInitialize: resume state
 * window.API = api;                          // (2004: window.API_1484_11 = new Scorm2004API(settings))
 * ```
 *
 * scorm-again's `xhrResponseHandler` treats any 2xx as success unless the JSON body has a `result`
 * field; answer the commit with `{ "result": true, "errorCode": 0 }` (or `{ result: false,
 * errorCode: 101 }` on a refusal) and the SCO sees the real outcome. The SCO's iframe is on our
 * origin (assets served by the API), so cookies ride along. If a future release moves the API
 * to another origin, the beacon on terminate would need CORS; prefer `useAsynchronousCommits:
 * true` with `asyncModeBeaconBehavior: 'never'` (fetch with keepalive) in that case.
 *
 * Body size: with sendFullCommit every commit carries the whole CMI (SCORM 2004 suspend_data can
 * be 64 000 characters), so the commit route needs a JSON body limit of about 256 kB rather than
 * the global 100 kB.
 *
 * ## What this module does
 *
 * `interpretScormCommit(version, cmi)` accepts the nested object (`{ core: {...} }`), the same
 * wrapped in `{ cmi: ... }`, or the flattened form (`{ 'cmi.core.lesson_status': 'passed' }`),
 * and returns the statuses, a 0–100 score, whether the lesson counts as completed, the location
 * and suspend data, and `sanitizedCmi`: only the elements a SCO may write (plus total_time), with
 * bounded strings and collections, in scorm-again's nested JSON shape so it can be handed back to
 * `api.loadFromJSON()` on the next launch. LMS-owned elements (learner id and name, credit,
 * entry, mode, launch_data, mastery score…) are never taken from the client.
 */

export type ScormVersion = '1.2' | '2004';

export class ScormCommitError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'ScormCommitError';
  }
}

export interface ScormCommitInterpretation {
  /** SCORM 2004 vocabulary for both versions: completed | incomplete | not attempted | unknown. */
  completionStatus: string | null;
  /** passed | failed | unknown. */
  successStatus: string | null;
  /** 0–100, two decimals; null when the package reported no usable score. */
  scorePercent: number | null;
  /** 1.2: lesson_status passed or completed; 2004: completion_status completed or success_status passed. */
  completed: boolean;
  location: string | null;
  suspendData: string | null;
  sanitizedCmi: Record<string, unknown>;
}

export const CMI_LIMITS = {
  /** UTF-16 code units (what JavaScript and SCORM count). SCORM 2004 allows 64 000 characters. */
  suspendDataChars: 64 * 1024,
  stringChars: 4 * 1024,
  /** Budget for all strings of one commit together; collections past it are dropped. */
  totalChars: 256 * 1024,
  interactions: 250,
  objectives: 100,
  comments: 100,
  correctResponses: 10,
  interactionObjectives: 10,
} as const;

const LESSON_STATUS_12 = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'] as const;
const COMPLETION_2004 = ['completed', 'incomplete', 'not attempted', 'unknown'] as const;
const SUCCESS_2004 = ['passed', 'failed', 'unknown'] as const;

// ---------- the writable data model, as a schema ----------

/** A leaf: how long its string may be. A node: its children. A collection: the schema of one item and a max count. */
type Schema = { [key: string]: Schema | Leaf | Collection };
interface Leaf {
  leaf: true;
  max: number;
}
interface Collection {
  items: Schema;
  max: number;
}

const S: Leaf = { leaf: true, max: CMI_LIMITS.stringChars };
const SUSPEND: Leaf = { leaf: true, max: CMI_LIMITS.suspendDataChars };
const list = (items: Schema, max: number): Collection => ({ items, max });

const SCHEMA_12: Schema = {
  core: {
    lesson_location: S,
    lesson_status: S,
    exit: S,
    session_time: S,
    total_time: S,
    score: { raw: S, min: S, max: S },
  },
  suspend_data: SUSPEND,
  comments: S,
  student_preference: { audio: S, language: S, speed: S, text: S },
  objectives: list({ id: S, status: S, score: { raw: S, min: S, max: S } }, CMI_LIMITS.objectives),
  interactions: list(
    {
      id: S,
      time: S,
      type: S,
      weighting: S,
      student_response: S,
      result: S,
      latency: S,
      objectives: list({ id: S }, CMI_LIMITS.interactionObjectives),
      correct_responses: list({ pattern: S }, CMI_LIMITS.correctResponses),
    },
    CMI_LIMITS.interactions,
  ),
};

const SCORE_2004: Schema = { scaled: S, raw: S, min: S, max: S };
const SCHEMA_2004: Schema = {
  location: S,
  completion_status: S,
  success_status: S,
  exit: S,
  session_time: S,
  total_time: S,
  progress_measure: S,
  score: SCORE_2004,
  suspend_data: SUSPEND,
  learner_preference: { audio_level: S, language: S, delivery_speed: S, audio_captioning: S },
  comments_from_learner: list({ comment: S, location: S, timestamp: S }, CMI_LIMITS.comments),
  objectives: list(
    {
      id: S,
      score: SCORE_2004,
      success_status: S,
      completion_status: S,
      progress_measure: S,
      description: S,
    },
    CMI_LIMITS.objectives,
  ),
  interactions: list(
    {
      id: S,
      type: S,
      timestamp: S,
      weighting: S,
      learner_response: S,
      result: S,
      latency: S,
      description: S,
      objectives: list({ id: S }, CMI_LIMITS.interactionObjectives),
      correct_responses: list({ pattern: S }, CMI_LIMITS.correctResponses),
    },
    CMI_LIMITS.interactions,
  ),
};

/** Keys handled first, so the budget never squeezes out what the LMS needs to record progress. */
const PRIORITY = ['core', 'location', 'completion_status', 'success_status', 'score', 'suspend_data'];

function isLeaf(s: Schema | Leaf | Collection): s is Leaf {
  return (s as Leaf).leaf === true;
}
function isCollection(s: Schema | Leaf | Collection): s is Collection {
  return (s as Collection).items !== undefined && typeof (s as Collection).max === 'number';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** `{ 'cmi.core.score.raw': '80', 'cmi.interactions.0.id': 'q1' }` → nested (without the `cmi` level). */
function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(flat)) {
    const parts = rawKey
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter((p) => p !== '');
    if (parts[0] === 'cmi') parts.shift();
    if (parts.length === 0 || parts.length > 8 || parts.some((p) => FORBIDDEN_KEYS.has(p))) continue;
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (isPlainObject(next)) node = next;
      else {
        const created: Record<string, unknown> = {};
        node[part] = created;
        node = created;
      }
    }
    node[parts[parts.length - 1]] = value;
  }
  return root;
}

function normaliseShape(cmi: Record<string, unknown>): Record<string, unknown> {
  // `{ cmi: {...} }` — the whole commit body, or scorm-again's json format passed as is.
  if (isPlainObject(cmi['cmi'])) return normaliseShape(cmi['cmi']);
  const keys = Object.keys(cmi);
  if (keys.some((k) => k.includes('.') || k.includes('['))) return unflatten(cmi);
  return cmi;
}

class Budget {
  constructor(public left: number) {}
}

/** Cuts a string to `max` UTF-16 units without splitting a surrogate pair. */
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return value.slice(0, end);
}

function leafValue(value: unknown, leaf: Leaf, budget: Budget, key: string): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'boolean') text = String(value);
  else return undefined;
  // eslint-disable-next-line no-control-regex
  text = text.replace(/\u0000/g, ''); // PostgreSQL jsonb refuses NUL
  if (key === 'suspend_data' && text.length > leaf.max) {
    // Cutting suspend data would hand the SCO a corrupted state on resume: drop it instead.
    return undefined;
  }
  text = cut(text, leaf.max);
  if (text.length > budget.left) return undefined;
  budget.left -= text.length;
  return text;
}

function collectionItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value)) {
    // scorm-again renders CMI arrays as objects keyed "0", "1", …
    return Object.keys(value)
      .filter((k) => /^\d{1,4}$/.test(k))
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => value[k]);
  }
  return [];
}

function sanitizeNode(
  input: Record<string, unknown>,
  schema: Schema,
  budget: Budget,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(schema).sort((a, b) => rank(a) - rank(b));
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
    const spec = schema[key];
    const value = input[key];
    if (isLeaf(spec)) {
      const text = leafValue(value, spec, budget, key);
      if (text !== undefined) out[key] = text;
    } else if (isCollection(spec)) {
      const items: Record<string, unknown> = {};
      let n = 0;
      for (const item of collectionItems(value).slice(0, spec.max)) {
        if (!isPlainObject(item)) continue;
        const clean = sanitizeNode(item, spec.items, budget);
        if (Object.keys(clean).length === 0) continue;
        items[String(n++)] = clean;
      }
      if (n > 0) out[key] = items;
    } else if (isPlainObject(value)) {
      const clean = sanitizeNode(value, spec, budget);
      if (Object.keys(clean).length > 0) out[key] = clean;
    }
  }
  return out;
}

function rank(key: string): number {
  const i = PRIORITY.indexOf(key);
  return i === -1 ? PRIORITY.length : i;
}

// ---------- interpretation ----------

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

function clampPercent(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;
}

/** raw/min/max → percent; without a usable range, a raw score is read as a percent already. */
function percentFromRaw(
  score: Record<string, unknown> | undefined,
  defaultMax: number | null,
): number | null {
  if (!score) return null;
  const raw = toNumber(score['raw']);
  if (raw === null) return null;
  const min = toNumber(score['min']) ?? 0;
  const max = toNumber(score['max']) ?? defaultMax;
  if (max !== null && max > min) return clampPercent(((raw - min) / (max - min)) * 100);
  return clampPercent(raw);
}

function vocab<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  return (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function interpretScormCommit(version: ScormVersion, cmi: unknown): ScormCommitInterpretation {
  if (version !== '1.2' && version !== '2004')
    throw new ScormCommitError('version', "must be '1.2' or '2004'");
  if (!isPlainObject(cmi)) throw new ScormCommitError('cmi', 'must be an object');

  const shaped = normaliseShape(cmi);
  const budget = new Budget(CMI_LIMITS.totalChars);
  const sanitizedCmi = sanitizeNode(shaped, version === '1.2' ? SCHEMA_12 : SCHEMA_2004, budget);

  if (version === '1.2') {
    const core = (sanitizedCmi['core'] as Record<string, unknown> | undefined) ?? {};
    const status = vocab(core['lesson_status'], LESSON_STATUS_12);
    let completionStatus: string | null = null;
    let successStatus: string | null = null;
    if (status) {
      // The same mapping scorm-again uses for its structured commits (renderCommitObject).
      completionStatus =
        status === 'passed' || status === 'completed'
          ? 'completed'
          : status === 'not attempted'
            ? 'not attempted'
            : 'incomplete';
      successStatus = status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'unknown';
    }
    return {
      completionStatus,
      successStatus,
      scorePercent: percentFromRaw(core['score'] as Record<string, unknown> | undefined, 100),
      completed: status === 'passed' || status === 'completed',
      location: str(core['lesson_location']),
      suspendData: str(sanitizedCmi['suspend_data']),
      sanitizedCmi,
    };
  }

  const completionStatus = vocab(sanitizedCmi['completion_status'], COMPLETION_2004);
  const successStatus = vocab(sanitizedCmi['success_status'], SUCCESS_2004);
  const score = sanitizedCmi['score'] as Record<string, unknown> | undefined;
  const scaled = score ? toNumber(score['scaled']) : null;
  const scorePercent = scaled !== null ? clampPercent(scaled * 100) : percentFromRaw(score, null);
  return {
    completionStatus,
    successStatus,
    scorePercent,
    completed: completionStatus === 'completed' || successStatus === 'passed',
    location: str(sanitizedCmi['location']),
    suspendData: str(sanitizedCmi['suspend_data']),
    sanitizedCmi,
  };
}
