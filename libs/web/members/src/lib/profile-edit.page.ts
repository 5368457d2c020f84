import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { MyProfile, PROFILE_LIMITS, ProfileVisibility } from '@pratique/contracts';
import {
  ApiError,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LanguageService,
  MembersApi,
  SessionStore,
  TagInputComponent,
  focusFirstInvalid,
  messageKeyForStatus,
} from '@pratique/web/core';

/** The visibility choices in the order shown; each has a label and a one-line explanation. */
const VISIBILITY: (keyof ProfileVisibility)[] = [
  'listed',
  'showOrganisations',
  'showRegion',
  'showSkills',
  'showSpaces',
];

/**
 * /members/me/edit — the signed-in member's directory profile: bio, skills and interests (tag
 * inputs) and what other members see. Saved in one PUT; the API's field errors show under
 * their fields.
 */
@Component({
  selector: 'pq-directory-profile-edit-page',
  imports: [RouterLink, TranslocoPipe, FormStatusComponent, FieldErrorComponent, TagInputComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a routerLink="/members">{{ 'members.list.title' | transloco }}</a>
    </nav>
    <h1>{{ 'members.edit.title' | transloco }}</h1>
    <p class="intro">{{ 'members.edit.intro' | transloco }}</p>

    @if (loadError(); as key) {
      <p class="alert alert-error" role="alert">{{ key | transloco }}</p>
    } @else if (!loaded()) {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    } @else {
      <form class="card stack edit-form" novalidate (submit)="$event.preventDefault(); save()">
        <div class="field">
          <label [for]="fb.id('bio')">{{ 'members.edit.bio' | transloco }}</label>
          <p class="hint" [id]="fb.id('bio') + '-hint'">
            {{ 'members.edit.bioHint' | transloco: { max: limits.bio } }}
          </p>
          <textarea
            rows="6"
            dir="auto"
            [id]="fb.id('bio')"
            [value]="bio()"
            [attr.aria-invalid]="fb.invalid('bio')"
            [attr.aria-describedby]="fb.describedBy('bio', fb.id('bio') + '-hint', fb.id('bio') + '-count')"
            (input)="bio.set($any($event.target).value)"
          ></textarea>
          <p class="hint count" [id]="fb.id('bio') + '-count'" [class.over]="bioLength() > limits.bio">
            {{ 'members.edit.bioCount' | transloco: { count: bioLength(), max: limits.bio } }}
          </p>
          <pq-field-error [feedback]="fb" field="bio" />
        </div>

        <pq-tag-input
          [limits]="tagLimits"
          [label]="'members.edit.skills' | transloco"
          [inputId]="fb.id('skills')"
          [errorId]="fb.invalid('skills') ? fb.errorId('skills') : null"
          [invalid]="!!fb.invalid('skills')"
          [(tags)]="skills"
        />
        <pq-field-error [feedback]="fb" field="skills" />

        <pq-tag-input
          [limits]="tagLimits"
          [label]="'members.edit.interests' | transloco"
          [inputId]="fb.id('interests')"
          [errorId]="fb.invalid('interests') ? fb.errorId('interests') : null"
          [invalid]="!!fb.invalid('interests')"
          [(tags)]="interests"
        />
        <pq-field-error [feedback]="fb" field="interests" />

        <fieldset class="fieldset visibility">
          <legend>{{ 'members.edit.visibility' | transloco }}</legend>
          <p class="hint">{{ 'members.edit.visibilityIntro' | transloco }}</p>
          @for (v of visibility; track v) {
            <div class="choice">
              <input
                type="checkbox"
                [id]="fb.id(v)"
                [checked]="choices()[v]"
                [attr.aria-describedby]="fb.id(v) + '-help'"
                (change)="choose(v, $any($event.target).checked)"
              />
              <div>
                <label [for]="fb.id(v)">{{ 'members.edit.' + v + '.label' | transloco }}</label>
                <p class="hint" [id]="fb.id(v) + '-help'">{{ 'members.edit.' + v + '.help' | transloco }}</p>
              </div>
            </div>
          }
        </fieldset>

        <pq-form-status [feedback]="fb" />
        <div class="actions">
          <button type="submit" class="btn btn-primary" [disabled]="fb.busy()">
            {{ (fb.busy() ? 'common.working' : 'members.edit.save') | transloco }}
          </button>
          @if (session.user(); as me) {
            <a class="btn btn-ghost-dark" [routerLink]="['/members', me.id]">{{
              'members.edit.viewMine' | transloco
            }}</a>
          }
        </div>
      </form>
    }
  `,
  styles: `
    .intro {
      max-inline-size: 46rem;
    }
    .edit-form {
      max-inline-size: 46rem;
    }
    textarea {
      inline-size: 100%;
      resize: vertical;
    }
    .count.over {
      color: var(--c-danger);
      font-weight: 600;
    }
    .visibility {
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
      margin: 0;
    }
    .choice {
      display: flex;
      align-items: flex-start;
      gap: 0.6rem;
    }
    .choice input {
      inline-size: 1.15rem;
      block-size: 1.15rem;
      margin: 0.2rem 0 0;
      flex: none;
    }
    .choice label {
      font-weight: 600;
    }
  `,
})
export class DirectoryProfileEditPage {
  private readonly api = inject(MembersApi);
  protected readonly session = inject(SessionStore);
  protected readonly fb = new FormFeedback('directory-profile');
  protected readonly limits = PROFILE_LIMITS;
  protected readonly tagLimits = { tags: PROFILE_LIMITS.tags, tagLength: PROFILE_LIMITS.tagLength };
  protected readonly visibility = VISIBILITY;

  protected readonly loaded = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly bio = signal('');
  protected readonly skills = signal<string[]>([]);
  protected readonly interests = signal<string[]>([]);
  protected readonly choices = signal<ProfileVisibility>({
    listed: true,
    showOrganisations: true,
    showRegion: true,
    showSkills: true,
    showSpaces: true,
  });
  protected readonly bioLength = computed(() => [...this.bio()].length);

  constructor() {
    // The status region (OnPush, outside the transloco pipe) would keep the old language's
    // sentence after a language switch: the message is dropped instead.
    const language = inject(LanguageService);
    effect(() => {
      language.current();
      untracked(() => this.fb.success.set(null));
    });
    this.api.myProfile().subscribe({
      next: (p) => this.show(p),
      error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
  }

  choose(name: keyof ProfileVisibility, value: boolean): void {
    this.choices.update((c) => ({ ...c, [name]: value }));
  }

  save(): void {
    this.fb.clear();
    if (this.bioLength() > PROFILE_LIMITS.bio) {
      this.fb.fields.set({ bio: { key: 'errors.maxLength', params: { max: PROFILE_LIMITS.bio } } });
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: 1 } });
      focusFirstInvalid();
      return;
    }
    this.fb.busy.set(true);
    this.api
      .updateMyProfile({
        bio: this.bio(),
        skills: this.skills(),
        interests: this.interests(),
        ...this.choices(),
      })
      .subscribe({
        next: (p) => {
          this.fb.busy.set(false);
          this.show(p);
          this.fb.succeed('members.edit.saved');
        },
        error: (err) => {
          this.fb.busy.set(false);
          this.fb.fromError(err);
          // "skills.3" → the skills field.
          const fields = this.fb.fields();
          this.fb.fields.set(
            Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/\.\d+$/, ''), v])),
          );
          focusFirstInvalid();
        },
      });
  }

  private show(p: MyProfile): void {
    this.bio.set(p.bio ?? '');
    this.skills.set(p.skills ?? []);
    this.interests.set(p.interests ?? []);
    this.choices.set({
      listed: p.listed,
      showOrganisations: p.showOrganisations,
      showRegion: p.showRegion,
      showSkills: p.showSkills,
      showSpaces: p.showSpaces,
    });
    this.loaded.set(true);
  }
}
