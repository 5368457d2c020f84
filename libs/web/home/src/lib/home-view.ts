import { inject } from '@angular/core';
import { Language, LocalizedText, pickLocalized } from '@pratique/contracts';
import { LanguageService } from '@pratique/web/core';
import { formatAge, formatCount, formatDay, formatPercent, formatRatio } from './home-format';
import { pluralKey } from './plural';

/**
 * What the three homes' templates share: the reader's language and the ways to write a title,
 * a date, a count, a percent and a plural in it. Each home component extends it.
 */
export abstract class HomeView {
  protected readonly lang = inject(LanguageService).current;

  /** A title in the reader's language (else its original), with the `lang`/`dir` to set on it. */
  protected pick(text: LocalizedText, original: Language) {
    return pickLocalized(text, this.lang(), original);
  }
  protected day(iso: string): string {
    return formatDay(iso, this.lang());
  }
  protected age(iso: string): string {
    return formatAge(iso, this.lang());
  }
  protected count(n: number): string {
    return formatCount(n, this.lang());
  }
  protected percent(p: number): string {
    return formatPercent(p, this.lang());
  }
  protected ratio(r: number): string {
    return formatRatio(r, this.lang());
  }
  /** The key of `homes.plural.<family>` for `n` in the reader's language (Arabic: six forms). */
  protected plural(family: string, n: number): string {
    return pluralKey(`homes.plural.${family}`, n, this.lang());
  }
}
