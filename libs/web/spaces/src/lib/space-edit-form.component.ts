import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  LANGUAGES,
  Language,
  LocalizedText,
  SPACE_DESCRIPTION_MAX_LENGTH,
  SPACE_TITLE_MAX_LENGTH,
  SpaceDetail,
  SpaceStatus,
  SpaceVisibility,
  directionOf,
} from '@pratique/contracts';
import {
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LANGUAGE_ENDONYMS,
  SpacesApi,
  focusFirstInvalid,
} from '@pratique/web/core';

type LangKey = 'Fr' | 'Ar' | 'En';
const KEY: Record<Language, LangKey> = { fr: 'Fr', ar: 'Ar', en: 'En' };

/** Edit a space: title and description per language, visibility, status (`PATCH /api/spaces/:id`). */
@Component({
  selector: 'pq-space-edit-form',
  imports: [ReactiveFormsModule, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="stack">
      <pq-form-status [feedback]="fb" />
      <p class="hint">
        {{ 'spaces.edit.perLanguageHint' | transloco: { original: names[space().originalLanguage] } }}
      </p>
      @for (lang of languages; track lang) {
        <fieldset class="fieldset">
          <legend [attr.lang]="lang">{{ names[lang] }}</legend>
          <div class="field">
            <label [for]="fb.id('title' + key[lang])"
              >{{ 'spaces.edit.title' | transloco }} ({{ lang }})</label
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
            <label [for]="fb.id('description' + key[lang])"
              >{{ 'spaces.edit.description' | transloco }} ({{ lang }})</label
            >
            <textarea
              rows="4"
              [id]="fb.id('description' + key[lang])"
              [formControlName]="'description' + key[lang]"
              [attr.lang]="lang"
              [attr.dir]="dirOf(lang)"
              [attr.aria-invalid]="fb.invalid('description' + key[lang])"
              [attr.aria-describedby]="fb.describedBy('description' + key[lang])"
            ></textarea>
            <pq-field-error [feedback]="fb" [field]="'description' + key[lang]" />
          </div>
        </fieldset>
      }
      <div class="row">
        <div class="field">
          <label [for]="fb.id('visibility')">{{ 'spaces.edit.visibility' | transloco }}</label>
          <select
            [id]="fb.id('visibility')"
            formControlName="visibility"
            [attr.aria-invalid]="fb.invalid('visibility')"
            [attr.aria-describedby]="fb.describedBy('visibility')"
          >
            <option value="public">{{ 'spaces.visibility.public' | transloco }}</option>
            <option value="members">{{ 'spaces.visibility.members' | transloco }}</option>
          </select>
          <pq-field-error [feedback]="fb" field="visibility" />
        </div>
        <div class="field">
          <label [for]="fb.id('status')">{{ 'spaces.edit.status' | transloco }}</label>
          <select
            [id]="fb.id('status')"
            formControlName="status"
            [attr.aria-invalid]="fb.invalid('status')"
            [attr.aria-describedby]="fb.describedBy('status')"
          >
            <option value="open">{{ 'spaces.status.open' | transloco }}</option>
            <option value="archived">{{ 'spaces.status.archived' | transloco }}</option>
          </select>
          <pq-field-error [feedback]="fb" field="status" />
        </div>
      </div>
      <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
        {{ (fb.busy() ? 'common.working' : 'common.save') | transloco }}
      </button>
    </form>
  `,
})
export class SpaceEditFormComponent {
  private readonly api = inject(SpacesApi);
  private readonly host = inject(ElementRef<HTMLElement>);
  readonly space = input.required<SpaceDetail>();
  readonly saved = output<SpaceDetail>();

  protected readonly languages = LANGUAGES;
  protected readonly names = LANGUAGE_ENDONYMS;
  protected readonly key = KEY;
  protected readonly fb = new FormFeedback('space-edit');
  private readonly fbuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.fbuilder.group({
    titleFr: ['', [Validators.maxLength(SPACE_TITLE_MAX_LENGTH)]],
    titleAr: ['', [Validators.maxLength(SPACE_TITLE_MAX_LENGTH)]],
    titleEn: ['', [Validators.maxLength(SPACE_TITLE_MAX_LENGTH)]],
    descriptionFr: ['', [Validators.maxLength(SPACE_DESCRIPTION_MAX_LENGTH)]],
    descriptionAr: ['', [Validators.maxLength(SPACE_DESCRIPTION_MAX_LENGTH)]],
    descriptionEn: ['', [Validators.maxLength(SPACE_DESCRIPTION_MAX_LENGTH)]],
    visibility: [SpaceVisibility.Public as SpaceVisibility],
    status: [SpaceStatus.Open as SpaceStatus],
  });

  constructor() {
    effect(() => {
      const s = this.space();
      this.form.reset({
        titleFr: s.title.fr ?? '',
        titleAr: s.title.ar ?? '',
        titleEn: s.title.en ?? '',
        descriptionFr: s.description.fr ?? '',
        descriptionAr: s.description.ar ?? '',
        descriptionEn: s.description.en ?? '',
        visibility: s.visibility,
        status: s.status,
      });
      // The title in the space's original language is the one that must always exist.
      for (const lang of LANGUAGES) {
        const control = this.form.controls[`title${KEY[lang]}`];
        control.setValidators(
          lang === s.originalLanguage
            ? [Validators.required, Validators.maxLength(SPACE_TITLE_MAX_LENGTH)]
            : [Validators.maxLength(SPACE_TITLE_MAX_LENGTH)],
        );
        control.updateValueAndValidity();
      }
    });
  }

  protected dirOf(lang: Language): 'rtl' | 'ltr' {
    return directionOf(lang);
  }

  submit(): void {
    if (!this.fb.validate(this.form)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const title: LocalizedText = {};
    const description: LocalizedText = {};
    for (const lang of LANGUAGES) {
      const t = v[`title${KEY[lang]}`].trim();
      const d = v[`description${KEY[lang]}`].trim();
      if (t) title[lang] = t;
      if (d) description[lang] = d;
    }
    const fieldMap: Record<string, string> = {};
    for (const lang of LANGUAGES) {
      fieldMap[`title.${lang}`] = `title${KEY[lang]}`;
      fieldMap[`description.${lang}`] = `description${KEY[lang]}`;
    }
    fieldMap['title'] = `title${KEY[this.space().originalLanguage]}`;
    this.fb.busy.set(true);
    this.api
      .update(this.space().id, { title, description, visibility: v.visibility, status: v.status })
      .subscribe({
        next: (updated) => {
          this.fb.busy.set(false);
          this.fb.succeed('spaces.edit.saved');
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
