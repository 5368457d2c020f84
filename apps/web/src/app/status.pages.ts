import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'pq-not-found-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'titles.notFound' | transloco }}</h1>
    <p>{{ 'status.notFoundText' | transloco }}</p>
    <p>
      <a routerLink="/">{{ 'status.backHome' | transloco }}</a>
    </p>
  `,
})
export class NotFoundPage {}

@Component({
  selector: 'pq-forbidden-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'titles.forbidden' | transloco }}</h1>
    <p>{{ 'status.forbiddenText' | transloco }}</p>
    <p>
      <a routerLink="/">{{ 'status.backHome' | transloco }}</a>
    </p>
  `,
})
export class ForbiddenPage {}
