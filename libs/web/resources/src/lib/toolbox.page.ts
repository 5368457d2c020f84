import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  LANGUAGES,
  Page,
  RESOURCE_KINDS,
  ResourceSort,
  ResourceSummary,
  SpaceDetail,
  pickLocalized,
} from '@pratique/contracts';
import { LanguageService, ResourcesApi, SessionStore, SpacesApi } from '@pratique/web/core';
import { ResourceCardComponent } from './resource-card.component';
import { RESOURCE_STYLES, failureOf, resourcePageTitle, routeParam } from './resource-format';

const PAGE_SIZE = 12;

/**
 * /spaces/:slug/toolbox — the space's published resources (and the reader's own contributions
 * with their status), filtered by kind, language and tag, sorted by rating, newest or most used.
 */
@Component({
  selector: 'pq-toolbox-page',
  imports: [RouterLink, TranslocoPipe, ResourceCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [RESOURCE_STYLES],
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      @if (spaceTitle(); as t) {
        <a [routerLink]="['/spaces', slug]" [attr.lang]="t.lang" [attr.dir]="t.dir">{{ t.text }}</a>
      } @else {
        <a routerLink="/spaces">{{ 'nav.spaces' | transloco }}</a>
      }
    </nav>
    <h1>{{ 'resources.toolbox.title' | transloco }}</h1>
    <p class="lead">{{ 'resources.toolbox.intro' | transloco }}</p>
    <div class="head-actions">
      @if (canContribute()) {
        <a class="btn btn-primary" [routerLink]="['/spaces', slug, 'toolbox', 'new']">{{
          'resources.toolbox.contribute' | transloco
        }}</a>
      }
      @if (canModerate()) {
        <a class="btn btn-secondary" [routerLink]="['/spaces', slug, 'toolbox', 'moderation']">{{
          'resources.toolbox.moderation' | transloco
        }}</a>
      }
    </div>

    @if (mine().length) {
      <section class="card" aria-labelledby="mine-title">
        <h2 id="mine-title">{{ 'resources.mine.title' | transloco }}</h2>
        <ul class="plain-list">
          @for (r of mine(); track r.id) {
            <li>
              <a [routerLink]="['/resources', r.id]" [attr.lang]="r.language">{{ r.title }}</a>
              <span class="badge" [class]="'badge status-' + r.status">{{
                'resources.status.' + r.status | transloco
              }}</span>
              @if (r.status === 'rejected' && r.rejectionReason) {
                <span class="muted">
                  — {{ 'resources.rejectedBecause' | transloco }}
                  <span class="user-text">{{ r.rejectionReason }}</span></span
                >
              }
            </li>
          }
        </ul>
      </section>
    }

    <form
      class="filters card"
      role="search"
      [attr.aria-label]="'resources.filters.label' | transloco"
      (submit)="$event.preventDefault(); applyTag(tagInput.value)"
    >
      <div class="field">
        <label for="f-sort">{{ 'resources.filters.sort' | transloco }}</label>
        <select id="f-sort" [value]="sort()" (change)="set(sort, $any($event.target).value)">
          @for (s of sorts; track s) {
            <option [value]="s" [selected]="s === sort()">{{ 'resources.sort.' + s | transloco }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="f-kind">{{ 'resources.filters.kind' | transloco }}</label>
        <select id="f-kind" (change)="set(kind, $any($event.target).value)">
          <option value="" [selected]="kind() === ''">{{ 'resources.filters.all' | transloco }}</option>
          @for (k of kinds; track k) {
            <option [value]="k" [selected]="k === kind()">{{ 'resources.kind.' + k | transloco }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="f-lang">{{ 'resources.filters.language' | transloco }}</label>
        <select id="f-lang" (change)="set(language, $any($event.target).value)">
          <option value="" [selected]="language() === ''">{{ 'resources.filters.all' | transloco }}</option>
          @for (l of languages; track l) {
            <option [value]="l" [selected]="l === language()">
              {{ 'resources.language.' + l | transloco }}
            </option>
          }
        </select>
      </div>
      <div class="field">
        <label for="f-tag">{{ 'resources.filters.tag' | transloco }}</label>
        <input id="f-tag" type="text" #tagInput [value]="tag()" maxlength="40" />
      </div>
      <div class="field field-actions">
        <button type="submit" class="btn btn-secondary">{{ 'resources.filters.apply' | transloco }}</button>
      </div>
    </form>

    <div class="results-status" aria-live="polite" aria-atomic="true">
      @if (failure(); as f) {
        <p class="alert alert-error">{{ f.key | transloco }}</p>
      } @else if (page(); as p) {
        <p>{{ 'resources.toolbox.count' | transloco: { count: p.total } }}</p>
      } @else {
        <p class="muted">{{ 'common.loading' | transloco }}</p>
      }
    </div>
    @if (page(); as p) {
      @if (p.items.length) {
        <ul class="resource-list">
          @for (r of p.items; track r.id) {
            <li><pq-resource-card [resource]="r" [lang]="lang()" /></li>
          }
        </ul>
      } @else {
        <p class="empty">{{ 'resources.toolbox.empty' | transloco }}</p>
      }
      @if (pages() > 1) {
        <nav class="pager" [attr.aria-label]="'resources.pager' | transloco">
          <button
            type="button"
            class="btn btn-secondary btn-small"
            [disabled]="pageNo() <= 1"
            (click)="pageNo.set(pageNo() - 1)"
          >
            {{ 'resources.previous' | transloco }}
          </button>
          <span>{{ 'resources.pageOf' | transloco: { page: pageNo(), pages: pages() } }}</span>
          <button
            type="button"
            class="btn btn-secondary btn-small"
            [disabled]="pageNo() >= pages()"
            (click)="pageNo.set(pageNo() + 1)"
          >
            {{ 'resources.next' | transloco }}
          </button>
        </nav>
      }
    }
  `,
})
export class ToolboxPage {
  private readonly api = inject(ResourcesApi);
  private readonly spaces = inject(SpacesApi);
  private readonly session = inject(SessionStore);
  private readonly languageService = inject(LanguageService);
  protected readonly slug = routeParam('slug');
  protected readonly lang = this.languageService.current;

  protected readonly sorts = Object.values(ResourceSort);
  protected readonly kinds = RESOURCE_KINDS;
  protected readonly languages = LANGUAGES;
  protected readonly sort = signal<string>(ResourceSort.Rating);
  protected readonly kind = signal<string>('');
  protected readonly language = signal<string>('');
  protected readonly tag = signal<string>('');
  protected readonly pageNo = signal(1);

  protected readonly space = signal<SpaceDetail | null>(null);
  protected readonly page = signal<Page<ResourceSummary> | null>(null);
  protected readonly mine = signal<ResourceSummary[]>([]);
  protected readonly failure = signal<{ key: string } | null>(null);
  protected readonly pages = computed(() => Math.max(1, Math.ceil((this.page()?.total ?? 0) / PAGE_SIZE)));
  protected readonly spaceTitle = computed(() => {
    const s = this.space();
    return s ? pickLocalized(s.title, this.lang(), s.originalLanguage) : null;
  });
  protected readonly canModerate = computed(
    () => this.session.isAdmin() || this.space()?.myRole === 'animator',
  );
  protected readonly canContribute = computed(
    () => this.session.signedIn() && (this.canModerate() || !!this.space()?.myRole),
  );

  constructor() {
    resourcePageTitle(() => ({ key: 'resources.toolbox.title' }));
    this.spaces.get(this.slug).subscribe({ next: (s) => this.space.set(s), error: () => undefined });
    if (this.session.signedIn())
      this.api.mine(this.slug).subscribe({ next: (m) => this.mine.set(m), error: () => undefined });
    effect(() => {
      const query = {
        sort: this.sort() as ResourceSort,
        kind: (this.kind() || undefined) as never,
        language: (this.language() || undefined) as never,
        tag: this.tag() || undefined,
        page: this.pageNo(),
        pageSize: PAGE_SIZE,
      };
      untracked(() =>
        this.api.list(this.slug, query).subscribe({
          next: (p) => {
            this.failure.set(null);
            this.page.set(p);
          },
          error: (e) => this.failure.set(failureOf(e)),
        }),
      );
    });
  }

  protected set(target: ReturnType<typeof signal<string>>, value: string): void {
    target.set(value);
    this.pageNo.set(1);
  }

  protected applyTag(value: string): void {
    this.tag.set(value.trim());
    this.pageNo.set(1);
  }
}
