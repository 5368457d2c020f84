import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * "Previous · page 2 of 5 · Next" for a list whose page lives in the URL (`?page=`), so the back
 * button and shared links keep the page. Hidden when everything fits on one page.
 */
@Component({
  selector: 'pq-pager',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pages() > 1) {
      <nav class="pager" [attr.aria-label]="label()">
        @if (page() > 1) {
          <a [routerLink]="[]" [queryParams]="{ page: page() - 1 }" queryParamsHandling="merge">{{
            'common.previous' | transloco
          }}</a>
        }
        <span>{{ 'common.pageOf' | transloco: { page: page(), pages: pages() } }}</span>
        @if (page() < pages()) {
          <a [routerLink]="[]" [queryParams]="{ page: page() + 1 }" queryParamsHandling="merge">{{
            'common.next' | transloco
          }}</a>
        }
      </nav>
    }
  `,
})
export class PagerComponent {
  readonly page = input.required<number>();
  readonly total = input.required<number>();
  readonly pageSize = input.required<number>();
  /** The navigation landmark's accessible name (already translated). */
  readonly label = input.required<string>();

  protected readonly pages = computed(() => pageCount(this.total(), this.pageSize()));
}

/** How many pages `total` items make (at least one). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
