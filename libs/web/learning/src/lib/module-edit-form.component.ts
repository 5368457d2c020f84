import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ApiRoutes,
  COVER_TYPES,
  LANGUAGES,
  Language,
  ModuleDetail,
  UPLOAD_LIMITS,
} from '@pratique/contracts';
import {
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LANGUAGE_ENDONYMS,
  LearningApi,
  focusFirstInvalid,
} from '@pratique/web/core';
import { FileUploadComponent, UploadResult } from './file-upload.component';
import { compactLocalized, dirOf, formatSize } from './learning-format';
import { FIELD_STYLES } from './learning-styles';
import { MODULE_SUMMARY_MAX_LENGTH, MODULE_TITLE_MAX_LENGTH } from './module-create-form.component';

type LangKey = 'Fr' | 'Ar' | 'En';
const KEY: Record<Language, LangKey> = { fr: 'Fr', ar: 'Ar', en: 'En' };

/** Edit a module: title and summary per language, estimated time, cover image (`PATCH /api/modules/:id`). */
@Component({
  selector: 'pq-module-edit-form',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    FieldErrorComponent,
    FormStatusComponent,
    FileUploadComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="stack">
      <pq-form-status [feedback]="fb" />
      <p class="hint">
        {{ 'learning.edit.perLanguageHint' | transloco: { original: names[module().originalLanguage] } }}
      </p>
      <div class="lang-grid">
        @for (lang of languages; track lang) {
          <fieldset class="fieldset">
            <legend [attr.lang]="lang">{{ names[lang] }}</legend>
            <div class="field">
              <label [for]="fb.id('title' + key[lang])"
                >{{ 'learning.edit.title' | transloco }} ({{ lang }})</label
              >
              <input
                type="text"
                [id]="fb.id('title' + key[lang])"
                [formControlName]="'title' + key[lang]"
                [attr.lang]="lang"
                [attr.dir]="dirOf(lang)"
                [attr.aria-invalid]="fb.invalid('title' + key[lang])"
                [attr.aria-describedby]="fb.describedBy('title' + key[lang])"
              />
              <pq-field-error [feedback]="fb" [field]="'title' + key[lang]" />
            </div>
            <div class="field">
              <label [for]="fb.id('summary' + key[lang])"
                >{{ 'learning.edit.summary' | transloco }} ({{ lang }})</label
              >
              <textarea
                rows="3"
                [id]="fb.id('summary' + key[lang])"
                [formControlName]="'summary' + key[lang]"
                [attr.lang]="lang"
                [attr.dir]="dirOf(lang)"
                [attr.aria-invalid]="fb.invalid('summary' + key[lang])"
                [attr.aria-describedby]="fb.describedBy('summary' + key[lang])"
              ></textarea>
              <pq-field-error [feedback]="fb" [field]="'summary' + key[lang]" />
            </div>
          </fieldset>
        }
      </div>
      <div class="row">
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
        <div class="field field-grow">
          <pq-file-upload
            [inputId]="fb.id('cover')"
            [label]="'learning.edit.cover' | transloco"
            [hint]="'learning.edit.coverHint' | transloco: { max: coverMax() }"
            [accept]="coverTypes"
            [maxBytes]="coverBytes"
            target="cover"
            [lang]="module().originalLanguage"
            [formError]="fb.error('coverFileId')"
            (uploaded)="coverUploaded($event)"
          />
          @if (coverFileId(); as cover) {
            <div class="cover-preview">
              <img [src]="fileUrl(cover)" [alt]="'learning.edit.coverPreview' | transloco" />
              <button type="button" class="btn btn-small btn-danger" (click)="coverFileId.set(null)">
                {{ 'learning.edit.removeCover' | transloco }}
              </button>
            </div>
          }
        </div>
      </div>
      <div>
        <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
          {{ (fb.busy() ? 'common.working' : 'common.save') | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: [
    FIELD_STYLES,
    `
      .lang-grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr));
        gap: 0.9rem;
      }
      .cover-preview {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        margin-block-start: 0.5rem;
      }
      .cover-preview img {
        inline-size: 8rem;
        aspect-ratio: 4 / 3;
        object-fit: cover;
        border-radius: 6px;
        border: 1px solid var(--c-border);
      }
    `,
  ],
})
export class ModuleEditFormComponent {
  private readonly api = inject(LearningApi);
  private readonly host = inject(ElementRef<HTMLElement>);
  readonly module = input.required<ModuleDetail>();
  readonly saved = output<ModuleDetail>();

  protected readonly languages = LANGUAGES;
  protected readonly names = LANGUAGE_ENDONYMS;
  protected readonly key = KEY;
  protected readonly coverTypes = COVER_TYPES.join(',');
  protected readonly coverBytes = UPLOAD_LIMITS.coverBytes;
  protected readonly fb = new FormFeedback('module-edit');
  protected readonly coverFileId = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    titleFr: ['', [Validators.maxLength(MODULE_TITLE_MAX_LENGTH)]],
    titleAr: ['', [Validators.maxLength(MODULE_TITLE_MAX_LENGTH)]],
    titleEn: ['', [Validators.maxLength(MODULE_TITLE_MAX_LENGTH)]],
    summaryFr: ['', [Validators.maxLength(MODULE_SUMMARY_MAX_LENGTH)]],
    summaryAr: ['', [Validators.maxLength(MODULE_SUMMARY_MAX_LENGTH)]],
    summaryEn: ['', [Validators.maxLength(MODULE_SUMMARY_MAX_LENGTH)]],
    estimatedMinutes: [null as number | null, [Validators.min(1), Validators.max(10000)]],
  });

  constructor() {
    // Refill when another module is shown or after a save (not on every outline refresh).
    let lastKey = '';
    effect(() => {
      const m = this.module();
      const key = JSON.stringify([m.id, m.title, m.summary, m.estimatedMinutes, m.coverFileId]);
      if (key === lastKey) return;
      lastKey = key;
      this.form.reset({
        titleFr: m.title.fr ?? '',
        titleAr: m.title.ar ?? '',
        titleEn: m.title.en ?? '',
        summaryFr: m.summary.fr ?? '',
        summaryAr: m.summary.ar ?? '',
        summaryEn: m.summary.en ?? '',
        estimatedMinutes: m.estimatedMinutes,
      });
      this.coverFileId.set(m.coverFileId);
      for (const lang of LANGUAGES) {
        const control = this.form.controls[`title${KEY[lang]}`];
        control.setValidators(
          lang === m.originalLanguage
            ? [Validators.required, Validators.maxLength(MODULE_TITLE_MAX_LENGTH)]
            : [Validators.maxLength(MODULE_TITLE_MAX_LENGTH)],
        );
        control.updateValueAndValidity();
      }
    });
  }

  protected dirOf(lang: Language): 'rtl' | 'ltr' {
    return dirOf(lang);
  }
  protected coverMax(): string {
    return formatSize(this.coverBytes, this.module().originalLanguage);
  }
  protected fileUrl(id: string): string {
    return ApiRoutes.file(id);
  }

  coverUploaded(result: UploadResult): void {
    if (result.kind === 'file') this.coverFileId.set(result.file.id);
  }

  submit(): void {
    if (!this.fb.validate(this.form)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const title = compactLocalized({ fr: v.titleFr, ar: v.titleAr, en: v.titleEn });
    const summary = compactLocalized({ fr: v.summaryFr, ar: v.summaryAr, en: v.summaryEn });
    const fieldMap: Record<string, string> = { title: `title${KEY[this.module().originalLanguage]}` };
    for (const lang of LANGUAGES) {
      fieldMap[`title.${lang}`] = `title${KEY[lang]}`;
      fieldMap[`summary.${lang}`] = `summary${KEY[lang]}`;
    }
    this.fb.busy.set(true);
    this.api
      .updateModule(this.module().id, {
        title,
        summary,
        estimatedMinutes: v.estimatedMinutes || null,
        coverFileId: this.coverFileId(),
      })
      .subscribe({
        next: (updated) => {
          this.fb.busy.set(false);
          this.fb.succeed('learning.edit.saved');
          this.saved.emit(updated);
        },
        error: (err) => {
          this.fb.busy.set(false);
          this.fb.fromError(err, {}, fieldMap);
          focusFirstInvalid(this.host.nativeElement);
        },
      });
  }
}
