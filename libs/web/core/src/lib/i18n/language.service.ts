import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LANGUAGE, Language, directionOf } from '@pratique/contracts';
import { firstValueFrom } from 'rxjs';
import { AccountsApi } from '../api/accounts.api';
import { SessionStore } from '../auth/session.store';
import { LANGUAGE_STORAGE_KEY, documentAttributesFor, initialLanguage } from './language';

/**
 * The interface language: drives transloco, `<html lang dir>`, the choice stored on this
 * device and, when signed in, the user's `preferredLanguage`.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly session = inject(SessionStore);
  private readonly accounts = inject(AccountsApi);

  readonly current = signal<Language>(DEFAULT_LANGUAGE);
  readonly dir = computed(() => directionOf(this.current()));

  /** At start: the language stored on this device, translations loaded before first paint. */
  async init(): Promise<void> {
    await this.apply(initialLanguage(this.readStored()), false);
  }

  /** Applies a language without telling the server (e.g. the user's own preference after sign-in). */
  async apply(lang: Language, persist = true): Promise<void> {
    try {
      await firstValueFrom(this.transloco.load(lang));
    } catch {
      // Translations failed to load: still switch, transloco falls back to keys.
    }
    this.transloco.setActiveLang(lang);
    const attrs = documentAttributesFor(lang);
    const html = this.document.documentElement;
    html.setAttribute('lang', attrs.lang);
    html.setAttribute('dir', attrs.dir);
    this.current.set(lang);
    if (persist) this.store(lang);
  }

  /** The reader picked a language: apply it, remember it, and save it to their profile. */
  async change(lang: Language): Promise<void> {
    await this.apply(lang, true);
    const user = this.session.user();
    if (user && user.preferredLanguage !== lang) {
      this.session.user.set({ ...user, preferredLanguage: lang });
      try {
        await firstValueFrom(this.accounts.updateMe({ preferredLanguage: lang }));
      } catch {
        // The choice still holds on this device; the profile will catch up next time.
      }
    }
  }

  private readStored(): string | null {
    try {
      return this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
  private store(lang: Language): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Storage may be disabled (private mode): the choice lasts for this visit only.
    }
  }
}
