import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  LANGUAGES,
  Language,
  SKILL_FORMATS,
  SKILL_LIMITS,
  SkillFormat,
  SkillRequest,
  SkillRequestInput,
} from '@pratique/contracts';
import {
  ApiError,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LanguageService,
  SessionStore,
  SkillsApi,
  TagInputComponent,
  UiMessage,
  focusFirstInvalid,
  messageKeyForStatus,
} from '@pratique/web/core';
import { CheckGroupComponent, RegionSelectComponent } from './skill-choices.component';
import { SKILLS_STYLES, baseField, clearWhenAnswered, skillsPageTitle } from './skills-format';

/**
 * /skills/requests/new and /skills/requests/:id/edit — an organisation's need, posted by one of
 * its members: the organisation (among the member's own), what is needed, why, the expected
 * outcome, a deadline, formats, region, skills (tags) and languages.
 */
@Component({
  selector: 'pq-request-form-page',
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
        <a [routerLink]="['/skills/requests', id()]">{{ 'skills.request.back' | transloco }}</a>
      } @else {
        <a routerLink="/skills" [queryParams]="{ view: 'requests' }">{{ 'skills.list.title' | transloco }}</a>
      }
    </nav>
    <h1>{{ (id() ? 'skills.requestForm.editTitle' : 'skills.requestForm.title') | transloco }}</h1>
    <p class="intro">{{ 'skills.requestForm.intro' | transloco }}</p>

    @if (loadError(); as key) {
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (!ready()) {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    } @else if (!id() && !organisations().length) {
      <p class="alert alert-error">{{ 'skills.requestForm.noOrganisation' | transloco }}</p>
    } @else {
      <form class="card stack form" novalidate (submit)="$event.preventDefault(); submit()">
        @if (!id()) {
          <div class="field">
            <label [for]="fb.id('organisationId')">{{ 'skills.requestForm.organisation' | transloco }}</label>
            <select
              [id]="fb.id('organisationId')"
              [attr.aria-invalid]="fb.invalid('organisationId')"
              [attr.aria-describedby]="fb.describedBy('organisationId')"
              (change)="organisationId.set($any($event.target).value)"
            >
              @for (o of organisations(); track o.id) {
                <option [value]="o.id" [selected]="o.id === organisationId()">{{ o.name }}</option>
              }
            </select>
            <pq-field-error [feedback]="fb" field="organisationId" />
          </div>
        }
        <div class="field">
          <label [for]="fb.id('title')">{{ 'skills.requestForm.what' | transloco }}</label>
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
          <p class="hint" [id]="fb.id('title') + '-hint'">{{ 'skills.requestForm.whatHint' | transloco }}</p>
          <pq-field-error [feedback]="fb" field="title" />
        </div>
        <div class="field">
          <label [for]="fb.id('why')">{{ 'skills.requestForm.why' | transloco }}</label>
          <textarea
            rows="4"
            dir="auto"
            [id]="fb.id('why')"
            [maxLength]="limits.textChars"
            [value]="why()"
            [attr.aria-invalid]="fb.invalid('why')"
            [attr.aria-describedby]="fb.describedBy('why')"
            (input)="why.set($any($event.target).value)"
          ></textarea>
          <pq-field-error [feedback]="fb" field="why" />
        </div>
        <div class="field">
          <label [for]="fb.id('expectedOutcome')">{{ 'skills.requestForm.outcome' | transloco }}</label>
          <textarea
            rows="3"
            dir="auto"
            [id]="fb.id('expectedOutcome')"
            [maxLength]="limits.textChars"
            [value]="expectedOutcome()"
            [attr.aria-invalid]="fb.invalid('expectedOutcome')"
            [attr.aria-describedby]="fb.describedBy('expectedOutcome')"
            (input)="expectedOutcome.set($any($event.target).value)"
          ></textarea>
          <pq-field-error [feedback]="fb" field="expectedOutcome" />
        </div>
        <div class="field deadline">
          <label [for]="fb.id('deadline')">{{ 'skills.requestForm.deadline' | transloco }}</label>
          <input
            type="date"
            [id]="fb.id('deadline')"
            [value]="deadline()"
            [attr.aria-invalid]="fb.invalid('deadline')"
            [attr.aria-describedby]="fb.describedBy('deadline', fb.id('deadline') + '-hint')"
            (input)="deadline.set($any($event.target).value)"
          />
          <p class="hint" [id]="fb.id('deadline') + '-hint'">
            {{ 'skills.requestForm.deadlineHint' | transloco }}
          </p>
          <pq-field-error [feedback]="fb" field="deadline" />
        </div>

        <pq-check-group
          [legend]="'skills.fields.formatsLegend' | transloco"
          [options]="formats"
          labelPrefix="skills.formatName."
          field="formats"
          [fb]="fb"
          [(value)]="chosenFormats"
        />

        <pq-region-select [label]="'skills.requestForm.region' | transloco" [fb]="fb" [(value)]="regionId" />

        <pq-tag-input
          [limits]="tagLimits"
          [label]="'skills.requestForm.skills' | transloco"
          [inputId]="fb.id('skills')"
          [errorId]="fb.invalid('skills') ? fb.errorId('skills') : null"
          [invalid]="!!fb.invalid('skills')"
          [(tags)]="skills"
        />
        <pq-field-error [feedback]="fb" field="skills" />

        <pq-check-group
          [legend]="'skills.fields.languagesLegend' | transloco"
          [options]="languages"
          labelPrefix="skills.languageName."
          field="languages"
          [fb]="fb"
          [(value)]="chosenLanguages"
        />

        <pq-form-status [feedback]="fb" />
        <div class="actions">
          <button type="submit" class="btn btn-primary" [disabled]="fb.busy()">
            {{
              (fb.busy() ? 'common.working' : id() ? 'common.save' : 'skills.requestForm.submit') | transloco
            }}
          </button>
          <a class="btn btn-ghost-dark" [routerLink]="id() ? ['/skills/requests', id()] : ['/skills']">{{
            'common.cancel' | transloco
          }}</a>
        </div>
      </form>
    }
  `,
})
export class RequestFormPage {
  private readonly api = inject(SkillsApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly lang = inject(LanguageService).current;
  protected readonly fb = new FormFeedback('request');
  protected readonly limits = SKILL_LIMITS;
  protected readonly tagLimits = { tags: SKILL_LIMITS.skills, tagLength: SKILL_LIMITS.skillChars };
  protected readonly formats = SKILL_FORMATS;
  protected readonly languages = LANGUAGES;

  /** Route parameter: set when editing. */
  readonly id = input<string | undefined>();

  protected readonly organisations = computed(() => this.session.user()?.organisations ?? []);
  protected readonly ready = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly organisationId = signal('');
  protected readonly title = signal('');
  protected readonly why = signal('');
  protected readonly expectedOutcome = signal('');
  protected readonly deadline = signal('');
  protected readonly chosenFormats = signal<SkillFormat[]>([SkillFormat.Remote]);
  protected readonly regionId = signal('');
  protected readonly skills = signal<string[]>([]);
  protected readonly chosenLanguages = signal<Language[]>([]);

  constructor() {
    skillsPageTitle(() => ({ key: this.id() ? 'skills.requestForm.editTitle' : 'skills.requestForm.title' }));
    clearWhenAnswered(this.fb, () => ({
      organisationId: !!this.organisationId(),
      title: !!this.title().trim(),
      skills: this.skills().length > 0,
      formats: this.chosenFormats().length > 0,
      languages: this.chosenLanguages().length > 0,
    }));
    effect(() => {
      const id = this.id();
      untracked(() => {
        if (!id) {
          this.organisationId.set(this.organisations()[0]?.id ?? '');
          this.regionId.set(this.session.user()?.regionId ?? '');
          this.chosenLanguages.set([this.lang()]);
          this.ready.set(true);
          return;
        }
        this.api.request(id).subscribe({
          next: (r) => this.show(r),
          error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
        });
      });
    });
  }

  private show(r: SkillRequest): void {
    this.organisationId.set(r.organisation.id);
    this.title.set(r.title);
    this.why.set(r.why);
    this.expectedOutcome.set(r.expectedOutcome);
    this.deadline.set(r.deadline ?? '');
    this.chosenFormats.set(r.formats);
    this.regionId.set(r.regionId ?? '');
    this.skills.set(r.skills);
    this.chosenLanguages.set(r.languages);
    this.ready.set(true);
  }

  submit(): void {
    this.fb.clear();
    const fields: Record<string, UiMessage> = {};
    if (!this.id() && !this.organisationId()) fields['organisationId'] = { key: 'errors.required' };
    if (!this.title().trim()) fields['title'] = { key: 'errors.required' };
    if (!this.chosenFormats().length) fields['formats'] = { key: 'skills.form.chooseOne' };
    if (!this.skills().length) fields['skills'] = { key: 'skills.form.skillsRequired' };
    if (!this.chosenLanguages().length) fields['languages'] = { key: 'skills.form.chooseOne' };
    if (Object.keys(fields).length) {
      this.fb.fields.set(fields);
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: Object.keys(fields).length } });
      focusFirstInvalid();
      return;
    }
    const common = {
      title: this.title().trim(),
      why: this.why().trim(),
      expectedOutcome: this.expectedOutcome().trim(),
      deadline: this.deadline() || null,
      formats: SKILL_FORMATS.filter((f) => this.chosenFormats().includes(f)),
      regionId: this.regionId() || null,
      skills: this.skills(),
      languages: LANGUAGES.filter((l) => this.chosenLanguages().includes(l)),
    };
    const id = this.id();
    const body: SkillRequestInput = { organisationId: this.organisationId(), ...common };
    this.fb.busy.set(true);
    (id ? this.api.updateRequest(id, common) : this.api.createRequest(body)).subscribe({
      next: (r) => {
        this.fb.busy.set(false);
        void this.router.navigate(['/skills/requests', r.id]);
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
