import { ChangeDetectionStrategy, Component, ElementRef, OnInit, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LANGUAGES, Language } from '@pratique/contracts';
import {
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LANGUAGE_ENDONYMS,
  LearningApi,
  focusFirstInvalid,
} from '@pratique/web/core';
import { dirOf } from './learning-format';
import { FIELD_STYLES } from './learning-styles';

export const MODULE_TITLE_MAX_LENGTH = 200;
export const MODULE_SUMMARY_MAX_LENGTH = 2000;

/** "New module" in a space: title and summary in one language (the others come later), then its page. */
@Component({
  selector: 'pq-module-create-form',
  imports: [ReactiveFormsModule, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="stack">
      <pq-form-status [feedback]="fb" />
      <div class="row">
        <div class="field">
          <label [for]="fb.id('originalLanguage')">{{ 'learning.create.language' | transloco }}</label>
          <select
            [id]="fb.id('originalLanguage')"
            formControlName="originalLanguage"
            [attr.aria-describedby]="fb.describedBy('originalLanguage', fb.id('originalLanguage-hint'))"
          >
            @for (l of languages; track l) {
              <option [value]="l" [attr.lang]="l">{{ names[l] }}</option>
            }
          </select>
          <p class="hint" [id]="fb.id('originalLanguage-hint')">
            {{ 'learning.create.languageHint' | transloco }}
          </p>
          <pq-field-error [feedback]="fb" field="originalLanguage" />
        </div>
        <div class="field">
          <label [for]="fb.id('estimatedMinutes')">{{ 'learning.edit.estimatedMinutes' | transloco }}</label>
          <input
            type="number"
            min="1"
            max="10000"
            inputmode="numeric"
            [id]="fb.id('estimatedMinutes')"
            formControlName="estimatedMinutes"
            [attr.aria-invalid]="fb.invalid('estimatedMinutes')"
            [attr.aria-describedby]="fb.describedBy('estimatedMinutes')"
          />
          <pq-field-error [feedback]="fb" field="estimatedMinutes" />
        </div>
      </div>
      <div class="field">
        <label [for]="fb.id('title')">{{ 'learning.edit.title' | transloco }}</label>
        <input
          type="text"
          [id]="fb.id('title')"
          formControlName="title"
          [attr.lang]="lang0()"
          [attr.dir]="dir0()"
          [attr.aria-invalid]="fb.invalid('title')"
          [attr.aria-describedby]="fb.describedBy('title')"
        />
        <pq-field-error [feedback]="fb" field="title" />
      </div>
      <div class="field">
        <label [for]="fb.id('summary')">{{ 'learning.edit.summary' | transloco }}</label>
        <textarea
          rows="3"
          [id]="fb.id('summary')"
          formControlName="summary"
          [attr.lang]="lang0()"
          [attr.dir]="dir0()"
          [attr.aria-invalid]="fb.invalid('summary')"
          [attr.aria-describedby]="fb.describedBy('summary')"
        ></textarea>
        <pq-field-error [feedback]="fb" field="summary" />
      </div>
      <div class="actions">
        <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
          {{ (fb.busy() ? 'common.working' : 'learning.create.submit') | transloco }}
        </button>
        <button class="btn btn-ghost-dark" type="button" (click)="cancelled.emit()">
          {{ 'common.cancel' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: [FIELD_STYLES],
})
export class ModuleCreateFormComponent implements OnInit {
  private readonly api = inject(LearningApi);
  private readonly router = inject(Router);
  private readonly host = inject(ElementRef<HTMLElement>);
  readonly spaceId = input.required<string>();
  /** The reader's language: the default language of the new module. */
  readonly lang = input.required<Language>();
  readonly cancelled = output<void>();

  protected readonly languages = LANGUAGES;
  protected readonly names = LANGUAGE_ENDONYMS;
  protected readonly fb = new FormFeedback('module-create');
  protected readonly form = inject(NonNullableFormBuilder).group({
    originalLanguage: ['fr' as Language],
    title: ['', [Validators.required, Validators.maxLength(MODULE_TITLE_MAX_LENGTH)]],
    summary: ['', [Validators.maxLength(MODULE_SUMMARY_MAX_LENGTH)]],
    estimatedMinutes: [null as number | null, [Validators.min(1), Validators.max(10000)]],
  });

  ngOnInit(): void {
    this.form.controls.originalLanguage.setValue(this.lang());
  }

  protected lang0(): Language {
    return this.form.controls.originalLanguage.value;
  }
  protected dir0(): 'rtl' | 'ltr' {
    return dirOf(this.lang0());
  }

  submit(): void {
    if (!this.fb.validate(this.form)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const lang = v.originalLanguage;
    const summary = v.summary.trim();
    this.fb.busy.set(true);
    this.api
      .createModule(this.spaceId(), {
        originalLanguage: lang,
        title: { [lang]: v.title.trim() },
        ...(summary ? { summary: { [lang]: summary } } : {}),
        estimatedMinutes: v.estimatedMinutes || null,
      })
      .subscribe({
        next: (created) => {
          this.fb.busy.set(false);
          void this.router.navigate(['/modules', created.id]);
        },
        error: (err) => {
          this.fb.busy.set(false);
          this.fb.fromError(
            err,
            {},
            {
              [`title.${lang}`]: 'title',
              [`summary.${lang}`]: 'summary',
            },
          );
          focusFirstInvalid(this.host.nativeElement);
        },
      });
  }
}
