import { ChangeDetectionStrategy, Component, ElementRef, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  AuthService,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  focusFirstInvalid,
} from '@pratique/web/core';
import { safeReturnUrl } from './safe-return-url';

@Component({
  selector: 'pq-sign-in-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <h1>{{ 'accounts.signIn.title' | transloco }}</h1>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="stack">
        <pq-form-status [feedback]="fb" />
        <div class="field">
          <label [for]="fb.id('email')">{{ 'accounts.email' | transloco }}</label>
          <input
            [id]="fb.id('email')"
            type="email"
            formControlName="email"
            autocomplete="username"
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
            autocomplete="current-password"
            [attr.aria-invalid]="fb.invalid('password')"
            [attr.aria-describedby]="fb.describedBy('password')"
          />
          <pq-field-error [feedback]="fb" field="password" />
        </div>
        <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
          {{ (fb.busy() ? 'common.working' : 'accounts.signIn.submit') | transloco }}
        </button>
      </form>
      <p class="muted">
        {{ 'accounts.signIn.noAccount' | transloco }}
        <a routerLink="/sign-up">{{ 'nav.signUp' | transloco }}</a>
      </p>
    </div>
  `,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly host = inject(ElementRef<HTMLElement>);
  /** From the query string (`?returnUrl=`), set by the guards. */
  readonly returnUrl = input<string | undefined>();

  protected readonly fb = new FormFeedback('sign-in');
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });

  submit(): void {
    if (!this.fb.validate(this.form)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.fb.busy.set(true);
    this.auth.signIn(this.form.getRawValue()).subscribe({
      next: () => {
        this.fb.busy.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl(), '/'));
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err, {
          401: 'accounts.signIn.wrongCredentials',
          403: 'accounts.signIn.suspended',
          429: 'accounts.signIn.tooManyAttempts',
        });
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
