import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DISPLAY_NAME_MAX_LENGTH,
  LANGUAGES,
  Language,
  OrganisationDto,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@pratique/contracts';
import {
  AuthService,
  DirectoryApi,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LANGUAGE_ENDONYMS,
  LanguageService,
  focusFirstInvalid,
} from '@pratique/web/core';
import { catchError, of, switchMap, tap } from 'rxjs';
import { safeReturnUrl } from './safe-return-url';

@Component({
  selector: 'pq-sign-up-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <h1>{{ 'accounts.signUp.title' | transloco }}</h1>
      <p class="muted">{{ 'accounts.signUp.intro' | transloco }}</p>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="stack">
        <pq-form-status [feedback]="fb" />
        <div class="field">
          <label [for]="fb.id('email')">{{ 'accounts.email' | transloco }}</label>
          <input
            [id]="fb.id('email')"
            type="email"
            formControlName="email"
            autocomplete="email"
            [attr.aria-invalid]="fb.invalid('email')"
            [attr.aria-describedby]="fb.describedBy('email')"
          />
          <pq-field-error [feedback]="fb" field="email" />
        </div>
        <div class="field">
          <label [for]="fb.id('password')">{{ 'accounts.password' | transloco }}</label>
          <input
            [id]="fb.id('password')"
            type="password"
            formControlName="password"
            autocomplete="new-password"
            [attr.aria-invalid]="fb.invalid('password')"
            [attr.aria-describedby]="fb.describedBy('password', 'sign-up-password-hint')"
          />
          <p class="hint" id="sign-up-password-hint">
            {{ 'accounts.passwordHint' | transloco: { min: passwordMin } }}
          </p>
          <pq-field-error [feedback]="fb" field="password" />
        </div>
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
            [attr.aria-describedby]="fb.describedBy('preferredLanguage')"
          >
            @for (lang of languages; track lang) {
              <option [value]="lang" [attr.lang]="lang">{{ names[lang] }}</option>
            }
          </select>
          <pq-field-error [feedback]="fb" field="preferredLanguage" />
        </div>
        <div class="field">
          <label [for]="fb.id('regionId')">{{ 'accounts.region' | transloco }}</label>
          <select
            [id]="fb.id('regionId')"
            formControlName="regionId"
            [attr.aria-invalid]="fb.invalid('regionId')"
            [attr.aria-describedby]="fb.describedBy('regionId')"
          >
            <option value="">{{ 'accounts.chooseRegion' | transloco }}</option>
            @for (region of regions(); track region.id) {
              <option [value]="region.id">{{ region.name }}</option>
            }
          </select>
          <pq-field-error [feedback]="fb" field="regionId" />
        </div>
        <div class="field">
          <label [for]="fb.id('organisationId')">{{ 'accounts.organisation' | transloco }}</label>
          <select
            [id]="fb.id('organisationId')"
            formControlName="organisationId"
            [attr.aria-invalid]="fb.invalid('organisationId')"
            [attr.aria-describedby]="fb.describedBy('organisationId', 'sign-up-organisation-hint')"
          >
            <option value="">{{ 'accounts.chooseOrganisation' | transloco }}</option>
            @for (organisation of organisations(); track organisation.id) {
              <option [value]="organisation.id">{{ organisation.name }}</option>
            }
          </select>
          <p class="hint" id="sign-up-organisation-hint">
            @if (!form.controls.regionId.value) {
              {{ 'accounts.organisationHintRegion' | transloco }}
            } @else if (organisations().length === 0) {
              {{ 'accounts.organisationHintNone' | transloco }}
            } @else {
              {{ 'accounts.organisationHint' | transloco }}
            }
          </p>
          <pq-field-error [feedback]="fb" field="organisationId" />
        </div>
        <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
          {{ (fb.busy() ? 'common.working' : 'accounts.signUp.submit') | transloco }}
        </button>
      </form>
      <p class="muted">
        {{ 'accounts.signUp.haveAccount' | transloco }}
        <a routerLink="/sign-in">{{ 'nav.signIn' | transloco }}</a>
      </p>
    </div>
  `,
})
export class SignUpPage {
  private readonly auth = inject(AuthService);
  private readonly directory = inject(DirectoryApi);
  private readonly router = inject(Router);
  private readonly host = inject(ElementRef<HTMLElement>);
  readonly returnUrl = input<string | undefined>();

  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly languages: readonly Language[] = LANGUAGES;
  protected readonly names = LANGUAGE_ENDONYMS;
  protected readonly fb = new FormFeedback('sign-up');
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
    displayName: ['', [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)]],
    preferredLanguage: [inject(LanguageService).current() as Language, [Validators.required]],
    regionId: ['', [Validators.required]],
    organisationId: ['', [Validators.required]],
  });

  protected readonly regions = toSignal(this.directory.regions().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly organisations = signal<OrganisationDto[]>([]);

  constructor() {
    // Organisations of the chosen region only.
    this.form.controls.regionId.valueChanges
      .pipe(
        tap(() => {
          this.form.controls.organisationId.setValue('');
          this.organisations.set([]);
        }),
        switchMap((regionId) =>
          regionId ? this.directory.organisations(regionId).pipe(catchError(() => of([]))) : of([]),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((list) => this.organisations.set(list));
  }

  submit(): void {
    if (!this.fb.validate(this.form)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.fb.busy.set(true);
    const value = this.form.getRawValue();
    this.auth
      .signUp({ ...value, email: value.email.trim(), displayName: value.displayName.trim() })
      .subscribe({
        next: () => {
          this.fb.busy.set(false);
          void this.router.navigateByUrl(safeReturnUrl(this.returnUrl(), '/spaces'));
        },
        error: (err) => {
          this.fb.busy.set(false);
          this.fb.fromError(err, { 409: 'accounts.signUp.emailTaken' });
          focusFirstInvalid(this.host.nativeElement);
        },
      });
  }
}
