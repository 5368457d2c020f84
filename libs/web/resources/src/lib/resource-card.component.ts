import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, ResourceSummary } from '@pratique/contracts';
import { RESOURCE_STYLES, dirOf, formatAverage, starsText } from './resource-format';

/** One resource in a list: title (link), kind, language, status for its author, stars, tags. */
@Component({
  selector: 'pq-resource-card',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [RESOURCE_STYLES],
  template: `
    @let r = resource();
    <article class="card resource-card">
      <h3>
        <a [routerLink]="['/resources', r.id]" [attr.lang]="r.language" [attr.dir]="dir()">{{ r.title }}</a>
      </h3>
      <p class="badges">
        <span class="badge badge-axis">{{ 'resources.kind.' + r.kind | transloco }}</span>
        <span class="badge">{{ 'resources.language.' + r.language | transloco }}</span>
        @if (r.status !== 'published') {
          <span class="badge" [class]="'badge status-' + r.status">{{
            'resources.status.' + r.status | transloco
          }}</span>
        }
      </p>
      @if (r.excerpt) {
        <p class="excerpt" [attr.lang]="r.language" [attr.dir]="dir()">{{ r.excerpt }}</p>
      }
      @if (r.status === 'rejected' && r.rejectionReason) {
        <p class="alert alert-error">
          {{ 'resources.rejectedBecause' | transloco }} <span class="user-text">{{ r.rejectionReason }}</span>
        </p>
      }
      <p class="rating-line">
        @if (r.ratingCount > 0) {
          <span
            class="stars"
            role="img"
            [attr.aria-label]="
              'resources.ratingLabel' | transloco: { average: average(), count: r.ratingCount }
            "
            >{{ stars() }}</span
          >
          <span aria-hidden="true">{{ average() }} ({{ r.ratingCount }})</span>
        } @else {
          <span class="muted">{{ 'resources.notRated' | transloco }}</span>
        }
        <span class="muted">· {{ 'resources.uses' | transloco: { count: r.useCount } }}</span>
      </p>
      @if (r.tags.length) {
        <ul class="tags" [attr.aria-label]="'resources.tagsLabel' | transloco">
          @for (t of r.tags; track t) {
            <li class="tag">{{ t }}</li>
          }
        </ul>
      }
    </article>
  `,
})
export class ResourceCardComponent {
  readonly resource = input.required<ResourceSummary>();
  readonly lang = input.required<Language>();
  protected readonly stars = computed(() => starsText(this.resource().ratingAverage));
  protected readonly average = computed(() => formatAverage(this.resource().ratingAverage, this.lang()));
  protected readonly dir = computed(() => dirOf(this.resource().language));
}
