import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DISCUSSION_BODY_MAX_LENGTH,
  THREAD_KINDS,
  THREAD_TITLE_MAX_LENGTH,
  ThreadKind,
} from '@pratique/contracts';
import {
  DiscussionsApi,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  focusFirstInvalid,
} from '@pratique/web/core';
import { discussionPageTitle } from './page-title';

/** /spaces/:slug/discussions/new: a discussion or a question, title and markdown body. */
@Component({
  selector: 'pq-thread-new-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a [routerLink]="['/spaces', slug(), 'discussions']">{{ 'discussions.title' | transloco }}</a>
    </nav>
    <h1>{{ 'discussions.newTitle' | transloco }}</h1>
    <form class="card stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <pq-form-status [feedback]="fb" />
      <fieldset class="fieldset" [attr.aria-describedby]="fb.id('kind-hint')">
        <legend>{{ 'discussions.form.kind' | transloco }}</legend>
        <p class="hint" [id]="fb.id('kind-hint')">{{ 'discussions.form.kindHint' | transloco }}</p>
        @for (k of kinds; track k) {
          <div class="field-check">
            <input type="radio" formControlName="kind" [id]="fb.id('kind-' + k)" [value]="k" />
            <label [for]="fb.id('kind-' + k)">{{ 'discussions.kind.' + k | transloco }}</label>
          </div>
        }
        <pq-field-error [feedback]="fb" field="kind" />
      </fieldset>
      <div class="field">
        <label [for]="fb.id('title')">{{ 'discussions.form.title' | transloco }}</label>
        <input
          [id]="fb.id('title')"
          type="text"
          formControlName="title"
          dir="auto"
          [attr.maxlength]="titleMax"
          [attr.aria-invalid]="fb.invalid('title')"
          [attr.aria-describedby]="fb.describedBy('title')"
          required
        />
        <pq-field-error [feedback]="fb" field="title" />
      </div>
      <div class="field">
        <label [for]="fb.id('body')">{{ 'discussions.form.body' | transloco }}</label>
        <textarea
          [id]="fb.id('body')"
          rows="8"
          formControlName="body"
          dir="auto"
          [attr.aria-invalid]="fb.invalid('body')"
          [attr.aria-describedby]="fb.describedBy('body', fb.id('body-hint'))"
          required
        ></textarea>
        <p class="hint" [id]="fb.id('body-hint')">{{ 'discussions.form.bodyHint' | transloco }}</p>
        <pq-field-error [feedback]="fb" field="body" />
      </div>
      <div class="field-actions">
        <button type="submit" class="btn btn-primary" [disabled]="fb.busy()">
          {{ (fb.busy() ? 'common.working' : 'discussions.form.submit') | transloco }}
        </button>
        <a class="btn btn-secondary" [routerLink]="['/spaces', slug(), 'discussions']">{{
          'discussions.form.cancel' | transloco
        }}</a>
      </div>
    </form>
  `,
  styles: `
    textarea {
      inline-size: 100%;
      min-block-size: 10rem;
    }
  `,
})
export class ThreadNewPage {
  private readonly api = inject(DiscussionsApi);
  private readonly router = inject(Router);
  /** Route parameter (inherited). */
  readonly slug = input.required<string>();

  protected readonly kinds = THREAD_KINDS;
  protected readonly titleMax = THREAD_TITLE_MAX_LENGTH;
  protected readonly fb = new FormFeedback('thread-new');
  protected readonly form = new FormGroup({
    kind: new FormControl<ThreadKind>(ThreadKind.Question, {
      nonNullable: true,
      validators: [Validators.required],
    }),
    title: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(THREAD_TITLE_MAX_LENGTH),
      ],
    }),
    body: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(DISCUSSION_BODY_MAX_LENGTH),
      ],
    }),
  });

  constructor() {
    discussionPageTitle(() => ({ key: 'newTitle' }));
  }

  submit(): void {
    if (!this.fb.validate(this.form)) {
      focusFirstInvalid();
      return;
    }
    this.fb.busy.set(true);
    this.api.create(this.slug(), this.form.getRawValue()).subscribe({
      next: (thread) => {
        this.fb.busy.set(false);
        void this.router.navigate(['/discussions', thread.id]);
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
        focusFirstInvalid();
      },
    });
  }
}
