import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
} from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  LANGUAGES,
  Language,
  LocalizedText,
  ModuleStatus,
  SeminarAudience,
  SeminarDetail,
  SeminarInput,
  SeminarKind,
  directionOf,
  pickLocalized,
} from '@pratique/contracts';
import {
  DirectoryApi,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LANGUAGE_ENDONYMS,
  LanguageService,
  LearningApi,
  SeminarsApi,
  SessionStore,
  SpacesApi,
  UiMessage,
  focusFirstInvalid,
} from '@pratique/web/core';
import { catchError, forkJoin, map, of, startWith, switchMap } from 'rxjs';
import { isoToLocalInput, localInputToIso } from './seminar-format';
import { SEMINAR_FIELD_STYLES } from './seminar-styles';

type RequirementGroup = FormGroup<{ moduleId: FormControl<string>; minPercent: FormControl<number | null> }>;
const DATE_FIELDS = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const;
type DateField = (typeof DATE_FIELDS)[number];
const DAY = 24 * 3600 * 1000;

/** Published modules of one space, for the rule builder's `<optgroup>`. */
interface ModuleGroup {
  spaceTitle: string;
  modules: { id: string; title: string }[];
}

/**
 * Create or edit a seminar: texts per language, region (the staff's own), optional space, audience,
 * dates (the reader's local time, sent as ISO UTC), seats, confirmation, and the rule builder —
 * published modules with a minimum percent each, and how many of them must be met.
 * Field errors, from this form or from the API (`rule.requirements.1.minPercent`…), sit under
 * their field and are announced by the form's live region.
 */
@Component({
  selector: 'pq-seminar-form',
  imports: [ReactiveFormsModule, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="stack">
      <pq-form-status [feedback]="fb" />

      <fieldset class="fieldset">
        <legend>{{ 'seminars.form.general' | transloco }}</legend>
        <div class="row">
          <div class="field">
            <label [for]="fb.id('kind')">{{ 'seminars.form.kind' | transloco }}</label>
            <select [id]="fb.id('kind')" formControlName="kind">
              @for (k of kinds; track k) {
                <option [value]="k">{{ 'seminars.kind.' + k | transloco }}</option>
              }
            </select>
          </div>
          <div class="field">
            <label [for]="fb.id('originalLanguage')">{{
              'seminars.form.originalLanguage' | transloco
            }}</label>
            <select
              [id]="fb.id('originalLanguage')"
              formControlName="originalLanguage"
              [attr.aria-describedby]="fb.id('originalLanguage-hint')"
            >
              @for (l of languages; track l) {
                <option [value]="l" [attr.lang]="l">{{ names[l] }}</option>
              }
            </select>
            <p class="hint" [id]="fb.id('originalLanguage-hint')">
              {{ 'seminars.form.originalLanguageHint' | transloco }}
            </p>
          </div>
        </div>
        @for (l of languages; track l) {
          <div class="field">
            <label [for]="fb.id('title.' + l)"
              >{{ 'seminars.form.title' | transloco }} — <span [attr.lang]="l">{{ names[l] }}</span></label
            >
            <input
              type="text"
              [id]="fb.id('title.' + l)"
              [formControl]="form.controls.title.controls[l]"
              [attr.lang]="l"
              [attr.dir]="dirOf(l)"
              [attr.aria-invalid]="fb.invalid('title.' + l)"
              [attr.aria-describedby]="fb.describedBy('title.' + l)"
            />
            <pq-field-error [feedback]="fb" [field]="'title.' + l" />
          </div>
        }
        @for (l of languages; track l) {
          <div class="field">
            <label [for]="fb.id('description.' + l)"
              >{{ 'seminars.form.description' | transloco }} —
              <span [attr.lang]="l">{{ names[l] }}</span></label
            >
            <textarea
              rows="3"
              [id]="fb.id('description.' + l)"
              [formControl]="form.controls.description.controls[l]"
              [attr.lang]="l"
              [attr.dir]="dirOf(l)"
              [attr.aria-invalid]="fb.invalid('description.' + l)"
              [attr.aria-describedby]="fb.describedBy('description.' + l)"
            ></textarea>
            <pq-field-error [feedback]="fb" [field]="'description.' + l" />
          </div>
        }
      </fieldset>

      <fieldset class="fieldset">
        <legend>{{ 'seminars.form.audienceLegend' | transloco }}</legend>
        <div class="row">
          <div class="field field-grow">
            <label [for]="fb.id('regionId')">{{ 'seminars.form.region' | transloco }}</label>
            <select
              [id]="fb.id('regionId')"
              formControlName="regionId"
              [attr.aria-invalid]="fb.invalid('regionId')"
              [attr.aria-describedby]="fb.describedBy('regionId')"
            >
              @for (r of myRegions(); track r.id) {
                <option [value]="r.id">{{ r.name }}</option>
              }
            </select>
            <pq-field-error [feedback]="fb" field="regionId" />
          </div>
          <div class="field field-grow">
            <label [for]="fb.id('spaceId')">{{ 'seminars.form.space' | transloco }}</label>
            <select
              [id]="fb.id('spaceId')"
              formControlName="spaceId"
              [attr.aria-invalid]="fb.invalid('spaceId')"
              [attr.aria-describedby]="fb.describedBy('spaceId')"
            >
              <option value="">{{ 'seminars.form.noSpace' | transloco }}</option>
              @for (s of spaces(); track s.id) {
                <option [value]="s.id" [attr.lang]="s.lang">{{ s.text }}</option>
              }
            </select>
            <pq-field-error [feedback]="fb" field="spaceId" />
          </div>
        </div>
        <fieldset class="fieldset inner" [attr.aria-describedby]="fb.describedBy('audience')">
          <legend>{{ 'seminars.form.audience' | transloco }}</legend>
          @for (a of audiences; track a) {
            <div class="field-check radio">
              <input type="radio" [id]="fb.id('audience-' + a)" formControlName="audience" [value]="a" />
              <label [for]="fb.id('audience-' + a)">{{ 'seminars.audience.' + a | transloco }}</label>
            </div>
          }
          <pq-field-error [feedback]="fb" field="audience" />
        </fieldset>
        @if (audience() === 'organisations') {
          <fieldset
            class="fieldset inner"
            [attr.aria-describedby]="fb.describedBy('audienceOrganisationIds')"
          >
            <legend>{{ 'seminars.form.organisations' | transloco }}</legend>
            @for (o of organisations(); track o.id) {
              <div class="field-check">
                <input
                  type="checkbox"
                  [id]="fb.id('org-' + o.id)"
                  [checked]="selectedOrgs().includes(o.id)"
                  (change)="toggleOrg(o.id, $any($event.target).checked)"
                />
                <label [for]="fb.id('org-' + o.id)">{{ o.name }}</label>
              </div>
            } @empty {
              <p class="muted">{{ 'seminars.form.noOrganisations' | transloco }}</p>
            }
            <pq-field-error [feedback]="fb" field="audienceOrganisationIds" />
          </fieldset>
        }
      </fieldset>

      <fieldset class="fieldset">
        <legend>{{ 'seminars.form.practical' | transloco }}</legend>
        <p class="hint">{{ 'seminars.form.timeHint' | transloco }}</p>
        <div class="row">
          @for (d of dateFields; track d) {
            <div class="field">
              <label [for]="fb.id(d)">{{ 'seminars.form.' + d | transloco }}</label>
              <input
                type="datetime-local"
                [id]="fb.id(d)"
                [formControlName]="d"
                [attr.aria-invalid]="fb.invalid(d)"
                [attr.aria-describedby]="fb.describedBy(d)"
              />
              <pq-field-error [feedback]="fb" [field]="d" />
            </div>
          }
        </div>
        <div class="row">
          <div class="field field-grow">
            <label [for]="fb.id('venue')">{{ 'seminars.form.venue' | transloco }}</label>
            <input
              type="text"
              [id]="fb.id('venue')"
              formControlName="venue"
              [attr.aria-invalid]="fb.invalid('venue')"
              [attr.aria-describedby]="fb.describedBy('venue')"
            />
            <pq-field-error [feedback]="fb" field="venue" />
          </div>
          <div class="field field-grow">
            <label [for]="fb.id('address')">{{ 'seminars.form.address' | transloco }}</label>
            <input
              type="text"
              [id]="fb.id('address')"
              formControlName="address"
              [attr.aria-invalid]="fb.invalid('address')"
              [attr.aria-describedby]="fb.describedBy('address')"
            />
            <pq-field-error [feedback]="fb" field="address" />
          </div>
        </div>
        <div class="field">
          <label [for]="fb.id('onlineUrl')">{{ 'seminars.form.onlineUrl' | transloco }}</label>
          <input
            type="url"
            dir="ltr"
            [id]="fb.id('onlineUrl')"
            formControlName="onlineUrl"
            placeholder="https://"
            [attr.aria-invalid]="fb.invalid('onlineUrl')"
            [attr.aria-describedby]="fb.describedBy('onlineUrl')"
          />
          <pq-field-error [feedback]="fb" field="onlineUrl" />
        </div>
        <div class="row">
          <div class="field">
            <label [for]="fb.id('capacity')">{{ 'seminars.form.capacity' | transloco }}</label>
            <input
              type="number"
              min="1"
              inputmode="numeric"
              [id]="fb.id('capacity')"
              formControlName="capacity"
              [attr.aria-invalid]="fb.invalid('capacity')"
              [attr.aria-describedby]="fb.describedBy('capacity')"
            />
            <pq-field-error [feedback]="fb" field="capacity" />
          </div>
          <div class="field field-check">
            <input
              type="checkbox"
              [id]="fb.id('requiresConfirmation')"
              formControlName="requiresConfirmation"
            />
            <label [for]="fb.id('requiresConfirmation')">{{
              'seminars.form.requiresConfirmation' | transloco
            }}</label>
          </div>
        </div>
      </fieldset>

      <fieldset class="fieldset">
        <legend>{{ 'seminars.form.rule' | transloco }}</legend>
        <p class="hint" id="rule-hint">{{ 'seminars.form.ruleHint' | transloco }}</p>
        @if (moduleGroups().length === 0) {
          <p class="muted">{{ 'seminars.form.noModules' | transloco }}</p>
        }
        <ol class="rule-rows">
          @for (row of requirements.controls; track row; let i = $index) {
            <li class="rule-row" [formGroup]="row">
              <div class="field field-grow">
                <label [for]="fb.id('rule.requirements.' + i + '.moduleId')">{{
                  'seminars.form.module' | transloco: { n: i + 1 }
                }}</label>
                <select
                  [id]="fb.id('rule.requirements.' + i + '.moduleId')"
                  formControlName="moduleId"
                  [attr.aria-invalid]="fb.invalid('rule.requirements.' + i + '.moduleId')"
                  [attr.aria-describedby]="fb.describedBy('rule.requirements.' + i + '.moduleId')"
                >
                  <option value="">{{ 'seminars.form.pickModule' | transloco }}</option>
                  @for (g of moduleGroups(); track g.spaceTitle) {
                    <optgroup [label]="g.spaceTitle">
                      @for (m of g.modules; track m.id) {
                        <option [value]="m.id">{{ m.title }}</option>
                      }
                    </optgroup>
                  }
                </select>
                <pq-field-error [feedback]="fb" [field]="'rule.requirements.' + i + '.moduleId'" />
              </div>
              <div class="field percent">
                <label [for]="fb.id('rule.requirements.' + i + '.minPercent')">{{
                  'seminars.form.minPercent' | transloco: { n: i + 1 }
                }}</label>
                <input
                  type="number"
                  min="1"
                  max="100"
                  inputmode="numeric"
                  [id]="fb.id('rule.requirements.' + i + '.minPercent')"
                  formControlName="minPercent"
                  [attr.aria-invalid]="fb.invalid('rule.requirements.' + i + '.minPercent')"
                  [attr.aria-describedby]="fb.describedBy('rule.requirements.' + i + '.minPercent')"
                />
                <pq-field-error [feedback]="fb" [field]="'rule.requirements.' + i + '.minPercent'" />
              </div>
              <div class="field field-actions">
                <button type="button" class="btn btn-ghost-dark btn-small" (click)="removeRequirement(i)">
                  {{ 'seminars.form.removeRequirement' | transloco: { n: i + 1 } }}
                </button>
              </div>
            </li>
          }
        </ol>
        <div class="actions">
          <button type="button" class="btn btn-secondary btn-small" (click)="addRequirement()">
            {{ 'seminars.form.addRequirement' | transloco }}
          </button>
        </div>
        <div class="field">
          <label [for]="fb.id('rule.k')">{{ 'seminars.form.k' | transloco }}</label>
          <select
            class="k-select"
            [id]="fb.id('rule.k')"
            formControlName="k"
            [attr.aria-invalid]="fb.invalid('rule.k')"
            [attr.aria-describedby]="fb.describedBy('rule.k', 'rule-hint')"
          >
            @if (n() === 0) {
              <option [ngValue]="0">{{ 'seminars.form.noRequirement' | transloco }}</option>
            }
            @for (k of kOptions(); track k) {
              <option [ngValue]="k">
                {{ (k === n() ? 'seminars.form.kAll' : 'seminars.form.kOf') | transloco: { k: k, n: n() } }}
              </option>
            }
          </select>
          <pq-field-error [feedback]="fb" field="rule.k" />
        </div>
      </fieldset>

      <div class="actions">
        <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
          {{
            (fb.busy() ? 'common.working' : seminar() ? 'common.save' : 'seminars.form.create') | transloco
          }}
        </button>
      </div>
    </form>
  `,
  styles: [
    SEMINAR_FIELD_STYLES,
    `
      .inner {
        padding-block-end: 0.7rem;
      }
      .radio {
        align-self: flex-start;
        padding: 0;
      }
      .rule-rows {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.7rem;
      }
      .rule-row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1rem;
        align-items: flex-start;
        padding: 0.6rem 0.8rem;
        border: 1px solid var(--c-border);
        border-radius: 8px;
      }
      .percent {
        min-inline-size: 8rem;
      }
      .k-select {
        inline-size: auto;
        min-inline-size: 14rem;
        max-inline-size: 100%;
      }
      .rule-row .field-actions {
        align-self: center;
      }
    `,
  ],
})
export class SeminarFormComponent implements OnInit {
  private readonly api = inject(SeminarsApi);
  private readonly router = inject(Router);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly session = inject(SessionStore);
  private readonly directory = inject(DirectoryApi);
  private readonly language = inject(LanguageService);
  private readonly builder = inject(NonNullableFormBuilder);
  private readonly learning = inject(LearningApi);

  /** The seminar being edited; none when creating. */
  readonly seminar = input<SeminarDetail | null>(null);
  /** A space to start with (from a space's Seminars tab). */
  readonly presetSpaceId = input<string | null>(null);

  protected readonly languages = LANGUAGES;
  protected readonly names = LANGUAGE_ENDONYMS;
  protected readonly kinds = Object.values(SeminarKind);
  protected readonly audiences = Object.values(SeminarAudience);
  protected readonly dateFields = DATE_FIELDS;
  protected readonly fb = new FormFeedback('seminar-form');

  private readonly localized = () =>
    this.builder.group({ fr: [''], ar: [''], en: [''] }) as FormGroup<Record<Language, FormControl<string>>>;
  protected readonly form = this.builder.group({
    kind: [SeminarKind.Seminar as SeminarKind],
    originalLanguage: ['fr' as Language],
    title: this.localized(),
    description: this.localized(),
    regionId: [''],
    spaceId: [''],
    audience: [SeminarAudience.Region as SeminarAudience],
    startsAt: [''],
    endsAt: [''],
    registrationOpensAt: [''],
    registrationClosesAt: [''],
    venue: [''],
    address: [''],
    onlineUrl: [''],
    capacity: [20 as number | null],
    requiresConfirmation: [false],
    k: [0],
    requirements: this.builder.array<RequirementGroup>([]),
  });
  protected get requirements(): FormArray<RequirementGroup> {
    return this.form.controls.requirements;
  }

  protected readonly selectedOrgs = signal<string[]>([]);
  protected readonly n = signal(0);
  protected readonly kOptions = computed(() => Array.from({ length: this.n() }, (_, i) => i + 1));
  protected readonly audience = toSignal(this.form.controls.audience.valueChanges, {
    initialValue: this.form.controls.audience.value,
  });
  private readonly regionId = toSignal(this.form.controls.regionId.valueChanges, { initialValue: '' });

  private readonly regions = toSignal(this.directory.regions().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  /** Admins pick any region; staff their own. */
  protected readonly myRegions = computed(() => {
    const mine = this.session.staffRegionIds();
    return this.session.isAdmin() ? this.regions() : this.regions().filter((r) => mine.includes(r.id));
  });
  protected readonly organisations = toSignal(
    toObservable(this.regionId).pipe(
      switchMap((id) => (id ? this.directory.organisations(id).pipe(catchError(() => of([]))) : of([]))),
    ),
    { initialValue: [] },
  );

  private readonly spaceList = toSignal(
    inject(SpacesApi)
      .list({ pageSize: 100 })
      .pipe(
        map((p) => p.items),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  protected readonly spaces = computed(() =>
    this.spaceList().map((s) => ({
      id: s.id,
      ...pickLocalized(s.title, this.language.current(), s.originalLanguage),
    })),
  );
  /** Published modules of every space the reader sees, grouped by space (one request per space). */
  private readonly published = toSignal(
    toObservable(this.spaceList).pipe(
      switchMap((spaces) => {
        if (!spaces.length) return of([]);
        return forkJoin(
          spaces.map((s) =>
            this.learning.spaceModules(s.id).pipe(
              map((mods) => ({ space: s, modules: mods.filter((m) => m.status === ModuleStatus.Published) })),
              catchError(() => of({ space: s, modules: [] })),
            ),
          ),
        );
      }),
      startWith([]),
    ),
    { initialValue: [] },
  );
  protected readonly moduleGroups = computed<ModuleGroup[]>(() => {
    const lang = this.language.current();
    const groups: ModuleGroup[] = this.published()
      .filter((g) => g.modules.length > 0)
      .map((g) => ({
        spaceTitle: pickLocalized(g.space.title, lang, g.space.originalLanguage).text,
        modules: g.modules.map((m) => ({
          id: m.id,
          title: pickLocalized(m.title, lang, m.originalLanguage).text,
        })),
      }));
    // A module already required but not listed (e.g. in a space the reader cannot see): keep it choosable.
    const known = new Set(groups.flatMap((g) => g.modules.map((m) => m.id)));
    const extra = (this.seminar()?.myEligibility?.requirements ?? [])
      .filter((r) => !known.has(r.moduleId))
      .map((r) => ({ id: r.moduleId, title: pickLocalized(r.title, lang, r.originalLanguage).text }));
    return extra.length ? [...groups, { spaceTitle: '—', modules: extra }] : groups;
  });

  ngOnInit(): void {
    const s = this.seminar();
    if (s) {
      this.form.patchValue({
        kind: s.kind,
        originalLanguage: s.originalLanguage,
        title: { fr: s.title.fr ?? '', ar: s.title.ar ?? '', en: s.title.en ?? '' },
        description: { fr: s.description.fr ?? '', ar: s.description.ar ?? '', en: s.description.en ?? '' },
        regionId: s.regionId,
        spaceId: s.spaceId ?? '',
        audience: s.audience,
        startsAt: isoToLocalInput(s.startsAt),
        endsAt: isoToLocalInput(s.endsAt),
        registrationOpensAt: isoToLocalInput(s.registrationOpensAt),
        registrationClosesAt: isoToLocalInput(s.registrationClosesAt),
        venue: s.venue ?? '',
        address: s.address ?? '',
        onlineUrl: s.onlineUrl ?? '',
        capacity: s.capacity,
        requiresConfirmation: s.requiresConfirmation,
      });
      for (const r of s.rule.requirements) this.requirements.push(this.row(r.moduleId, r.minPercent));
      this.n.set(s.rule.requirements.length);
      this.form.controls.k.setValue(s.rule.requirements.length ? s.rule.k : 0);
      this.selectedOrgs.set([...s.audienceOrganisationIds]);
      this.form.controls.regionId.disable();
    } else {
      // Sensible defaults: in two weeks, 09:00–13:00; registrations open now, close the day before.
      const start = new Date(Date.now() + 14 * DAY);
      start.setHours(9, 0, 0, 0);
      const now = new Date();
      now.setSeconds(0, 0);
      this.form.patchValue({
        originalLanguage: this.language.current(),
        startsAt: isoToLocalInput(start.toISOString()),
        endsAt: isoToLocalInput(new Date(start.getTime() + 4 * 3600 * 1000).toISOString()),
        registrationOpensAt: isoToLocalInput(now.toISOString()),
        registrationClosesAt: isoToLocalInput(new Date(start.getTime() - DAY).toISOString()),
        spaceId: this.presetSpaceId() ?? '',
        regionId: this.session.isAdmin()
          ? (this.session.user()?.regionId ?? '')
          : (this.session.staffRegionIds()[0] ?? ''),
      });
    }
  }

  protected dirOf(lang: Language): 'rtl' | 'ltr' {
    return directionOf(lang);
  }

  private row(moduleId = '', minPercent: number | null = 50): RequirementGroup {
    return this.builder.group({ moduleId: [moduleId], minPercent: [minPercent] }) as RequirementGroup;
  }

  addRequirement(): void {
    const before = this.requirements.length;
    const k = this.form.controls.k.value;
    this.requirements.push(this.row());
    const after = this.requirements.length;
    this.n.set(after);
    // "All" stays "all"; otherwise keep the chosen k.
    this.form.controls.k.setValue(k === before || k < 1 ? after : k);
    setTimeout(() =>
      this.host.nativeElement
        .querySelector<HTMLElement>(`#${this.fb.id(`rule.requirements.${after - 1}.moduleId`)}`)
        ?.focus(),
    );
  }

  removeRequirement(index: number): void {
    const k = this.form.controls.k.value;
    this.requirements.removeAt(index);
    const after = this.requirements.length;
    this.n.set(after);
    this.form.controls.k.setValue(after === 0 ? 0 : Math.min(Math.max(k, 1), after));
    this.fb.fields.set({});
  }

  toggleOrg(id: string, checked: boolean): void {
    this.selectedOrgs.update((ids) => (checked ? [...new Set([...ids, id])] : ids.filter((x) => x !== id)));
  }

  /** Checks what the browser can (required fields, numbers), in the API's field names. */
  private check(): Record<string, UiMessage> {
    const v = this.form.getRawValue();
    const errors: Record<string, UiMessage> = {};
    if (!v.title[v.originalLanguage].trim())
      errors[`title.${v.originalLanguage}`] = { key: 'seminars.form.errors.titleRequired' };
    if (!v.regionId) errors['regionId'] = { key: 'errors.required' };
    for (const d of DATE_FIELDS) if (!localInputToIso(v[d])) errors[d] = { key: 'seminars.form.errors.date' };
    if (!Number.isInteger(v.capacity) || (v.capacity ?? 0) < 1)
      errors['capacity'] = { key: 'seminars.form.errors.capacity' };
    if (v.audience === SeminarAudience.Space && !v.spaceId)
      errors['spaceId'] = { key: 'seminars.form.errors.spaceRequired' };
    if (v.audience === SeminarAudience.Organisations && !this.selectedOrgs().length)
      errors['audienceOrganisationIds'] = { key: 'seminars.form.errors.organisationsRequired' };
    const seen = new Set<string>();
    v.requirements.forEach((r, i) => {
      if (!r.moduleId)
        errors[`rule.requirements.${i}.moduleId`] = { key: 'seminars.form.errors.moduleRequired' };
      else if (seen.has(r.moduleId))
        errors[`rule.requirements.${i}.moduleId`] = { key: 'seminars.form.errors.moduleTwice' };
      seen.add(r.moduleId);
      const p = r.minPercent;
      if (p === null || !Number.isInteger(p) || p < 1 || p > 100)
        errors[`rule.requirements.${i}.minPercent`] = { key: 'seminars.form.errors.percent' };
    });
    return errors;
  }

  private body(): SeminarInput {
    const v = this.form.getRawValue();
    const text = (t: Record<Language, string>): LocalizedText => {
      const out: LocalizedText = {};
      for (const l of LANGUAGES) if (t[l].trim()) out[l] = t[l].trim();
      return out;
    };
    const iso = (d: DateField) => localInputToIso(v[d]) ?? '';
    return {
      kind: v.kind,
      title: text(v.title),
      description: text(v.description),
      originalLanguage: v.originalLanguage,
      regionId: v.regionId,
      spaceId: v.spaceId || null,
      venue: v.venue.trim() || null,
      address: v.address.trim() || null,
      onlineUrl: v.onlineUrl.trim() || null,
      startsAt: iso('startsAt'),
      endsAt: iso('endsAt'),
      registrationOpensAt: iso('registrationOpensAt'),
      registrationClosesAt: iso('registrationClosesAt'),
      capacity: v.capacity ?? 0,
      requiresConfirmation: v.requiresConfirmation,
      audience: v.audience,
      audienceOrganisationIds: v.audience === SeminarAudience.Organisations ? this.selectedOrgs() : [],
      rule: {
        k: v.requirements.length ? v.k : 0,
        requirements: v.requirements.map((r) => ({ moduleId: r.moduleId, minPercent: r.minPercent ?? 0 })),
      },
    };
  }

  submit(): void {
    this.fb.clear();
    const errors = this.check();
    const count = Object.keys(errors).length;
    if (count) {
      this.fb.fields.set(errors);
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count } });
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const body = this.body();
    const existing = this.seminar();
    this.fb.busy.set(true);
    const { regionId: _region, ...update } = body;
    const call = existing ? this.api.update(existing.id, update) : this.api.create(body);
    call.subscribe({
      next: (saved) => {
        this.fb.busy.set(false);
        void this.router.navigate(['/seminars', saved.id]);
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
