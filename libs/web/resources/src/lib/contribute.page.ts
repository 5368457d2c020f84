import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CreateResourceRequest,
  LANGUAGES,
  Language,
  RESOURCE_KINDS,
  RESOURCE_LIMITS,
  ResourceKind,
} from '@pratique/contracts';
import { LanguageService, ResourcesApi } from '@pratique/web/core';
import { Observable, lastValueFrom, tap } from 'rxjs';
import { RESOURCE_STYLES, Failure, failureOf, resourcePageTitle, routeParam } from './resource-format';

/**
 * /spaces/:slug/toolbox/new — contribute a link (http/https), a file or a template (an uploaded
 * file to reuse). Files are uploaded first (with progress), then the resource is created; a
 * member's contribution waits for moderation, an animator's is published at once.
 */
@Component({
  selector: 'pq-contribute-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [RESOURCE_STYLES],
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a [routerLink]="['/spaces', slug, 'toolbox']">{{ 'resources.toolbox.title' | transloco }}</a>
    </nav>
    <h1>{{ 'resources.contribute.title' | transloco }}</h1>
    <p class="lead">{{ 'resources.contribute.intro' | transloco }}</p>
    <form class="card stack" novalidate (submit)="$event.preventDefault(); submit()">
      <fieldset class="fieldset">
        <legend>{{ 'resources.contribute.kind' | transloco }}</legend>
        <div class="radio-row">
          @for (k of kinds; track k) {
            <label>
              <input type="radio" name="kind" [value]="k" [checked]="kind() === k" (change)="kind.set(k)" />
              {{ 'resources.kind.' + k | transloco }}
            </label>
          }
        </div>
        <p class="hint">{{ 'resources.contribute.kindHint.' + kind() | transloco }}</p>
      </fieldset>

      <div class="field">
        <label for="r-title">{{ 'resources.contribute.titleLabel' | transloco }}</label>
        <input
          id="r-title"
          dir="auto"
          #title
          type="text"
          required
          [attr.maxlength]="limits.titleChars"
          [attr.aria-invalid]="!!err('title')"
          [attr.aria-describedby]="err('title') ? 'e-title' : null"
        />
        @if (err('title'); as e) {
          <p class="field-error" id="e-title" lang="en">{{ e }}</p>
        }
      </div>

      @if (kind() === 'link') {
        <div class="field">
          <label for="r-url">{{ 'resources.contribute.url' | transloco }}</label>
          <input
            id="r-url"
            #url
            type="url"
            inputmode="url"
            required
            placeholder="https://"
            [attr.aria-invalid]="!!err('url')"
            [attr.aria-describedby]="err('url') ? 'e-url' : 'h-url'"
          />
          <p class="hint" id="h-url">{{ 'resources.contribute.urlHint' | transloco }}</p>
          @if (err('url'); as e) {
            <p class="field-error" id="e-url" lang="en">{{ e }}</p>
          }
        </div>
      } @else {
        <div class="field">
          <label for="r-file">{{ 'resources.contribute.file' | transloco }}</label>
          <input
            id="r-file"
            #file
            type="file"
            accept=".pdf,.docx,.pptx,.xlsx,.odt,.odp,.ods,.png,.jpg,.jpeg"
            [attr.aria-invalid]="!!(err('file') || err('fileId'))"
            [attr.aria-describedby]="'h-file' + (err('file') || err('fileId') ? ' e-file' : '')"
          />
          <p class="hint" id="h-file">{{ 'resources.contribute.fileHint' | transloco }}</p>
          @if (uploading()) {
            <label for="r-progress">{{ 'resources.contribute.uploading' | transloco }}</label>
            @if (progress() !== null) {
              <progress id="r-progress" max="100" [value]="progress()">{{ progress() }} %</progress>
            } @else {
              <progress id="r-progress"></progress>
            }
          }
          @if (err('file') || err('fileId'); as e) {
            <p class="field-error" id="e-file" lang="en">{{ e }}</p>
          }
        </div>
      }

      <div class="field">
        <label for="r-description">{{ 'resources.contribute.description' | transloco }}</label>
        <textarea
          id="r-description"
          dir="auto"
          #description
          rows="6"
          [attr.maxlength]="limits.descriptionChars"
          aria-describedby="h-description"
        ></textarea>
        <p class="hint" id="h-description">{{ 'resources.contribute.descriptionHint' | transloco }}</p>
        @if (err('description'); as e) {
          <p class="field-error" lang="en">{{ e }}</p>
        }
      </div>
      <div class="field">
        <label for="r-tags">{{ 'resources.contribute.tags' | transloco }}</label>
        <input id="r-tags" #tags type="text" aria-describedby="h-tags" />
        <p class="hint" id="h-tags">
          {{ 'resources.contribute.tagsHint' | transloco: { max: limits.tags } }}
        </p>
        @if (err('tags'); as e) {
          <p class="field-error" lang="en">{{ e }}</p>
        }
      </div>
      <div class="field">
        <label for="r-language">{{ 'resources.contribute.language' | transloco }}</label>
        <select id="r-language" #language>
          @for (l of languages; track l) {
            <option [value]="l" [selected]="l === lang()">{{ 'resources.language.' + l | transloco }}</option>
          }
        </select>
      </div>
      <div aria-live="polite" aria-atomic="true">
        @if (failure(); as f) {
          <p class="alert alert-error">{{ f.key | transloco }}</p>
        }
      </div>
      <p class="actions">
        <button type="submit" class="btn btn-primary" [disabled]="busy()">
          {{ 'resources.contribute.submit' | transloco }}
        </button>
        <a class="btn btn-secondary" [routerLink]="['/spaces', slug, 'toolbox']">{{
          'resources.cancel' | transloco
        }}</a>
      </p>
    </form>
  `,
})
export class ContributePage {
  private readonly api = inject(ResourcesApi);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).current;
  protected readonly slug = routeParam('slug');
  protected readonly kinds = RESOURCE_KINDS;
  protected readonly languages = LANGUAGES;
  protected readonly limits = RESOURCE_LIMITS;
  protected readonly kind = signal<ResourceKind>(ResourceKind.Link);
  protected readonly busy = signal(false);
  protected readonly uploading = signal(false);
  protected readonly progress = signal<number | null>(null);
  protected readonly failure = signal<Failure | null>(null);

  private readonly titleEl = viewChild.required<ElementRef<HTMLInputElement>>('title');
  private readonly urlEl = viewChild<ElementRef<HTMLInputElement>>('url');
  private readonly fileEl = viewChild<ElementRef<HTMLInputElement>>('file');
  private readonly descriptionEl = viewChild.required<ElementRef<HTMLTextAreaElement>>('description');
  private readonly tagsEl = viewChild.required<ElementRef<HTMLInputElement>>('tags');
  private readonly languageEl = viewChild.required<ElementRef<HTMLSelectElement>>('language');

  constructor() {
    resourcePageTitle(() => ({ key: 'resources.contribute.title' }));
  }

  protected err(field: string): string | null {
    return this.failure()?.fields[field] ?? null;
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      const body: CreateResourceRequest = {
        kind: this.kind(),
        title: this.titleEl().nativeElement.value,
        description: this.descriptionEl().nativeElement.value,
        tags: this.tagsEl()
          .nativeElement.value.split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        language: this.languageEl().nativeElement.value as Language,
      };
      if (body.kind === ResourceKind.Link) {
        body.url = this.urlEl()?.nativeElement.value.trim() ?? '';
      } else {
        const file = this.fileEl()?.nativeElement.files?.[0];
        if (!file) {
          this.failure.set({ key: 'errors.invalid', fields: { file: 'is required' } });
          this.focusFirstError();
          return;
        }
        body.fileId = await this.upload(file);
      }
      const created = await lastValueFrom(this.api.create(this.slug, body));
      await this.router.navigate(['/resources', created.id], { queryParams: { created: created.status } });
    } catch (e) {
      this.failure.set(failureOf(e));
      this.focusFirstError();
    } finally {
      this.busy.set(false);
      this.uploading.set(false);
    }
  }

  private async upload(file: File): Promise<string> {
    this.uploading.set(true);
    this.progress.set(null);
    let id = '';
    const events: Observable<unknown> = this.api.upload(this.slug, file).pipe(
      tap((event) => {
        if (event.type === HttpEventType.UploadProgress && event.total)
          this.progress.set(Math.round((100 * event.loaded) / event.total));
        if (event.type === HttpEventType.Response && event.body) id = event.body.id;
      }),
    );
    await lastValueFrom(events);
    return id;
  }

  private focusFirstError(): void {
    setTimeout(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
  }
}
