/**
 * Puts parameters into a translated sentence: every `{{ name }}` of the sentence is replaced
 * once, in a single pass, and what a parameter brings is never read again. Transloco's default
 * transpiler re-scans the sentence after each replacement, so a parameter that holds `{{ … }}`
 * itself — a member named `{{constructor.constructor('…')()}}`, a space titled `{{ count }}` —
 * was interpolated in turn: its text vanished or became another value. User text is shown as
 * written. Only the parameters' own properties are read (no `constructor`, no prototype).
 *
 * A name that is no parameter is looked up as another key of the translation (`nested`), as
 * transloco does; unknown names give ''.
 */
export function interpolateOnce(
  sentence: string,
  params: Record<string, unknown>,
  nested: (key: string) => string | undefined,
): string {
  return sentence.replace(/{{([^{}]*?)}}/g, (_, raw: string) => {
    const name = raw.trim();
    const param = ownValue(params, name);
    if (param !== undefined && param !== null) return String(param);
    return nested(name) ?? '';
  });
}

/** `a.b` → params.a.b, through own properties only. */
function ownValue(params: Record<string, unknown>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(params, path)) return params[path];
  let at: unknown = params;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, part))
      return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
