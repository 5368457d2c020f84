/**
 * fast-check arbitraries for hostile input: unicode edge cases, numbers JSON cannot carry, ids
 * that are malformed or name nothing, nested junk, prototype-pollution keys, malformed JSON,
 * wrong content types — and, from a DTO's declared contract, values that break one field for
 * sure (`certainBreaker`) or sit on its edge (`edgeValue`: valid or not, never a 500).
 */
import fc from 'fast-check';
import { allowedValuesOf, FieldContract, isFreeText, maxLengthOf, maxOf, minLengthOf, minOf } from './contract';

/** A token written into the JSON text as is (`1e400`, `NaN`): JSON.stringify cannot produce it. */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** JSON text of `value`, keeping own `__proto__` keys and RawJson tokens. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .map((k) => `${JSON.stringify(k)}:${toJsonText(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A copy of `object` with an own, enumerable `key` (works for `__proto__`). */
export function withOwnKey<T extends object>(object: T, key: string, value: unknown): T {
  const copy = Array.isArray(object) ? ([...object] as T) : ({ ...object } as T);
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

export function clone<T>(value: T): T {
  if (value instanceof RawJson) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value !== null && typeof value === 'object') {
    let copy = {} as T;
    for (const k of Object.keys(value)) copy = withOwnKey(copy as object, k, clone((value as Record<string, unknown>)[k])) as T;
    return copy;
  }
  return value;
}

// ---------- text ----------

export const UNICODE_EDGES: readonly string[] = [
  '\u0000',
  'nul\u0000inside',
  '\ud800',
  'lone\udfffsurrogate',
  '\udbff\u0041',
  '\u202eevil\u202c',
  'invoice\u202egpj.exe',
  '\u2066isolate\u2069',
  '\u200f\u200e\u061c',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357a\u0358\u0359\u035a\u035bl\u035c\u035d\u035eg\u035f\u0360o',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇹🇳',
  '\ufeffbom',
  '\u2028line\u2029para',
  '\uffff\ufffe',
  '\ufffd',
  'ﷺ',
  '𝕳𝖊𝖑𝖑𝖔',
  'İstanbul ß ǅ',
  '\u0085\u007f',
  '\r\n\t',
  '\u00a0\u3000\u200b',
  'مرحبا بالعالم',
  'שלום',
  '%00%ff',
  '%s%n%x',
  '{{7*7}}${7*7}',
  "'; DROP TABLE app_user; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'NaN',
  'null',
  '[object Object]',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const bidi = fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c');
const combining = fc.integer({ min: 0x300, max: 0x36f }).map((c) => String.fromCharCode(c));

/** Text made of the characters that break naive code: NUL, lone surrogates, bidi overrides, combining marks, emoji. */
export const unicodeEdge: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc
    .array(fc.oneof(fc.constantFrom(...UNICODE_EDGES), loneSurrogate, control, bidi, combining, fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 4 })), {
      minLength: 1,
      maxLength: 6,
    })
    .map((parts) => parts.join('')),
);

/** `length` characters (UTF-16 units, none of them a surrogate pair) mixing ASCII and unicode edges. */
export function longText(length: number, seedChar = 'a'): string {
  const filler = ['é', 'ش', '\u202e', '\u0301', seedChar, seedChar, seedChar, ' '];
  let s = '';
  for (let i = 0; s.length < length; i++) s += filler[i % filler.length];
  return s.slice(0, length);
}

/** ≥ 100 kB of text (ASCII, so it fits the 300 kB JSON limit with room). */
export const HUGE_FIELD = 'A'.repeat(100_001);

// ---------- numbers ----------

export const NUMBER_EDGES: readonly unknown[] = [
  -1,
  -0.5,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 63),
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('123456789012345678901234567890'),
];

// ---------- ids ----------

/** Path-parameter values that are malformed, or well formed and naming nothing. `raw` ones are sent unencoded. */
export const hostileParam: fc.Arbitrary<{ value: string; raw: boolean }> = fc.oneof(
  fc.uuid().map((value) => ({ value, raw: false })),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff').map((value) => ({ value, raw: false })),
  fc
    .tuple(fc.uuid(), fc.constantFrom('\u0000', '\u0301', '\u202e', ' ', "' OR 1=1 --", '}', '%00', '\ud800'))
    .map(([u, tail]) => ({ value: u + tail, raw: false })),
  fc.uuid().map((u) => ({ value: `{${u}}`, raw: false })),
  fc.uuid().map((u) => ({ value: u.replace(/-/g, ''), raw: false })),
  fc.uuid().map((u) => ({ value: u.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))), raw: false })), // fullwidth digits
  fc
    .constantFrom('0', '-1', '1e400', 'NaN', 'null', 'undefined', 'true', '[]', '{}', '9'.repeat(40), '-9223372036854775809', '9223372036854775808', '1.5', '0x1F', ' ', 'me', '*', "'", '"', '\\', ';', 'ÿ', '١٢٣', '../../etc/passwd', '..\\..\\x', '/etc/passwd', '$where')
    .map((value) => ({ value, raw: false })),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AE', '%FF%FE', '%uD800').map((value) => ({ value, raw: true })),
  unicodeEdge.filter((s) => s.trim() !== '' && !/^\.+$/.test(s)).map((value) => ({ value, raw: false })),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !/^\.+$/.test(s) && !s.includes('/')).map((value) => ({ value, raw: false })),
  fc.constant({ value: 'x'.repeat(4000), raw: false }),
);

// ---------- junk ----------

/** `depth` nested arrays or objects, as raw JSON (building it with JSON.stringify would overflow the stack). */
function deep(depth: number, kind: 'array' | 'object'): RawJson {
  return new RawJson(kind === 'array' ? `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`);
}

/** Objects and arrays no field expects: deep nesting, shadowed toString/valueOf, operator keys, pollution keys. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    deep(64, 'array'),
    deep(64, 'object'),
    deep(5_000, 'array'),
    deep(20_000, 'object'),
    { toString: 1, valueOf: 1 },
    { toString: null },
    { $gt: '' },
    { $ne: null, $where: 'sleep(1000)' },
    { length: 1e9 },
    { 0: 'a', length: 1 },
    [null],
    [[]],
    [{}],
    {},
    [],
  ),
  fc.constant(withOwnKey({}, '__proto__', { isAdmin: true, role: 'admin' })),
  fc.constant({ constructor: { prototype: { isAdmin: true } } }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }),
);

/** Keys no DTO declares, including the prototype-pollution ones and privileged-sounding ones. */
export const UNKNOWN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'admin', 'roles', 'ownerId', 'userId', 'createdAt', 'deletedAt', 'passwordHash', 'seatsTaken', 'ratingAvg', '$where', ''];

// ---------- transport ----------

export const MALFORMED_JSON: readonly string[] = [
  '{',
  '}',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}}',
  '[1,2',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '{"a":0x10}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":"\\x41"}',
  '{"a":"\u0000"}',
  '{"a":"unterminated}',
  '\u0000',
  'tru',
  '{"__proto__":',
  '{"a":1}{"b":2}',
  '"a string"',
  '42',
  'null',
  '<json/>',
];

const XXE = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&e;&b;</x>`;

/** Bodies in a type the API does not read on JSON routes. */
export const WRONG_CONTENT: readonly { type: string; body: string | Buffer }[] = [
  { type: 'text/plain', body: '{"title":"plain text that looks like JSON"}' },
  { type: 'text/plain; charset=utf-8', body: 'hello\u0000world' },
  { type: 'application/x-www-form-urlencoded', body: 'a=1&__proto__[isAdmin]=true&constructor[prototype][x]=1' },
  { type: 'application/xml', body: XXE },
  { type: 'text/xml', body: XXE },
  { type: 'text/html', body: '<script>alert(1)</script>' },
  { type: 'application/octet-stream', body: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0xff, 0xfe, 0x00]) },
  { type: 'application/json-patch+json', body: '[{"op":"replace","path":"/role","value":"admin"}]' },
  { type: 'application/javascript', body: 'alert(1)' },
];

/** Always refused, whatever the method: the JSON parser cannot read them. */
export const UNREADABLE_JSON: readonly { type: string; body: string | Buffer; encoding?: string }[] = [
  { type: 'application/json; charset=latin1', body: '{"a":"\xe9"}' },
  { type: 'application/json; charset=x-unknown', body: '{"a":1}' },
  { type: 'application/json', body: Buffer.from('not gzip at all'), encoding: 'gzip' },
  { type: 'application/json', body: Buffer.from('not deflate'), encoding: 'deflate' },
  { type: 'application/json', body: '{"a":1}', encoding: 'x-unknown' },
];

/** A JSON body over the API's limit (≥ 1 MB). */
export const OVERSIZED_JSON = `{"pad":"${'x'.repeat(1_100_000)}"}`;

// ---------- breaking one field of a contract ----------

export interface Breaker {
  label: string;
  /** `undefined` with `remove` removes the field. */
  value?: unknown;
  remove?: boolean;
}

const lit = (label: string, value: unknown): Breaker => ({ label, value });

/** Values of a JSON type the field does not declare (never `null`: optional fields accept it). */
function wrongTypes(f: FieldContract): Breaker[] {
  const scalars: Breaker[] = [lit('number', 42), lit('float', -1.5), lit('boolean', true), lit('object', { a: 1 }), lit('array', ['a'])];
  switch (f.kind) {
    case 'string':
      return scalars.filter((b) => typeof b.value !== 'string');
    case 'int':
    case 'number':
      return f.converted ? [lit('object', { a: 1 })] : [lit('numeric string', '5'), lit('"NaN"', 'NaN'), lit('boolean', false), lit('object', { a: 1 }), lit('array', [1])];
    case 'boolean':
      return f.converted ? [lit('object', { a: 1 }), lit('number', 2)] : [lit('"true"', 'true'), lit('0', 0), lit('1', 1), lit('"yes"', 'yes'), lit('object', { a: 1 }), lit('array', [true])];
    case 'object':
      return [lit('string', 'an object was expected'), lit('number', 7), lit('boolean', true), lit('array', [{ a: 1 }])];
    case 'array':
      return [lit('string', 'a,b'), lit('number', 7), lit('object', { 0: 'a' }), lit('boolean', false)];
    default:
      return [];
  }
}

function formatBreakers(f: FieldContract): Breaker[] {
  const out: Breaker[] = [];
  const c = f.checks;
  const keep = (s: string) => !f.converted || s === s.trim();
  if (c.has('isUuid'))
    out.push(
      ...['not-a-uuid', '123', '00000000-0000-0000-0000-00000000000\u0301', '\u202e00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000\u0000', '{00000000-0000-4000-8000-000000000000}', '🆔'].map((v) => lit(`bad uuid ${JSON.stringify(v)}`, v)),
    );
  const allowed = allowedValuesOf(f);
  if (allowed && allowed.every((v) => typeof v === 'string')) {
    const first = allowed[0] as string;
    const candidates = [`${first}\u0000`, `\u202e${first}`, first.toUpperCase() === first ? `${first}x` : first.toUpperCase(), `${first}\u0301`, 'ｆｒ', '__proto__', 'constructor', '*'];
    out.push(...candidates.filter((v) => !allowed.includes(v)).map((v) => lit(`not one of the values ${JSON.stringify(v)}`, v)));
  }
  if (c.has('isIso8601'))
    out.push(...['2026-02-30T10:00:00Z', '2026-13-01T00:00:00Z', 'tomorrow', '1e10', '2026-12-01T09:00:00Z\u0000', '٢٠٢٦-١٢-٠١'].map((v) => lit(`bad date ${JSON.stringify(v)}`, v)));
  if (c.has('isUrl')) out.push(...['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'not a url', 'ftp://example.org/x', 'https://'].map((v) => lit(`bad url ${JSON.stringify(v)}`, v)));
  if (c.has('isEmail')) out.push(...['a', 'a@', '@b.tn', 'a@b.tn\u0000', 'a b@c.tn', 'a@b@c.tn'].map((v) => lit(`bad e-mail ${JSON.stringify(v)}`, v)));
  const pattern = c.get('matches')?.[0] as RegExp | undefined;
  if (pattern) {
    const candidates = ['\u0000', 'a\u0000b', 'UPPER CASE', '../x', '<b>', '\u202eabc', '   ', '\t\n', '', 'é'.repeat(3), '-', 'a'.repeat(81)];
    out.push(...candidates.filter((v) => keep(v) && !pattern.test(f.converted ? v.trim() : v)).map((v) => lit(`not matching ${pattern} ${JSON.stringify(v)}`, v)));
  }
  if (c.has('isNotEmpty')) out.push(lit('empty', ''), ...(f.converted ? [lit('blank', ' \t ')] : []));
  const min = minLengthOf(f);
  if (min !== undefined && min > 1) out.push(lit(`${min - 1} characters (at least ${min})`, 'x'.repeat(min - 1)));
  const max = maxLengthOf(f);
  if (max !== undefined) {
    out.push(lit(`${max + 1} characters (limit ${max})`, longText(max + 1)));
    if (max < 100_000) out.push(lit(`100 kB string (limit ${max})`, HUGE_FIELD));
  }
  return out;
}

function rangeBreakers(f: FieldContract): Breaker[] {
  if (f.kind !== 'int' && f.kind !== 'number') return [];
  const out: Breaker[] = [lit('1e400 (Infinity)', new RawJson('1e400')), lit('-1e400', new RawJson('-1e400'))];
  if (f.kind === 'int') out.push(lit('not whole', 2.5));
  const min = minOf(f);
  const max = maxOf(f);
  if (min !== undefined) out.push(lit(`${min} - 1`, min - 1), lit('-2^63', -(2 ** 63)));
  if (max !== undefined) out.push(lit(`${max} + 1`, max + 1), lit('2^53 + 2', 2 ** 53 + 2), lit('2^31', 2 ** 31 > max ? 2 ** 31 : max + 10));
  return out;
}

function arrayBreakers(f: FieldContract, current: unknown): Breaker[] {
  if (f.kind !== 'array') return [];
  const out: Breaker[] = [];
  const item = Array.isArray(current) && current.length > 0 ? current[0] : 'x';
  const maxSize = f.checks.get('arrayMaxSize')?.[0] as number | undefined;
  if (maxSize !== undefined) out.push(lit(`${maxSize + 1} items (limit ${maxSize})`, Array.from({ length: maxSize + 1 }, () => clone(item))));
  const minSize = f.checks.get('arrayMinSize')?.[0] as number | undefined;
  if (minSize !== undefined && minSize > 0) out.push(lit(`empty list (at least ${minSize})`, []));
  if (f.eachChecks.has('isString') || f.eachChecks.has('isUuid')) out.push(lit('a number among the items', [clone(item), 12]), lit('an object among the items', [{ $gt: '' }]));
  if (f.nestedEach) out.push(lit('a string among the items', ['not an object']), lit('null among the items', [null]));
  return out;
}

/**
 * Breakers that make the field invalid whatever the rest of the body: wrong types, bad formats,
 * out-of-range numbers, too long, too many items, left out when required, null when not nullable,
 * nested junk. `object` is the object holding the field (for `ValidateIf` conditions).
 */
export function certainBreakers(f: FieldContract, object: Record<string, unknown>, validated: (value: unknown) => boolean, missingAllowed: boolean): Breaker[] {
  const out = [...wrongTypes(f), ...formatBreakers(f), ...rangeBreakers(f), ...arrayBreakers(f, object[f.name])];
  if (f.kind !== 'object' && f.kind !== 'array' && f.kind !== 'free') out.push(lit('deeply nested arrays', deep(64, 'array')), lit('shadowed toString', { toString: 1, valueOf: 1 }), lit('operator object', { $gt: '' }));
  if (f.kind === 'object' && f.nested) out.push(lit('unknown keys inside', withOwnKey({ isAdmin: true }, '__proto__', { polluted: true })));
  if (!missingAllowed) out.push({ label: 'left out', remove: true });
  if (f.kind !== 'free') out.push(lit('null', null));
  // Only values the field's conditions actually validate (ValidateIf(v => v !== null) skips null…).
  return out.filter((b) => (b.remove ? !missingAllowed : validated(b.value)));
}

/** Values on the edge of the contract: valid or refused, the answer is never a 500. */
export function edgeValues(f: FieldContract, current: unknown): fc.Arbitrary<Breaker> | null {
  const max = maxLengthOf(f);
  if (isFreeText(f)) {
    const limit = max ?? 10_000;
    return fc.oneof(
      unicodeEdge.map((s) => lit(`unicode ${JSON.stringify(s)}`, Array.from(s).slice(0, limit).join(''))),
      fc.constant(lit(`exactly ${limit} characters`, longText(limit, 'b'))),
      fc.constant(lit(`${Math.min(limit, 60_000)} emoji`, '😀'.repeat(Math.min(limit, 60_000)))),
    );
  }
  if (f.kind === 'int' || f.kind === 'number') {
    const values = [minOf(f), maxOf(f), 0].filter((v): v is number => v !== undefined);
    return fc.constantFrom(...values.map((v) => lit(`edge number ${v}`, v)));
  }
  if (f.checks.has('isUuid')) {
    return fc.oneof(
      fc.uuid().map((u) => lit(`unknown id ${u}`, u)),
      fc.constant(lit('nil uuid', '00000000-0000-0000-0000-000000000000')),
      fc.uuid().map((u) => lit('unknown id in capitals', u.toUpperCase())),
    );
  }
  if (f.kind === 'free' || (f.kind === 'object' && !f.nested)) {
    return fc.oneof(
      junkValue.map((v) => lit('free-form junk', v)),
      unicodeEdge.map((s) => lit('free-form text', { [s]: s })),
    );
  }
  if (f.kind === 'array') {
    const items = Array.isArray(current) ? current : [];
    return fc.constantFrom(lit('empty list', []), lit('duplicated items', [...items, ...items].map(clone)));
  }
  return null;
}
