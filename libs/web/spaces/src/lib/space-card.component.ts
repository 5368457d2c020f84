import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, SpaceSummary, pickLocalized } from '@pratique/contracts';

@Component({
  selector: 'pq-space-card',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = space();
    <article class="card space-card">
      <h2 class="card-title" [attr.lang]="title().lang" [attr.dir]="title().dir">
        <a [routerLink]="['/spaces', s.slug]">{{ title().text }}</a>
      </h2>
      <p class="badges">
        <span class="badge badge-axis">{{ 'axes.' + s.axis | transloco }}</span>
        @if (s.scope === 'regional') {
          <span class="badge">{{ 'spaces.regionalIn' | transloco: { region: regionName() ?? '' } }}</span>
        } @else {
          <span class="badge">{{ 'spaces.scope.national' | transloco }}</span>
        }
        @if (s.myRole) {
          <span class="badge badge-member">{{ 'spaces.role.' + s.myRole | transloco }}</span>
        }
        @if (s.status === 'archived') {
          <span class="badge badge-muted">{{ 'spaces.status.archived' | transloco }}</span>
        }
      </p>
      @if (description().text) {
        <p class="card-text" [attr.lang]="description().lang" [attr.dir]="description().dir">
          {{ excerpt() }}
        </p>
      }
      <p class="card-meta">{{ 'spaces.memberCount' | transloco: { count: s.memberCount } }}</p>
    </article>
  `,
})
export class SpaceCardComponent {
  readonly space = input.required<SpaceSummary>();
  readonly lang = input.required<Language>();
  readonly regionName = input<string | null>(null);

  protected readonly title = computed(() =>
    pickLocalized(this.space().title, this.lang(), this.space().originalLanguage),
  );
  protected readonly description = computed(() =>
    pickLocalized(this.space().description, this.lang(), this.space().originalLanguage),
  );
  protected readonly excerpt = computed(() => {
    const text = this.description().text;
    return text.length > 180 ? `${text.slice(0, 177).trimEnd()}…` : text;
  });
}
