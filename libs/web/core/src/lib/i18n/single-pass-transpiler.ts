import { Injectable } from '@angular/core';
import { DefaultTranspiler, TranspileParams } from '@jsverse/transloco';
import { interpolateOnce } from './interpolate';

/**
 * Transloco's transpiler with one change: a sentence's parameters are put in once (see
 * `interpolateOnce`), so user text given as a parameter (names, titles) is shown as written,
 * whatever `{{ … }}` it holds. Objects and arrays of translations go through the default code.
 */
@Injectable()
export class SinglePassTranspiler extends DefaultTranspiler {
  override transpile(params: TranspileParams): unknown {
    const { value, params: values = {}, translation, key } = params;
    if (typeof value !== 'string') return super.transpile(params);
    return interpolateOnce(value, values as Record<string, unknown>, (name) => {
      const other = translation[name];
      return other === undefined || other === null
        ? undefined
        : String(this.transpile({ value: other, params: values, translation, key }));
    });
  }
}
