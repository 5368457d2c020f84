import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Type, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '@pratique/web/core';

@Component({
  selector: 'pq-home-page',
  imports: [RouterLink, TranslocoPipe, NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="hero">
      <h1>{{ 'home.title' | transloco }}</h1>
      @if (session.user(); as user) {
        <p class="lead">{{ 'home.welcomeBack' | transloco: { name: user.displayName } }}</p>
      } @else {
        <p class="lead">{{ 'home.lead' | transloco }}</p>
      }
      <div class="actions">
        <a class="btn btn-primary" routerLink="/spaces">{{ 'home.browseSpaces' | transloco }}</a>
        @if (session.signedIn()) {
          <a class="btn btn-secondary" routerLink="/my-spaces">{{ 'nav.mySpaces' | transloco }}</a>
        } @else {
          <a class="btn btn-secondary" routerLink="/sign-up">{{ 'home.join' | transloco }}</a>
        }
      </div>
    </section>
    @if (session.signedIn() && forYou(); as forYouComponent) {
      <ng-container *ngComponentOutlet="forYouComponent" />
    }
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
  `,
})
export class HomePage {
  protected readonly session = inject(SessionStore);
  /** "For you" (skills lib, loaded lazily like its routes) for a signed-in member. */
  protected readonly forYou = signal<Type<unknown> | null>(null);

  constructor() {
    effect(() => {
      if (!this.session.signedIn() || this.forYou()) return;
      import('@pratique/web/skills').then(
        (m) => this.forYou.set(m.ForYouComponent),
        () => undefined,
      );
    });
  }
}
