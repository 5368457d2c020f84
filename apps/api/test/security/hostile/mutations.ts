/**
 * One field broken at a time in an otherwise valid body (or query), driven by the DTO's declared
 * contract: `certainMutation` surely breaks it (the answer must be 400 naming that field),
 * `edgeMutation` sits on its edge (any answer but a 500; a refusal writes nothing).
 */
import { Type } from '@nestjs/common';
import fc from 'fast-check';
import { contractOf, FieldContract, isFreeText, isValidatedWith, maxLengthOf, mayBeMissing } from './contract';
import { encodeAny } from './routes';
import { Breaker, certainBreakers, clone, edgeValues, junkValue, unicodeEdge, UNKNOWN_KEYS, withOwnKey } from './generators';

type Path = (string | number)[];

export interface Mutation {
  label: string;
  body: unknown;
  /** The dotted path the 400 must name (`title.fr`, `rule.requirements.0.moduleId`). */
  field: string;
}

interface Target {
  path: Path;
  field: FieldContract;
}

interface Container {
  path: Path;
  dto: Type<unknown>;
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], root);
}

/** Every field a body can hold, following nested DTOs through the sample's values. */
function walk(dto: Type<unknown>, value: unknown, prefix: Path, targets: Target[], containers: Container[]): void {
  containers.push({ path: prefix, dto });
  const object = (value ?? {}) as Record<string, unknown>;
  for (const field of contractOf(dto)) {
    const path = [...prefix, field.name];
    targets.push({ path, field });
    const v = object[field.name];
    if (!field.nested) continue;
    if (field.nestedEach && Array.isArray(v) && v.length > 0) walk(field.nested, v[0], [...path, 0], targets, containers);
    else if (!field.nestedEach && v !== null && typeof v === 'object') walk(field.nested, v, path, targets, containers);
  }
}

function describe(dto: Type<unknown>, sample: unknown): { targets: Target[]; containers: Container[] } {
  const targets: Target[] = [];
  const containers: Container[] = [];
  walk(dto, sample, [], targets, containers);
  return { targets, containers };
}

/** `sample` with the value at `path` replaced (or removed), other fields untouched. */
export function applyAt(sample: unknown, path: Path, breaker: Breaker): unknown {
  const body = clone(sample) as Record<string | number, unknown>;
  const parent = at(body, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (breaker.remove) delete parent[key];
  else Object.defineProperty(parent, key, { value: breaker.value, enumerable: true, writable: true, configurable: true });
  return body;
}

function breakersFor(t: Target, sample: unknown): Breaker[] {
  const object = (at(sample, t.path.slice(0, -1)) ?? {}) as Record<string, unknown>;
  return certainBreakers(
    t.field,
    object,
    (value) => isValidatedWith(t.field, object, value),
    mayBeMissing(t.field, object),
  );
}

/** A body with one field surely broken, or one unknown key added at some level. */
export function certainMutation(dto: Type<unknown>, sample: unknown): fc.Arbitrary<Mutation> {
  const { targets, containers } = describe(dto, sample);
  const fieldCases = targets.flatMap((t) => breakersFor(t, sample).map((b) => ({ t, b })));
  const options: fc.Arbitrary<Mutation>[] = [];
  if (fieldCases.length > 0)
    options.push(
      fc.constantFrom(...fieldCases).map(({ t, b }) => ({
        label: `${t.path.join('.')}: ${b.label}`,
        body: applyAt(sample, t.path, b),
        field: t.path.join('.'),
      })),
    );
  options.push(
    fc.tuple(fc.constantFrom(...containers), fc.constantFrom(...UNKNOWN_KEYS), junkValue).filter(([c, key]) => !contractOf(c.dto).some((f) => f.name === key)).map(([c, key, value]) => {
      const body = clone(sample) as Record<string, unknown>;
      const parentPath = c.path;
      const parent = (parentPath.length ? at(body, parentPath) : body) as Record<string, unknown>;
      const replaced = withOwnKey(parent, key, value);
      const result = parentPath.length ? (applyAt(body, parentPath, { label: '', value: replaced }) as Record<string, unknown>) : replaced;
      return { label: `unknown key ${JSON.stringify([...parentPath, key].join('.'))}`, body: result, field: [...parentPath, key].join('.') };
    }),
  );
  return fc.oneof(...options);
}

/** A body with one field on the edge of its contract (unicode text within the limit, boundary numbers, unknown ids…). */
export function edgeMutation(dto: Type<unknown>, sample: unknown): fc.Arbitrary<Mutation> | null {
  const { targets } = describe(dto, sample);
  const options: fc.Arbitrary<Mutation>[] = [];
  for (const t of targets) {
    const object = (at(sample, t.path.slice(0, -1)) ?? {}) as Record<string, unknown>;
    const arb = edgeValues(t.field, object[t.field.name]);
    if (!arb) continue;
    options.push(arb.map((b) => ({ label: `${t.path.join('.')}: ${b.label}`, body: applyAt(sample, t.path, b), field: t.path.join('.') })));
    // Inside a free-form object (lesson content, SCORM CMI, quiz answers): junk one level down.
    const inner = object[t.field.name];
    if (t.field.kind === 'object' && !t.field.nested && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      const keys = Object.keys(inner);
      if (keys.length)
        options.push(
          fc.tuple(fc.constantFrom(...keys), fc.oneof(junkValue, unicodeEdge, fc.constantFrom<unknown>(null, -1, 1e308, true))).map(([k, v]) => ({
            label: `${t.path.join('.')}.${k}: free-form edge`,
            body: applyAt(sample, [...t.path, k], { label: '', value: v }),
            field: `${t.path.join('.')}.${k}`,
          })),
        );
    }
  }
  return options.length ? fc.oneof(...options) : null;
}

// ---------- queries ----------

export interface QueryMutation {
  label: string;
  /** The raw query string, without `?`. */
  query: string;
  field: string;
}

const enc = encodeAny;

function queryString(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');
}

/** Query values (always text) that surely break one field of a query DTO, or an unknown or repeated key. */
export function certainQueryMutation(dto: Type<unknown>, valid: Record<string, string>): fc.Arbitrary<QueryMutation> {
  const fields = contractOf(dto);
  const cases: QueryMutation[] = [];
  const base = queryString(valid);
  const join = (extra: string) => [base, extra].filter(Boolean).join('&');
  for (const f of fields) {
    const bad: string[] = [];
    if (f.kind === 'int' || f.kind === 'number') {
      bad.push('abc', '1e400', 'Infinity', '١', '[1]', '{"$gt":0}');
      if (f.kind === 'int') bad.push('1.5');
      const min = f.checks.get('min')?.[0] as number | undefined;
      const max = f.checks.get('max')?.[0] as number | undefined;
      if (min !== undefined) bad.push(String(min - 1), '-9223372036854775809');
      if (max !== undefined) bad.push(String(max + 1), '9'.repeat(30));
    } else if (f.kind === 'boolean') {
      bad.push('yes', '1', 'TRUE', 'on', '\u0000');
    } else if (f.kind === 'string' && !isFreeText(f)) {
      bad.push('\u0000', '\u202e', 'not-valid-here', '__proto__', '../../etc/passwd');
    }
    const max = maxLengthOf(f);
    if (max !== undefined && max < 5_000) bad.push('q'.repeat(max + 1));
    for (const v of bad) {
      const values = { ...valid, [f.name]: v };
      cases.push({ label: `?${f.name}=${JSON.stringify(v).slice(0, 40)}`, query: queryString(values), field: f.name });
    }
    // A repeated key arrives as a list, which no field declares.
    cases.push({ label: `?${f.name} twice`, query: join(`${enc(f.name)}=a&${enc(f.name)}=b`), field: f.name });
  }
  for (const key of ['__proto__', 'constructor', 'isAdmin', 'where', 'q[a]', 'page[]', '\u0000']) {
    if (fields.some((f) => f.name === key)) continue;
    cases.push({ label: `unknown query key ${JSON.stringify(key)}`, query: join(`${enc(key)}=1`), field: key });
  }
  return fc.constantFrom(...cases);
}

/** Free-text query values on their edge (search terms with NUL, bidi overrides…): never a 500. */
export function edgeQueryMutation(dto: Type<unknown>, valid: Record<string, string>): fc.Arbitrary<QueryMutation> | null {
  const texts = contractOf(dto).filter(isFreeText);
  if (!texts.length) return null;
  return fc.tuple(fc.constantFrom(...texts), unicodeEdge).map(([f, s]) => {
    const limit = maxLengthOf(f) ?? 1000;
    const v = Array.from(s).slice(0, limit).join('');
    return { label: `?${f.name}=${JSON.stringify(v)}`, query: queryString({ ...valid, [f.name]: v }), field: f.name };
  });
}
