import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';
import { ThreadPage } from '@pratique/contracts';
import { DiscussionsApi } from '@pratique/web/core';
import { catchError, of, switchMap } from 'rxjs';
import { ThreadBadgesComponent } from './thread-badges.component';

/**
 * The Discussions tab of a space page: the latest threads and a link to all of them. Brings the
 * discussions translation scope with it, since the space page lives outside /discussions.
 */
@Component({
  selector: 'pq-space-discussions',
  imports: [RouterLink, TranslocoPipe, ThreadBadgesComponent],
  providers: [provideTranslocoScope('discussions')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>{{ 'discussions.space.intro' | transloco }}</p>
    <p class="actions">
      <a class="btn btn-primary" [routerLink]="['/spaces', slug(), 'discussions']">{{
        'discussions.space.open' | transloco
      }}</a>
      @if (page()?.can?.post) {
        <a class="btn btn-secondary" [routerLink]="['/spaces', slug(), 'discussions', 'new']">{{
          'discussions.new' | transloco
        }}</a>
      }
    </p>
    @if (items().length) {
      <h3>{{ 'discussions.space.latest' | transloco }}</h3>
      <ul class="plain-list latest">
        @for (t of items(); track t.id) {
          <li>
            <a [routerLink]="['/discussions', t.id]" dir="auto">{{ t.title }}</a>
            <pq-thread-badges [thread]="t" />
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .latest li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-block-end: 0.5rem;
    }
  `,
})
export class SpaceDiscussionsComponent {
  private readonly api = inject(DiscussionsApi);
  readonly slug = input.required<string>();

  protected readonly page = toSignal(
    toObservable(this.slug).pipe(
      switchMap((slug) =>
        this.api.list(slug, { pageSize: 5 }).pipe(catchError(() => of<ThreadPage | null>(null))),
      ),
    ),
    { initialValue: null },
  );
  protected readonly items = computed(() => this.page()?.items ?? []);
}
