import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Type, computed, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { HOME_REQUESTS, Prefetch, SessionStore, loadScopes, primaryPersona } from '@pratique/web/core';
import { firstValueFrom } from 'rxjs';

/** The translation scopes the persona homes use (their own, and the notification sentences). */
const HOME_SCOPES = ['homes', 'notifications'];

/**
 * `/`: for a visitor, what Pratique is and how to join; for a signed-in person, the home of what
 * they come for most (staff: their region's seminars; animator: their spaces; member: their
 * learning), loaded lazily — the tabs lead to their other homes under /home.
 */
@Component({
  selector: 'pq-home-page',
  imports: [RouterLink, TranslocoPipe, NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.user()) {
      <div class="persona-home">
        @if (home(); as homeComponent) {
          <ng-container *ngComponentOutlet="homeComponent" />
        } @else {
          <p class="muted" role="status">{{ 'common.loading' | transloco }}</p>
        }
      </div>
    } @else {
      <section class="hero">
        <h1>{{ 'home.title' | transloco }}</h1>
        <p class="lead">{{ 'home.lead' | transloco }}</p>
        <div class="actions">
          <a class="btn btn-primary" routerLink="/spaces">{{ 'home.browseSpaces' | transloco }}</a>
          <a class="btn btn-secondary" routerLink="/sign-up">{{ 'home.join' | transloco }}</a>
        </div>
      </section>
      <section class="features" aria-labelledby="home-how">
        <h2 id="home-how">{{ 'home.howTitle' | transloco }}</h2>
        <ul class="feature-list">
          <li class="card">
            <h3>{{ 'home.learnTitle' | transloco }}</h3>
            <p>{{ 'home.learnText' | transloco }}</p>
          </li>
          <li class="card">
            <h3>{{ 'home.exchangeTitle' | transloco }}</h3>
            <p>{{ 'home.exchangeText' | transloco }}</p>
          </li>
          <li class="card">
            <h3>{{ 'home.meetTitle' | transloco }}</h3>
            <p>{{ 'home.meetText' | transloco }}</p>
          </li>
        </ul>
      </section>
    }
  `,
  // The home fills the screen from the first frame, so the footer never jumps as its blocks load.
  styles: `
    .persona-home {
      min-block-size: 100vh;
    }
  `,
})
export class HomePage {
  protected readonly session = inject(SessionStore);
  private readonly transloco = inject(TranslocoService);
  private readonly prefetch = inject(Prefetch);
  protected readonly home = signal<Type<unknown> | null>(null);
  /** Only a change of persona (not of name or language) swaps the home. */
  private readonly persona = computed(() => {
    const user = this.session.user();
    return user ? primaryPersona(user) : null;
  });

  constructor() {
    effect(() => {
      const persona = this.persona();
      this.home.set(null);
      if (!persona) return;
      this.prefetch.warm(HOME_REQUESTS[persona]);
      // The home and its words arrive together: it paints once, with its text (no layout shift).
      Promise.all([
        import('@pratique/web/home').then((m) => m.loadHome(persona)),
        firstValueFrom(loadScopes(this.transloco, HOME_SCOPES)),
      ])
        .then(([component]) => component)
        .then(
          (component) => {
            if (this.persona() === persona) this.home.set(component);
          },
          () => undefined,
        );
    });
  }
}
