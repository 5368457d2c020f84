import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';

export const APP_NAME = 'Pratique';

/**
 * Route `title`s are translation keys; the page `<title>` becomes "<page> · Pratique" and
 * follows language switches. Routes without a title (a space page) set it themselves.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private key: string | undefined;

  constructor() {
    super();
    this.transloco.selectTranslation().subscribe(() => this.apply());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key = this.buildTitle(snapshot);
    this.apply();
  }

  private apply(): void {
    if (this.key) this.title.setTitle(`${this.transloco.translate(this.key)} · ${APP_NAME}`);
  }
}
