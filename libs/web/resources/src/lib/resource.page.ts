import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiRoutes, Page, ResourceDetail, ReviewView } from '@pratique/contracts';
import { ApiError, LanguageService, ResourcesApi } from '@pratique/web/core';
import { lastValueFrom } from 'rxjs';
import {
  RESOURCE_STYLES,
  Failure,
  dirOf,
  failureOf,
  formatAverage,
  formatDate,
  resourcePageTitle,
  starsText,
} from './resource-format';

/**
 * /resources/:id — a resource: its description (the API's sanitised HTML), open or download,
 * the reader's rating and review, the reviews, a report form; moderators approve, reject or
 * unpublish from here too.
 */
@Component({
  selector: 'pq-resource-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [RESOURCE_STYLES],
  template: `
    @if (notFound()) {
      <h1>{{ 'resources.notFoundTitle' | transloco }}</h1>
      <p>{{ 'resources.notFoundText' | transloco }}</p>
    } @else if (resource(); as r) {
      <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
        <a [routerLink]="['/spaces', r.space.slug, 'toolbox']">{{ 'resources.toolbox.title' | transloco }}</a>
      </nav>
      @if (created(); as c) {
        <p class="alert alert-success" role="status">{{ 'resources.created.' + c | transloco }}</p>
      }
      <article class="card">
        <h1 [attr.lang]="r.language" [attr.dir]="dir()" class="user-text">{{ r.title }}</h1>
        <p class="badges">
          <span class="badge badge-axis">{{ 'resources.kind.' + r.kind | transloco }}</span>
          <span class="badge">{{ 'resources.language.' + r.language | transloco }}</span>
          <span class="badge" [class]="'badge status-' + r.status">{{
            'resources.status.' + r.status | transloco
          }}</span>
        </p>
        <p class="card-meta">
          {{
            'resources.byOn'
              | transloco: { author: r.author.displayName, date: date(r.publishedAt ?? r.createdAt) }
          }}
        </p>
        @if (r.status === 'rejected' && r.rejectionReason) {
          <p class="alert alert-error">
            {{ 'resources.rejectedBecause' | transloco }}
            <span class="user-text" dir="auto">{{ r.rejectionReason }}</span>
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
        @if (r.descriptionHtml) {
          <div
            class="description"
            [attr.lang]="r.language"
            [attr.dir]="dir()"
            [innerHTML]="r.descriptionHtml"
          ></div>
        }
        <p class="actions">
          @if (r.url) {
            <a class="btn btn-primary" [href]="openUrl()" target="_blank" rel="noopener noreferrer">
              {{ 'resources.open' | transloco
              }}<span class="sr-only"> {{ 'resources.newWindow' | transloco }}</span>
            </a>
          } @else if (r.file) {
            <a class="btn btn-primary" [href]="fileUrl()" download>{{
              'resources.download' | transloco: { name: r.file.filename }
            }}</a>
          }
        </p>
      </article>

      @if (r.can.edit) {
        <section class="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{{ 'resources.edit.title' | transloco }}</h2>
          <p class="hint">
            {{
              (r.status === 'rejected' ? 'resources.edit.resubmitHint' : 'resources.edit.pendingHint')
                | transloco
            }}
          </p>
          <form class="stack" novalidate (submit)="$event.preventDefault(); saveEdit()">
            <div class="field">
              <label for="e-title">{{ 'resources.contribute.titleLabel' | transloco }}</label>
              <input id="e-title" #editTitle type="text" dir="auto" maxlength="200" [value]="r.title" />
            </div>
            @if (r.kind === 'link') {
              <div class="field">
                <label for="e-url">{{ 'resources.contribute.url' | transloco }}</label>
                <input id="e-url" #editUrl type="url" [value]="r.url ?? ''" />
              </div>
            }
            <div class="field">
              <label for="e-description">{{ 'resources.contribute.description' | transloco }}</label>
              <textarea
                id="e-description"
                #editDescription
                dir="auto"
                rows="5"
                [value]="r.description"
              ></textarea>
            </div>
            <div class="field">
              <label for="e-tags">{{ 'resources.contribute.tags' | transloco }}</label>
              <input id="e-tags" #editTags type="text" [value]="r.tags.join(', ')" />
            </div>
            <p class="actions">
              <button type="submit" class="btn btn-primary" [disabled]="busy()">
                {{ 'resources.edit.submit' | transloco }}
              </button>
            </p>
          </form>
        </section>
      }

      @if (r.can.moderate) {
        <section class="card" aria-labelledby="moderate-title">
          <h2 id="moderate-title">{{ 'resources.moderation.title' | transloco }}</h2>
          @if (r.status === 'pending') {
            <p class="actions">
              <button type="button" class="btn btn-primary" [disabled]="busy()" (click)="approve()">
                {{ 'resources.moderation.approve' | transloco }}
              </button>
            </p>
            <div class="field">
              <label for="reject-reason">{{ 'resources.moderation.rejectReason' | transloco }}</label>
              <textarea id="reject-reason" dir="auto" #rejectReason rows="3" maxlength="1000"></textarea>
            </div>
            <p class="actions">
              <button type="button" class="btn btn-danger" [disabled]="busy()" (click)="reject()">
                {{ 'resources.moderation.reject' | transloco }}
              </button>
            </p>
          } @else if (r.status === 'published') {
            <p class="actions">
              <button type="button" class="btn btn-danger" [disabled]="busy()" (click)="unpublish()">
                {{ 'resources.moderation.unpublish' | transloco }}
              </button>
            </p>
          } @else {
            <p class="muted">{{ 'resources.moderation.nothing' | transloco }}</p>
          }
        </section>
      }

      @if (r.can.review) {
        <section class="card" aria-labelledby="my-review-title">
          <h2 id="my-review-title">
            {{ (r.myReview ? 'resources.review.editTitle' : 'resources.review.title') | transloco }}
          </h2>
          <form class="stack" novalidate (submit)="$event.preventDefault(); saveReview()">
            <fieldset class="fieldset">
              <legend>{{ 'resources.review.rating' | transloco }}</legend>
              <div class="radio-row">
                @for (n of [1, 2, 3, 4, 5]; track n) {
                  <label>
                    <input
                      type="radio"
                      name="rating"
                      [value]="n"
                      [checked]="rating() === n"
                      (change)="rating.set(n)"
                    />
                    {{ 'resources.review.stars' | transloco: { count: n } }}
                  </label>
                }
              </div>
            </fieldset>
            <div class="field">
              <label for="review-body">{{ 'resources.review.body' | transloco }}</label>
              <textarea
                id="review-body"
                dir="auto"
                #reviewBody
                rows="4"
                maxlength="5000"
                [value]="r.myReview?.body ?? ''"
              ></textarea>
            </div>
            <p class="actions">
              <button type="submit" class="btn btn-primary" [disabled]="busy()">
                {{ 'resources.review.submit' | transloco }}
              </button>
            </p>
          </form>
        </section>
      }

      <div aria-live="polite" aria-atomic="true">
        @if (failure(); as f) {
          <p class="alert alert-error">
            {{ f.key | transloco }}
            @for (e of fieldReasons(); track e) {
              <span lang="en">{{ e }}</span>
            }
          </p>
        }
        @if (notice(); as n) {
          <p class="alert alert-success">{{ n | transloco }}</p>
        }
      </div>

      <section class="card" aria-labelledby="reviews-title">
        <h2 id="reviews-title">{{ 'resources.reviews.title' | transloco }}</h2>
        @if (reviews(); as page) {
          @if (page.items.length) {
            <ul class="plain-list">
              @for (v of page.items; track v.user.id) {
                <li class="review">
                  <p class="rating-line">
                    <strong>{{ v.user.displayName }}</strong>
                    <span
                      class="stars"
                      role="img"
                      [attr.aria-label]="'resources.review.stars' | transloco: { count: v.rating }"
                      >{{ starsOf(v.rating) }}</span
                    >
                    <span class="muted">{{ date(v.updatedAt) }}</span>
                  </p>
                  @if (v.bodyHtml) {
                    <div class="description" dir="auto" [innerHTML]="v.bodyHtml"></div>
                  }
                </li>
              }
            </ul>
          } @else {
            <p class="muted">{{ 'resources.reviews.none' | transloco }}</p>
          }
        }
      </section>

      @if (r.can.report) {
        <section class="card" aria-labelledby="report-title">
          <h2 id="report-title">{{ 'resources.report.title' | transloco }}</h2>
          @if (!reporting()) {
            <button type="button" class="btn btn-secondary" (click)="reporting.set(true)">
              {{ 'resources.report.open' | transloco }}
            </button>
          } @else {
            <form class="stack" novalidate (submit)="$event.preventDefault(); sendReport()">
              <div class="field">
                <label for="report-reason">{{ 'resources.report.reason' | transloco }}</label>
                <textarea
                  id="report-reason"
                  dir="auto"
                  #reportReason
                  rows="3"
                  maxlength="1000"
                  required
                ></textarea>
              </div>
              <p class="actions">
                <button type="submit" class="btn btn-danger" [disabled]="busy()">
                  {{ 'resources.report.submit' | transloco }}
                </button>
                <button type="button" class="btn btn-secondary" (click)="reporting.set(false)">
                  {{ 'resources.cancel' | transloco }}
                </button>
              </p>
            </form>
          }
        </section>
      }
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ResourcePage {
  readonly id = input.required<string>();
  private readonly api = inject(ResourcesApi);
  private readonly lang = inject(LanguageService).current;
  protected readonly created = signal<string | null>(
    createdFlag(inject(ActivatedRoute).snapshot.queryParamMap.get('created')),
  );
  protected readonly resource = signal<ResourceDetail | null>(null);
  protected readonly reviews = signal<Page<ReviewView> | null>(null);
  protected readonly notFound = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<Failure | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly rating = signal<number | null>(null);
  protected readonly reporting = signal(false);
  protected readonly fieldReasons = computed(() =>
    Object.entries(this.failure()?.fields ?? {}).map(([f, r]) => `${f} ${r}`),
  );

  private readonly editTitle = viewChild<ElementRef<HTMLInputElement>>('editTitle');
  private readonly editUrl = viewChild<ElementRef<HTMLInputElement>>('editUrl');
  private readonly editDescription = viewChild<ElementRef<HTMLTextAreaElement>>('editDescription');
  private readonly editTags = viewChild<ElementRef<HTMLInputElement>>('editTags');
  private readonly rejectReason = viewChild<ElementRef<HTMLTextAreaElement>>('rejectReason');
  private readonly reviewBody = viewChild<ElementRef<HTMLTextAreaElement>>('reviewBody');
  private readonly reportReason = viewChild<ElementRef<HTMLTextAreaElement>>('reportReason');

  protected readonly dir = computed(() => dirOf(this.resource()?.language ?? 'fr'));
  protected readonly stars = computed(() => starsText(this.resource()?.ratingAverage ?? null));
  protected readonly average = computed(() =>
    formatAverage(this.resource()?.ratingAverage ?? null, this.lang()),
  );
  protected readonly openUrl = computed(() => ApiRoutes.resourceOpen(this.id()));
  protected readonly fileUrl = computed(() => ApiRoutes.resourceFile(this.id()));

  constructor() {
    resourcePageTitle(() => {
      const r = this.resource();
      return r ? { text: r.title } : null;
    });
    queueMicrotask(() => this.load());
  }

  protected date(iso: string): string {
    return formatDate(iso, this.lang());
  }
  protected starsOf(n: number): string {
    return starsText(n);
  }

  private load(): void {
    this.api.get(this.id()).subscribe({
      next: (r) => {
        this.resource.set(r);
        this.rating.set(r.myReview?.rating ?? null);
      },
      error: (e) =>
        e instanceof ApiError && e.status === 404 ? this.notFound.set(true) : this.failure.set(failureOf(e)),
    });
    this.api.reviews(this.id()).subscribe({ next: (p) => this.reviews.set(p), error: () => undefined });
  }

  private async act(run: () => Promise<unknown>, notice: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    this.notice.set(null);
    try {
      await run();
      this.notice.set(notice);
      this.created.set(null);
      this.load();
    } catch (e) {
      this.failure.set(failureOf(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected approve() {
    return this.act(() => lastValueFrom(this.api.approve(this.id())), 'resources.moderation.approved');
  }
  protected reject() {
    return this.act(
      () => lastValueFrom(this.api.reject(this.id(), this.rejectReason()?.nativeElement.value ?? '')),
      'resources.moderation.rejected',
    );
  }
  protected unpublish() {
    return this.act(() => lastValueFrom(this.api.unpublish(this.id())), 'resources.moderation.unpublished');
  }
  protected saveReview() {
    return this.act(
      () =>
        lastValueFrom(
          this.api.review(this.id(), {
            rating: this.rating() ?? 0,
            body: this.reviewBody()?.nativeElement.value ?? '',
          }),
        ),
      'resources.review.saved',
    );
  }
  protected saveEdit() {
    const url = this.editUrl()?.nativeElement.value.trim();
    return this.act(
      () =>
        lastValueFrom(
          this.api.update(this.id(), {
            title: this.editTitle()?.nativeElement.value ?? '',
            description: this.editDescription()?.nativeElement.value ?? '',
            tags: (this.editTags()?.nativeElement.value ?? '')
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
            ...(url !== undefined ? { url } : {}),
          }),
        ),
      'resources.edit.saved',
    );
  }
  protected sendReport() {
    return this.act(async () => {
      await lastValueFrom(this.api.report(this.id(), this.reportReason()?.nativeElement.value ?? ''));
      this.reporting.set(false);
    }, 'resources.report.sent');
  }
}

/** `?created=pending|published` after contributing: which thank-you to show. */
function createdFlag(value: string | null): string | null {
  return value === 'pending' || value === 'published' ? value : null;
}
