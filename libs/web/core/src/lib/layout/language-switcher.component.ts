import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LANGUAGES, Language } from '@pratique/contracts';
import { LANGUAGE_ENDONYMS, parseLanguage } from '../i18n/language';
import { LanguageService } from '../i18n/language.service';

/** A labelled `<select>`; each option names its language in that language. */
@Component({
  selector: 'pq-language-switcher',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="lang-label" for="pq-language">{{ 'shell.language' | transloco }}</label>
    <select id="pq-language" class="lang-select" [value]="language.current()" (change)="pick($event)">
      @for (lang of languages; track lang) {
        <option [value]="lang" [attr.lang]="lang" [selected]="lang === language.current()">
          {{ names[lang] }}
        </option>
      }
    </select>
  `,
})
export class LanguageSwitcherComponent {
  protected readonly language = inject(LanguageService);
  protected readonly languages: readonly Language[] = LANGUAGES;
  protected readonly names = LANGUAGE_ENDONYMS;

  pick(event: Event): void {
    const lang = parseLanguage((event.target as HTMLSelectElement).value);
    if (lang) void this.language.change(lang);
  }
}
