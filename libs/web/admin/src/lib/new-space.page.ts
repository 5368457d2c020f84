import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CreateSpaceRequest,
  LANGUAGES,
  Language,
  LocalizedText,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  SPACE_DESCRIPTION_MAX_LENGTH,
  SPACE_TITLE_MAX_LENGTH,
  SpaceScope,
  SpaceVisibility,
  THEMATIC_AXES,
  ThematicAxis,
  directionOf,
} from '@pratique/contracts';
import {
  DirectoryApi,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LANGUAGE_ENDONYMS,
  LanguageService,
  SessionStore,
  SpacesApi,
  focusFirstInvalid,
} from '@pratique/web/core';
import { catchError, of } from 'rxjs';
import { slugify } from './slugify';

type LangKey = 'Fr' | 'Ar' | 'En';
const KEY: Record<Language, LangKey> = { fr: 'Fr', ar: 'Ar', en: 'En' };

/** Create a space (admins anywhere; staff in their regions): `POST /api/spaces`, then open it. */
@Component({
  selector: 'pq-new-space-page',
  imports: [ReactiveFormsModule, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'admin.newSpace.title' | transloco }}</h1>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="stack card">
      <pq-form-status [feedback]="fb" />
      <div class="row">
        <div class="field">
          <label [for]="fb.id('originalLanguage')">{{ 'admin.newSpace.originalLanguage' | transloco }}</label>
          <select
            [id]="fb.id('originalLanguage')"
            formControlName="originalLanguage"
            [attr.aria-describedby]="fb.describedBy('originalLanguage', 'new-space-original-hint')"
            [attr.aria-invalid]="fb.invalid('originalLanguage')"
          >
            @for (lang of languages; track lang) {
              <option [value]="lang" [attr.lang]="lang">{{ names[lang] }}</option>
            }
          </select>
          <p class="hint" id="new-space-original-hint">
            {{ 'admin.newSpace.originalLanguageHint' | transloco }}
          </p>
          <pq-field-error [feedback]="fb" field="originalLanguage" />
        </div>
        <div class="field">
          <label [for]="fb.id('axis')">{{ 'spaces.axis' | transloco }}</label>
          <select
            [id]="fb.id('axis')"
            formControlName="axis"
            [attr.aria-invalid]="fb.invalid('axis')"
            [attr.aria-describedby]="fb.describedBy('axis')"
          >
            <option value="">{{ 'admin.newSpace.chooseAxis' | transloco }}</option>
            @for (a of axes; track a) {
              <option [value]="a">{{ 'axes.' + a | transloco }}</option>
            }
          </select>
          <pq-field-error [feedback]="fb" field="axis" />
        </div>
      </div>
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
              rows="3"
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
      <div class="field">
        <label [for]="fb.id('slug')">{{ 'admin.newSpace.slug' | transloco }}</label>
        <input
          type="text"
          [id]="fb.id('slug')"
          formControlName="slug"
          dir="ltr"
          autocomplete="off"
          [attr.aria-invalid]="fb.invalid('slug')"
          [attr.aria-describedby]="fb.describedBy('slug', 'new-space-slug-hint')"
        />
        <p class="hint" id="new-space-slug-hint">{{ 'admin.newSpace.slugHint' | transloco }}</p>
        <pq-field-error [feedback]="fb" field="slug" />
      </div>
      <div class="row">
        <div class="field">
          <label [for]="fb.id('scope')">{{ 'admin.newSpace.scope' | transloco }}</label>
          <select
            [id]="fb.id('scope')"
            formControlName="scope"
            [attr.aria-invalid]="fb.invalid('scope')"
            [attr.aria-describedby]="fb.describedBy('scope')"
          >
            @if (session.isAdmin()) {
              <option value="national">{{ 'spaces.scope.national' | transloco }}</option>
            }
            <option value="regional">{{ 'spaces.scope.regional' | transloco }}</option>
          </select>
          <pq-field-error [feedback]="fb" field="scope" />
        </div>
        @if (scope() === 'regional') {
          <div class="field">
            <label [for]="fb.id('regionId')">{{ 'spaces.region' | transloco }}</label>
            <select
              [id]="fb.id('regionId')"
              formControlName="regionId"
              [attr.aria-invalid]="fb.invalid('regionId')"
              [attr.aria-describedby]="fb.describedBy('regionId')"
            >
              <option value="">{{ 'accounts.chooseRegion' | transloco }}</option>
              @for (r of allowedRegions(); track r.id) {
                <option [value]="r.id">{{ r.name }}</option>
              }
            </select>
            <pq-field-error [feedback]="fb" field="regionId" />
          </div>
        }
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
      </div>
      <div class="actions">
        <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
          {{ (fb.busy() ? 'common.working' : 'admin.newSpace.submit') | transloco }}
        </button>
      </div>
    </form>
  `,
})
export class NewSpacePage {
  private readonly api = inject(SpacesApi);
  private readonly router = inject(Router);
  private readonly host = inject(ElementRef<HTMLElement>);
  protected readonly session = inject(SessionStore);

  protected readonly languages = LANGUAGES;
  protected readonly names = LANGUAGE_ENDONYMS;
  protected readonly axes = THEMATIC_AXES;
  protected readonly key = KEY;
  protected readonly fb = new FormFeedback('new-space');
  protected readonly form = inject(NonNullableFormBuilder).group({
    originalLanguage: [inject(LanguageService).current() as Language, [Validators.required]],
    axis: ['' as ThematicAxis | '', [Validators.required]],
    titleFr: ['', [Validators.maxLength(SPACE_TITLE_MAX_LENGTH)]],
    titleAr: ['', [Validators.maxLength(SPACE_TITLE_MAX_LENGTH)]],
    titleEn: ['', [Validators.maxLength(SPACE_TITLE_MAX_LENGTH)]],
    descriptionFr: ['', [Validators.maxLength(SPACE_DESCRIPTION_MAX_LENGTH)]],
    descriptionAr: ['', [Validators.maxLength(SPACE_DESCRIPTION_MAX_LENGTH)]],
    descriptionEn: ['', [Validators.maxLength(SPACE_DESCRIPTION_MAX_LENGTH)]],
    slug: [
      '',
      [Validators.required, Validators.maxLength(SLUG_MAX_LENGTH), Validators.pattern(SLUG_PATTERN)],
    ],
    scope: [this.session.isAdmin() ? SpaceScope.National : SpaceScope.Regional, [Validators.required]],
    regionId: [''],
    visibility: [SpaceVisibility.Public as SpaceVisibility, [Validators.required]],
  });

  private readonly regions = toSignal(
    inject(DirectoryApi)
      .regions()
      .pipe(catchError(() => of([]))),
    {
      initialValue: [],
    },
  );
  /** Staff create spaces in their own regions only. */
  protected readonly allowedRegions = computed(() => {
    if (this.session.isAdmin()) return this.regions();
    const mine = this.session.staffRegionIds();
    return this.regions().filter((r) => mine.includes(r.id));
  });
  protected readonly scope = toSignal(this.form.controls.scope.valueChanges, {
    initialValue: this.form.controls.scope.value,
  });
  private readonly originalLanguage = toSignal(this.form.controls.originalLanguage.valueChanges, {
    initialValue: this.form.controls.originalLanguage.value,
  });
  private slugEdited = false;

  constructor() {
    // The title in the original language is required; the region when the space is regional.
    effect(() => {
      const original = this.originalLanguage();
      for (const lang of LANGUAGES) {
        const c = this.form.controls[`title${KEY[lang]}`];
        c.setValidators(
          lang === original
            ? [Validators.required, Validators.maxLength(SPACE_TITLE_MAX_LENGTH)]
            : [Validators.maxLength(SPACE_TITLE_MAX_LENGTH)],
        );
        c.updateValueAndValidity({ emitEvent: false });
      }
      const region = this.form.controls.regionId;
      region.setValidators(this.scope() === SpaceScope.Regional ? [Validators.required] : []);
      region.updateValueAndValidity({ emitEvent: false });
    });
    // Suggest a slug from the French or English title until the slug is edited by hand.
    this.form.controls.slug.valueChanges.subscribe((v) => {
      if (v !== this.suggested) this.slugEdited = true;
    });
    for (const c of [this.form.controls.titleFr, this.form.controls.titleEn]) {
      c.valueChanges.subscribe(() => {
        if (this.slugEdited) return;
        this.suggested = slugify(this.form.controls.titleFr.value || this.form.controls.titleEn.value);
        this.form.controls.slug.setValue(this.suggested);
      });
    }
  }
  private suggested = '';

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
    const fieldMap: Record<string, string> = { title: `title${KEY[v.originalLanguage]}` };
    for (const lang of LANGUAGES) {
      const t = v[`title${KEY[lang]}`].trim();
      const d = v[`description${KEY[lang]}`].trim();
      if (t) title[lang] = t;
      if (d) description[lang] = d;
      fieldMap[`title.${lang}`] = `title${KEY[lang]}`;
      fieldMap[`description.${lang}`] = `description${KEY[lang]}`;
    }
    const body: CreateSpaceRequest = {
      slug: v.slug.trim(),
      title,
      description,
      originalLanguage: v.originalLanguage,
      axis: v.axis as ThematicAxis,
      scope: v.scope,
      regionId: v.scope === SpaceScope.Regional ? v.regionId : null,
      visibility: v.visibility,
    };
    this.fb.busy.set(true);
    this.api.create(body).subscribe({
      next: (space) => {
        this.fb.busy.set(false);
        void this.router.navigate(['/spaces', space.slug]);
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err, { 409: 'admin.newSpace.slugTaken' }, fieldMap);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
