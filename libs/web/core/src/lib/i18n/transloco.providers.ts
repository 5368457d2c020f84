import { HttpClient } from '@angular/common/http';
import { EnvironmentProviders, Injectable, Provider, inject, isDevMode } from '@angular/core';
import {
  Translation,
  TranslocoLoader,
  provideTransloco,
  provideTranslocoTranspiler,
} from '@jsverse/transloco';
import { DEFAULT_LANGUAGE, LANGUAGES } from '@pratique/contracts';
import { SinglePassTranspiler } from './single-pass-transpiler';

/** Loads `/i18n/<lang>.json` from the app's public folder. */
@Injectable({ providedIn: 'root' })
export class HttpTranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);
  getTranslation(lang: string) {
    return this.http.get<Translation>(`/i18n/${lang}.json`);
  }
}

export function provideI18n(): (Provider | EnvironmentProviders)[] {
  return [
    ...provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: HttpTranslationLoader,
    }),
    // Parameters (names, titles people write) are put in once and shown as written.
    provideTranslocoTranspiler(SinglePassTranspiler),
  ];
}
