import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LANGUAGES, Language, MemberProfileDto, MemberSpaceRef, pickLocalized } from '@pratique/contracts';
import {
  APP_NAME,
  ApiError,
  DirectoryApi,
  LanguageService,
  MembersApi,
  messageKeyForStatus,
} from '@pratique/web/core';
import { catchError, of } from 'rxjs';
import { FollowButtonComponent } from './follow-button.component';

/**
 * /members/:id — a member's page. Hidden fields come as null and are left out; the bio is plain
 * text (line breaks kept with `white-space: pre-line`, never HTML). Space titles are picked in
 * the reader's language, in a `<bdi>` with their own language when it differs.
 */
@Component({
  selector: 'pq-member-page',
  imports: [RouterLink, TranslocoPipe, FollowButtonComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a routerLink="/members">{{ 'members.list.title' | transloco }}</a>
    </nav>
    @if (notFound()) {
      <h1>{{ 'members.profile.notFoundTitle' | transloco }}</h1>
      <p>{{ 'members.profile.notFoundText' | transloco }}</p>
    } @else if (loadError(); as key) {
      <h1>{{ 'members.list.title' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (member(); as m) {
      <header class="card member-header">
        <h1>{{ m.displayName }}</h1>
        @if (m.organisations?.length) {
          <p class="meta">
            <span class="meta-label">{{ 'members.profile.organisations' | transloco }}</span>
            @for (o of m.organisations; track o.id; let last = $last) {
              <bdi>{{ o.name }}</bdi>{{ last ? '' : ' · ' }}
            }
          </p>
        }
        @if (regionName(); as region) {
          <p class="meta">
            <span class="meta-label">{{ 'members.profile.region' | transloco }}</span> {{ region }}
          </p>
        }
        <p class="meta followers">{{ 'members.profile.followers' | transloco: { count: m.followers } }}</p>
        <p class="meta">
          <a [routerLink]="['/skills/contributors', m.id]">{{ 'nav.contributorProfile' | transloco }}</a>
        </p>
        <div class="actions">
          @if (m.isMe) {
            <a class="btn btn-primary" routerLink="/members/me/edit">{{
              'members.profile.edit' | transloco
            }}</a>
          } @else {
            <pq-follow-button
              [memberId]="m.id"
              [name]="m.displayName"
              [followed]="m.followed"
              (changed)="onFollowChanged($event)"
            />
          }
        </div>
      </header>

      <section class="card" aria-labelledby="member-bio-heading">
        <h2 id="member-bio-heading">{{ 'members.profile.bio' | transloco }}</h2>
        @if (m.bio.trim()) {
          <p class="bio" dir="auto">{{ m.bio }}</p>
        } @else {
          <p class="muted">
            {{ (m.isMe ? 'members.profile.noBioMine' : 'members.profile.noBio') | transloco }}
          </p>
        }
      </section>

      @if (m.skills !== null || m.interests !== null) {
        <section class="card" aria-labelledby="member-skills-heading">
          <h2 id="member-skills-heading">{{ 'members.profile.skillsAndInterests' | transloco }}</h2>
          <h3 class="small-heading">{{ 'members.profile.skills' | transloco }}</h3>
          @if (m.skills?.length) {
            <ul class="tags">
              @for (s of m.skills; track s) {
                <li dir="auto">
                  <a class="badge badge-axis" routerLink="/members" [queryParams]="{ skill: s }">{{ s }}</a>
                </li>
              }
            </ul>
          } @else {
            <p class="muted">{{ 'members.profile.none' | transloco }}</p>
          }
          <h3 class="small-heading">{{ 'members.profile.interests' | transloco }}</h3>
          @if (m.interests?.length) {
            <ul class="tags">
              @for (s of m.interests; track s) {
                <li class="badge" dir="auto">{{ s }}</li>
              }
            </ul>
          } @else {
            <p class="muted">{{ 'members.profile.none' | transloco }}</p>
          }
        </section>
      }

      @if (m.spaces !== null) {
        <section class="card" aria-labelledby="member-spaces-heading">
          <h2 id="member-spaces-heading">{{ 'members.profile.spaces' | transloco }}</h2>
          @if (m.spaces.length) {
            <ul class="plain-list">
              @for (s of m.spaces; track s.id) {
                @let t = spaceTitle(s);
                <li>
                  <a [routerLink]="['/spaces', s.slug]">
                    @if (t.lang === language.current()) {
                      {{ t.text }}
                    } @else {
                      <bdi [attr.lang]="t.lang" [attr.dir]="t.dir">{{ t.text }}</bdi>
                    }
                  </a>
                </li>
              }
            </ul>
          } @else {
            <p class="muted">{{ 'members.profile.noSpaces' | transloco }}</p>
          }
        </section>
      }
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    :host > .breadcrumb {
      margin-block-end: -0.5rem;
    }
    .member-header h1 {
      margin-block: 0 0.5rem;
      overflow-wrap: anywhere;
    }
    .meta {
      margin-block: 0.2rem;
    }
    .meta-label {
      font-weight: 600;
      margin-inline-end: 0.35rem;
    }
    .actions {
      margin-block-start: 0.75rem;
    }
    section h2 {
      margin-block-start: 0;
    }
    .bio {
      white-space: pre-line;
      overflow-wrap: anywhere;
      margin: 0;
    }
    .tags {
      list-style: none;
      margin: 0 0 0.75rem;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .tags a.badge {
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
  `,
})
export class MemberPage {
  private readonly api = inject(MembersApi);
  private readonly titleService = inject(Title);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly member = signal<MemberProfileDto | null>(null);
  protected readonly notFound = signal(false);
  protected readonly loadError = signal<string | null>(null);

  private readonly regions = toSignal(
    inject(DirectoryApi)
      .regions()
      .pipe(catchError(() => of([]))),
    {
      initialValue: [],
    },
  );
  protected readonly regionName = computed(() => {
    const id = this.member()?.regionId;
    return id ? (this.regions().find((r) => r.id === id)?.name ?? null) : null;
  });

  constructor() {
    effect(() => this.load(this.id()));
    // <title>: the person's name.
    effect(() => {
      this.language.current();
      const name = this.notFound()
        ? this.transloco.translate('members.profile.notFoundTitle')
        : this.member()?.displayName;
      if (name) this.titleService.setTitle(`${name} · ${APP_NAME}`);
    });
  }

  protected spaceTitle(s: MemberSpaceRef): { text: string; lang: Language; dir: 'rtl' | 'ltr' } {
    const original = (LANGUAGES as readonly string[]).includes(s.originalLanguage)
      ? (s.originalLanguage as Language)
      : this.language.current();
    return pickLocalized(s.title, this.language.current(), original);
  }

  /**
   * The follower count follows the button at once (the API answers 204, without a count), then
   * the page is read again quietly for the true figure.
   */
  protected onFollowChanged(followed: boolean): void {
    this.member.update((m) =>
      m ? { ...m, followed, followers: Math.max(0, m.followers + (followed ? 1 : -1)) } : m,
    );
    this.api.get(this.id()).subscribe({ next: (m) => this.member.set(m), error: () => undefined });
  }

  private load(id: string): void {
    this.notFound.set(false);
    this.loadError.set(null);
    this.member.set(null);
    this.api.get(id).subscribe({
      next: (m) => this.member.set(m),
      error: (err) => {
        // 404 for an unlisted member, 400 for a malformed id: both "nobody here".
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) this.notFound.set(true);
        else this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
  }
}
