import { Router, RouterLink } from '@angular/router';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CurrentUser,
  DISPLAY_NAME_MAX_LENGTH,
  LANGUAGES,
  Language,
  OrganisationDto,
  OrganisationRef,
  UpdateProfileRequest,
} from '@pratique/contracts';
import {
  AccountsApi,
  AuthService,
  DirectoryApi,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LANGUAGE_ENDONYMS,
  LanguageService,
  SessionStore,
  focusFirstInvalid,
} from '@pratique/web/core';
import { catchError, of, startWith, switchMap, tap } from 'rxjs';
import { ProfileApi } from './profile.api';

/** Spaces only is as empty as nothing: "required" (the name is trimmed before sending). */
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

/** What account deletion removes and keeps (`profile.privacy.delete.removed.*` / `.kept.*`). */
const REMOVED = ['identity', 'profile', 'affiliations', 'learning', 'notifications', 'registrations'] as const;
const KEPT = ['contributions', 'ratings', 'attendance', 'audit'] as const;

/**
 * The member's own profile: display name, preferred language, organisations (join / leave), and
 * their data: download all of it, or delete the account.
 */
@Component({
  selector: 'pq-profile-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <h1>{{ 'profile.title' | transloco }}</h1>
      @if (session.user(); as user) {
        <p class="muted">
          {{ 'profile.signedInWith' | transloco }} <bdi class="profile-email">{{ user.email }}</bdi>
        </p>
        <p>
          <a routerLink="/members/me/edit">{{ 'profile.directoryLink' | transloco }}</a>
        </p>

        <section class="card" aria-labelledby="profile-details-heading">
          <h2 id="profile-details-heading">{{ 'profile.details.heading' | transloco }}</h2>
          <form [formGroup]="form" (ngSubmit)="save()" novalidate class="stack">
            <pq-form-status [feedback]="fb" />
            <div class="field">
              <label [for]="fb.id('displayName')">{{ 'accounts.displayName' | transloco }}</label>
              <input
                [id]="fb.id('displayName')"
                type="text"
                formControlName="displayName"
                autocomplete="name"
                [attr.aria-invalid]="fb.invalid('displayName')"
                [attr.aria-describedby]="fb.describedBy('displayName')"
              />
              <pq-field-error [feedback]="fb" field="displayName" />
            </div>
            <div class="field">
              <label [for]="fb.id('preferredLanguage')">{{ 'accounts.preferredLanguage' | transloco }}</label>
              <select
                [id]="fb.id('preferredLanguage')"
                formControlName="preferredLanguage"
                [attr.aria-invalid]="fb.invalid('preferredLanguage')"
                [attr.aria-describedby]="fb.describedBy('preferredLanguage', 'profile-language-hint')"
              >
                @for (lang of languages; track lang) {
                  <option [value]="lang" [attr.lang]="lang">{{ names[lang] }}</option>
                }
              </select>
              <p class="hint" id="profile-language-hint">{{ 'profile.details.languageHint' | transloco }}</p>
              <pq-field-error [feedback]="fb" field="preferredLanguage" />
            </div>
            <div>
              <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
                {{ (fb.busy() ? 'common.working' : 'profile.details.submit') | transloco }}
              </button>
            </div>
          </form>
        </section>

        <section class="card" aria-labelledby="profile-organisations-heading">
          <h2 id="profile-organisations-heading" tabindex="-1">
            {{ 'profile.organisations.heading' | transloco }}
          </h2>
          <pq-form-status [feedback]="orgFb" />
          <ul class="plain-list profile-organisations">
            @for (organisation of user.organisations; track organisation.id) {
              <li>
                <bdi>{{ organisation.name }}</bdi>
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  [disabled]="orgFb.busy()"
                  [attr.aria-label]="
                    'profile.organisations.leaveNamed' | transloco: { name: organisation.name }
                  "
                  (click)="leave(organisation)"
                >
                  {{ 'profile.organisations.leave' | transloco }}
                </button>
              </li>
            }
          </ul>

          <h3 id="profile-join-heading">{{ 'profile.join.heading' | transloco }}</h3>
          <form
            [formGroup]="joinForm"
            (ngSubmit)="join()"
            novalidate
            class="stack"
            aria-labelledby="profile-join-heading"
          >
            <pq-form-status [feedback]="joinFb" />
            <div class="field">
              <label [for]="joinFb.id('regionId')">{{ 'accounts.region' | transloco }}</label>
              <select
                [id]="joinFb.id('regionId')"
                formControlName="regionId"
                [attr.aria-invalid]="joinFb.invalid('regionId')"
                [attr.aria-describedby]="joinFb.describedBy('regionId')"
              >
                <option value="">{{ 'accounts.chooseRegion' | transloco }}</option>
                @for (region of regions(); track region.id) {
                  <option [value]="region.id">{{ region.name }}</option>
                }
              </select>
              <pq-field-error [feedback]="joinFb" field="regionId" />
            </div>
            <div class="field">
              <label [for]="joinFb.id('organisationId')">{{ 'accounts.organisation' | transloco }}</label>
              <select
                [id]="joinFb.id('organisationId')"
                formControlName="organisationId"
                [attr.aria-invalid]="joinFb.invalid('organisationId')"
                [attr.aria-describedby]="joinFb.describedBy('organisationId', 'profile-join-hint')"
              >
                <option value="">{{ 'accounts.chooseOrganisation' | transloco }}</option>
                @for (organisation of joinable(); track organisation.id) {
                  <option [value]="organisation.id">{{ organisation.name }}</option>
                }
              </select>
              <p class="hint" id="profile-join-hint">
                @if (!regionId()) {
                  {{ 'accounts.organisationHintRegion' | transloco }}
                } @else if (joinable().length === 0) {
                  {{ 'profile.join.none' | transloco }}
                } @else {
                  {{ 'profile.join.hint' | transloco }}
                }
              </p>
              <pq-field-error [feedback]="joinFb" field="organisationId" />
            </div>
            <div>
              <button class="btn btn-primary" type="submit" [disabled]="joinFb.busy()">
                {{ (joinFb.busy() ? 'common.working' : 'profile.join.submit') | transloco }}
              </button>
            </div>
          </form>
        </section>

        <section class="card" aria-labelledby="profile-data-heading">
          <h2 id="profile-data-heading">{{ 'profile.privacy.data.heading' | transloco }}</h2>
          <p>{{ 'profile.privacy.data.intro' | transloco }}</p>
          <p>
            <a class="btn btn-secondary" [href]="dataExportUrl" download>{{
              'profile.privacy.data.download' | transloco
            }}</a>
          </p>
        </section>

        <section class="card profile-delete" aria-labelledby="profile-delete-heading">
          <h2 id="profile-delete-heading">{{ 'profile.privacy.delete.heading' | transloco }}</h2>
          <p>{{ 'profile.privacy.delete.intro' | transloco }}</p>
          <div class="profile-delete-lists">
            <div>
              <h3 id="profile-delete-removed">{{ 'profile.privacy.delete.removedHeading' | transloco }}</h3>
              <ul aria-labelledby="profile-delete-removed">
                @for (item of removed; track item) {
                  <li>{{ 'profile.privacy.delete.removed.' + item | transloco }}</li>
                }
              </ul>
            </div>
            <div>
              <h3 id="profile-delete-kept">{{ 'profile.privacy.delete.keptHeading' | transloco }}</h3>
              <ul aria-labelledby="profile-delete-kept">
                @for (item of kept; track item) {
                  <li>{{ 'profile.privacy.delete.kept.' + item | transloco }}</li>
                }
              </ul>
            </div>
          </div>
          <form
            [formGroup]="deleteForm"
            (ngSubmit)="deleteAccount()"
            novalidate
            class="stack"
            aria-labelledby="profile-delete-heading"
          >
            <pq-form-status [feedback]="deleteFb" />
            <div class="field">
              <label [for]="deleteFb.id('password')">{{ 'profile.privacy.delete.password' | transloco }}</label>
              <input
                [id]="deleteFb.id('password')"
                type="password"
                formControlName="password"
                autocomplete="current-password"
                [attr.aria-invalid]="deleteFb.invalid('password')"
                [attr.aria-describedby]="deleteFb.describedBy('password', 'profile-delete-hint')"
              />
              <p class="hint" id="profile-delete-hint">{{ 'profile.privacy.delete.passwordHint' | transloco }}</p>
              <pq-field-error [feedback]="deleteFb" field="password" />
            </div>
            <div>
              <button class="btn btn-danger" type="submit" [disabled]="deleteFb.busy()">
                {{ (deleteFb.busy() ? 'common.working' : 'profile.privacy.delete.submit') | transloco }}
              </button>
            </div>
          </form>
        </section>
      }
    </div>
  `,
  styles: `
    .profile-organisations li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
    }
    .profile-email {
      font-weight: 600;
    }
    h2,
    h3 {
      margin-block-start: 0;
    }
    .profile-delete {
      border-inline-start: 4px solid var(--c-danger);
    }
    .profile-delete-lists {
      display: flex;
      flex-wrap: wrap;
      gap: 0 2rem;
    }
    .profile-delete-lists > div {
      flex: 1 1 16rem;
    }
    .profile-delete-lists h3 {
      font-size: 1rem;
      margin-block-end: 0.25rem;
    }
    .profile-delete-lists ul {
      margin-block-start: 0;
      padding-inline-start: 1.25rem;
    }
  `,
})
export class ProfilePage {
  protected readonly session = inject(SessionStore);
  private readonly accounts = inject(AccountsApi);
  private readonly profile = inject(ProfileApi);
  private readonly directory = inject(DirectoryApi);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fbuilder = inject(NonNullableFormBuilder);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly languages: readonly Language[] = LANGUAGES;
  protected readonly names = LANGUAGE_ENDONYMS;
  protected readonly fb = new FormFeedback('profile');
  protected readonly orgFb = new FormFeedback('profile-organisations');
  protected readonly joinFb = new FormFeedback('profile-join');
  protected readonly deleteFb = new FormFeedback('profile-delete');
  protected readonly dataExportUrl = this.profile.dataExportUrl;
  protected readonly removed = REMOVED;
  protected readonly kept = KEPT;

  private readonly initial = this.session.user();
  protected readonly form = this.fbuilder.group({
    displayName: [
      this.initial?.displayName ?? '',
      [Validators.required, notBlank, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)],
    ],
    preferredLanguage: [
      this.initial?.preferredLanguage ?? (this.language.current() as Language),
      [Validators.required],
    ],
  });
  protected readonly deleteForm = this.fbuilder.group({ password: ['', [Validators.required]] });
  protected readonly joinForm = this.fbuilder.group({
    regionId: [this.initial?.regionId ?? '', [Validators.required]],
    organisationId: ['', [Validators.required]],
  });

  protected readonly regions = toSignal(this.directory.regions().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly regionId = toSignal(
    this.joinForm.controls.regionId.valueChanges.pipe(startWith(this.joinForm.controls.regionId.value)),
    { requireSync: true },
  );
  private readonly organisations = signal<OrganisationDto[]>([]);
  /** Organisations of the chosen region the member is not in yet. */
  protected readonly joinable = computed(() => {
    const mine = new Set((this.session.user()?.organisations ?? []).map((o) => o.id));
    return this.organisations().filter((o) => !mine.has(o.id));
  });

  constructor() {
    // The header's language switcher also changes the preference: follow it until edited here.
    effect(() => {
      const lang = this.session.user()?.preferredLanguage;
      const control = this.form.controls.preferredLanguage;
      if (lang && control.pristine && control.value !== lang) control.setValue(lang);
    });
    this.joinForm.controls.regionId.valueChanges
      .pipe(
        startWith(this.joinForm.controls.regionId.value),
        tap(() => {
          this.joinForm.controls.organisationId.setValue('');
          this.organisations.set([]);
        }),
        switchMap((regionId) =>
          regionId ? this.directory.organisations(regionId).pipe(catchError(() => of([]))) : of([]),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((list) => this.organisations.set(list));
  }

  save(): void {
    if (!this.fb.validate(this.form)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.orgFb.clear();
    this.joinFb.clear();
    const before = this.session.user();
    const value = this.form.getRawValue();
    const body: UpdateProfileRequest = { displayName: value.displayName.trim() };
    if (value.preferredLanguage !== before?.preferredLanguage)
      body.preferredLanguage = value.preferredLanguage;
    this.fb.busy.set(true);
    this.accounts.updateMe(body).subscribe({
      next: (user) => {
        this.fb.busy.set(false);
        this.updated(user);
        this.form.reset({ displayName: user.displayName, preferredLanguage: user.preferredLanguage });
        // A new preferred language is also the interface language, straight away; the
        // confirmation is set after the switch so it is shown (and announced) in that language.
        const switched =
          user.preferredLanguage !== this.language.current()
            ? this.language.apply(user.preferredLanguage)
            : Promise.resolve();
        void switched.then(() => this.fb.succeed('profile.details.saved'));
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  join(): void {
    this.orgFb.clear();
    if (!this.joinFb.validate(this.joinForm)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const id = this.joinForm.controls.organisationId.value;
    const name = this.organisations().find((o) => o.id === id)?.name ?? '';
    this.joinFb.busy.set(true);
    this.profile.joinOrganisation(id).subscribe({
      next: (user) => {
        this.joinFb.busy.set(false);
        this.updated(user);
        this.joinForm.controls.organisationId.setValue('');
        this.joinFb.succeed('profile.join.joined', { name });
      },
      error: (err) => {
        this.joinFb.busy.set(false);
        this.joinFb.fromError(err);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  leave(organisation: OrganisationRef): void {
    this.joinFb.clear();
    this.orgFb.clear();
    this.orgFb.busy.set(true);
    this.profile.leaveOrganisation(organisation.id).subscribe({
      next: (user) => {
        this.orgFb.busy.set(false);
        this.updated(user);
        this.orgFb.succeed('profile.organisations.left', { name: organisation.name });
        // The button pressed is gone: keep the keyboard in the organisations section.
        this.focusOrganisations();
      },
      error: (err) => {
        this.orgFb.busy.set(false);
        // 409: it is the last one — say the API's reason in the reader's language.
        this.orgFb.fromError(err, { 409: 'profile.organisations.lastOne' });
      },
    });
  }

  /** Deletes the account after the password is confirmed; then signed out, back to the home page. */
  deleteAccount(): void {
    this.fb.clear();
    this.orgFb.clear();
    this.joinFb.clear();
    if (!this.deleteFb.validate(this.deleteForm)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.deleteFb.busy.set(true);
    this.profile.deleteAccount({ password: this.deleteForm.controls.password.value }).subscribe({
      next: () => {
        // The server ended every session; this clears the signed-in state here too.
        this.auth.signOut().subscribe({
          complete: () => void this.router.navigateByUrl('/'),
          error: () => void this.router.navigateByUrl('/'),
        });
      },
      error: (err) => {
        this.deleteFb.busy.set(false);
        this.deleteFb.fromError(err, {
          400: 'profile.privacy.delete.wrongPassword',
          409: 'profile.privacy.delete.lastAdmin',
        });
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** The API's `CurrentUser` after a change replaces the session's (header name, organisations). */
  private updated(user: CurrentUser): void {
    this.session.user.set(user);
  }

  private focusOrganisations(): void {
    setTimeout(() =>
      this.host.nativeElement.querySelector<HTMLElement>('#profile-organisations-heading')?.focus(),
    );
  }
}
