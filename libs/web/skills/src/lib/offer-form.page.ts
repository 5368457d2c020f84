import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  LANGUAGES,
  Language,
  SKILL_FORMATS,
  SKILL_LIMITS,
  SkillFormat,
  SkillOffer,
  SkillOfferInput,
} from '@pratique/contracts';
import {
  ApiError,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LanguageService,
  SkillsApi,
  TagInputComponent,
  UiMessage,
  focusFirstInvalid,
  messageKeyForStatus,
} from '@pratique/web/core';
import { CheckGroupComponent, RegionSelectComponent } from './skill-choices.component';
import { SKILLS_STYLES, baseField, clearWhenAnswered, skillsPageTitle } from './skills-format';

/**
 * /skills/offers/new and /skills/offers/:id/edit — a member's offer of expertise: title,
 * description, skills (tags), formats, availability, languages and the region where they can meet.
 */
@Component({
  selector: 'pq-offer-form-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    FieldErrorComponent,
    FormStatusComponent,
    TagInputComponent,
    CheckGroupComponent,
    RegionSelectComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [SKILLS_STYLES],
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      @if (id()) {
        <a [routerLink]="['/skills/offers', id()]">{{ 'skills.offer.back' | transloco }}</a>
      } @else {
        <a routerLink="/skills">{{ 'skills.list.title' | transloco }}</a>
      }
    </nav>
    <h1>{{ (id() ? 'skills.offerForm.editTitle' : 'skills.offerForm.title') | transloco }}</h1>
    <p class="intro">{{ 'skills.offerForm.intro' | transloco }}</p>

    @if (loadError(); as key) {
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (!ready()) {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    } @else {
      <form class="card stack form" novalidate (submit)="$event.preventDefault(); submit()">
        <div class="field">
          <label [for]="fb.id('title')">{{ 'skills.offerForm.titleLabel' | transloco }}</label>
          <input
            type="text"
            dir="auto"
            [id]="fb.id('title')"
            [maxLength]="limits.titleChars"
            [value]="title()"
            [attr.aria-invalid]="fb.invalid('title')"
            [attr.aria-describedby]="fb.describedBy('title', fb.id('title') + '-hint')"
            (input)="title.set($any($event.target).value)"
          />
          <p class="hint" [id]="fb.id('title') + '-hint'">{{ 'skills.offerForm.titleHint' | transloco }}</p>
          <pq-field-error [feedback]="fb" field="title" />
        </div>
        <div class="field">
          <label [for]="fb.id('description')">{{ 'skills.offerForm.description' | transloco }}</label>
          <textarea
            rows="5"
            dir="auto"
            [id]="fb.id('description')"
            [maxLength]="limits.textChars"
            [value]="description()"
            [attr.aria-invalid]="fb.invalid('description')"
            [attr.aria-describedby]="fb.describedBy('description')"
            (input)="description.set($any($event.target).value)"
          ></textarea>
          <pq-field-error [feedback]="fb" field="description" />
        </div>
        <pq-tag-input
          [limits]="tagLimits"
          [label]="'skills.fields.skills' | transloco"
          [inputId]="fb.id('skills')"
          [errorId]="fb.invalid('skills') ? fb.errorId('skills') : null"
          [invalid]="!!fb.invalid('skills')"
          [(tags)]="skills"
        />
        <pq-field-error [feedback]="fb" field="skills" />

        <pq-check-group
          [legend]="'skills.fields.formatsLegend' | transloco"
          [options]="formats"
          labelPrefix="skills.formatName."
          field="formats"
          [fb]="fb"
          [(value)]="chosenFormats"
        />

        <div class="field">
          <label [for]="fb.id('availability')">{{ 'skills.offerForm.availability' | transloco }}</label>
          <input
            type="text"
            dir="auto"
            [id]="fb.id('availability')"
            [maxLength]="limits.availabilityChars"
            [value]="availability()"
            [attr.aria-invalid]="fb.invalid('availability')"
            [attr.aria-describedby]="fb.describedBy('availability', fb.id('availability') + '-hint')"
            (input)="availability.set($any($event.target).value)"
          />
          <p class="hint" [id]="fb.id('availability') + '-hint'">
            {{ 'skills.offerForm.availabilityHint' | transloco }}
          </p>
          <pq-field-error [feedback]="fb" field="availability" />
        </div>

        <pq-check-group
          [legend]="'skills.fields.languagesLegend' | transloco"
          [options]="languages"
          labelPrefix="skills.languageName."
          field="languages"
          [fb]="fb"
          [(value)]="chosenLanguages"
        />

        <pq-region-select [label]="'skills.offerForm.region' | transloco" [fb]="fb" [(value)]="regionId" />

        <pq-form-status [feedback]="fb" />
        <div class="actions">
          <button type="submit" class="btn btn-primary" [disabled]="fb.busy()">
            {{
              (fb.busy() ? 'common.working' : id() ? 'common.save' : 'skills.offerForm.submit') | transloco
            }}
          </button>
          <a class="btn btn-ghost-dark" [routerLink]="id() ? ['/skills/offers', id()] : ['/skills']">{{
            'common.cancel' | transloco
          }}</a>
        </div>
      </form>
    }
  `,
})
export class OfferFormPage {
  private readonly api = inject(SkillsApi);
  private readonly router = inject(Router);
  private readonly lang = inject(LanguageService).current;
  protected readonly fb = new FormFeedback('offer');
  protected readonly limits = SKILL_LIMITS;
  protected readonly tagLimits = { tags: SKILL_LIMITS.skills, tagLength: SKILL_LIMITS.skillChars };
  protected readonly formats = SKILL_FORMATS;
  protected readonly languages = LANGUAGES;

  /** Route parameter: set when editing. */
  readonly id = input<string | undefined>();

  protected readonly ready = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly title = signal('');
  protected readonly description = signal('');
  protected readonly skills = signal<string[]>([]);
  protected readonly chosenFormats = signal<SkillFormat[]>([SkillFormat.Remote]);
  protected readonly availability = signal('');
  protected readonly chosenLanguages = signal<Language[]>([]);
  protected readonly regionId = signal('');

  constructor() {
    skillsPageTitle(() => ({ key: this.id() ? 'skills.offerForm.editTitle' : 'skills.offerForm.title' }));
    clearWhenAnswered(this.fb, () => ({
      title: !!this.title().trim(),
      skills: this.skills().length > 0,
      formats: this.chosenFormats().length > 0,
      languages: this.chosenLanguages().length > 0,
    }));
    effect(() => {
      const id = this.id();
      untracked(() => {
        if (!id) {
          this.chosenLanguages.set([this.lang()]);
          this.ready.set(true);
          return;
        }
        this.api.offer(id).subscribe({
          next: (o) => this.show(o),
          error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
        });
      });
    });
  }

  private show(o: SkillOffer): void {
    this.title.set(o.title);
    this.description.set(o.description);
    this.skills.set(o.skills);
    this.chosenFormats.set(o.formats);
    this.availability.set(o.availability);
    this.chosenLanguages.set(o.languages);
    this.regionId.set(o.regionId ?? '');
    this.ready.set(true);
  }

  submit(): void {
    this.fb.clear();
    const fields: Record<string, UiMessage> = {};
    if (!this.title().trim()) fields['title'] = { key: 'errors.required' };
    if (!this.skills().length) fields['skills'] = { key: 'skills.form.skillsRequired' };
    if (!this.chosenFormats().length) fields['formats'] = { key: 'skills.form.chooseOne' };
    if (!this.chosenLanguages().length) fields['languages'] = { key: 'skills.form.chooseOne' };
    if (Object.keys(fields).length) {
      this.fb.fields.set(fields);
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: Object.keys(fields).length } });
      focusFirstInvalid();
      return;
    }
    const body: SkillOfferInput = {
      title: this.title().trim(),
      description: this.description().trim(),
      skills: this.skills(),
      formats: SKILL_FORMATS.filter((f) => this.chosenFormats().includes(f)),
      availability: this.availability().trim(),
      languages: LANGUAGES.filter((l) => this.chosenLanguages().includes(l)),
      regionId: this.regionId() || null,
    };
    const id = this.id();
    this.fb.busy.set(true);
    (id ? this.api.updateOffer(id, body) : this.api.createOffer(body)).subscribe({
      next: (o) => {
        this.fb.busy.set(false);
        void this.router.navigate(['/skills/offers', o.id]);
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
        this.fb.fields.set(
          Object.fromEntries(Object.entries(this.fb.fields()).map(([k, v]) => [baseField(k), v])),
        );
        focusFirstInvalid();
      },
    });
  }
}
