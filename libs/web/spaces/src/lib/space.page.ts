import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChildren,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SpaceDetail, SpaceRole, pickLocalized } from '@pratique/contracts';
import {
  APP_NAME,
  ApiError,
  LanguageService,
  SessionStore,
  SpacesApi,
  UiMessage,
  UiMessagePipe,
  arrowStep,
  messageKeyForStatus,
} from '@pratique/web/core';
import { Observable } from 'rxjs';
import { SpaceEditFormComponent } from './space-edit-form.component';
import { SpaceModulesComponent } from '@pratique/web/learning';
import { SpaceSeminarsComponent } from '@pratique/web/seminars';
import { SpaceDiscussionsComponent } from '@pratique/web/discussions';
import { SpaceMembersComponent } from './space-members.component';

type TabId = 'about' | 'members' | 'modules' | 'discussions' | 'resources' | 'seminars' | 'settings';
/** Features that later work fills in; for now their tab says they are coming. */
const COMING_SOON: TabId[] = ['discussions', 'resources'];

@Component({
  selector: 'pq-space-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    UiMessagePipe,
    SpaceMembersComponent,
    SpaceEditFormComponent,
    SpaceModulesComponent,
    SpaceSeminarsComponent,
    SpaceDiscussionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <h1>{{ 'spaces.notFoundTitle' | transloco }}</h1>
      <p>{{ 'spaces.notFoundText' | transloco }}</p>
      <p>
        <a routerLink="/spaces">{{ 'spaces.backToList' | transloco }}</a>
      </p>
    } @else if (loadError(); as key) {
      <h1>{{ 'spaces.title' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (space(); as s) {
      <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
        <a routerLink="/spaces">{{ 'nav.spaces' | transloco }}</a>
      </nav>
      <header class="space-header card">
        <h1 [attr.lang]="title().lang" [attr.dir]="title().dir">{{ title().text }}</h1>
        <p class="badges">
          <span class="badge badge-axis">{{ 'axes.' + s.axis | transloco }}</span>
          <span class="badge">{{ 'spaces.scope.' + s.scope | transloco }}</span>
          <span class="badge">{{ 'spaces.visibility.' + s.visibility | transloco }}</span>
          @if (s.status === 'archived') {
            <span class="badge badge-muted">{{ 'spaces.status.archived' | transloco }}</span>
          }
          @if (s.myRole) {
            <span class="badge badge-member">{{ 'spaces.role.' + s.myRole | transloco }}</span>
          }
        </p>
        <p class="card-meta">{{ 'spaces.memberCount' | transloco: { count: s.memberCount } }}</p>
        <div class="actions">
          @if (s.can.join) {
            <button type="button" class="btn btn-primary" [disabled]="busy()" (click)="join(s)">
              {{ 'spaces.join' | transloco }}
            </button>
          }
          @if (s.can.leave) {
            <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="leave(s)">
              {{ 'spaces.leave' | transloco }}
            </button>
          }
          @if (!session.signedIn()) {
            <a
              class="btn btn-primary"
              routerLink="/sign-in"
              [queryParams]="{ returnUrl: '/spaces/' + s.slug }"
              >{{ 'spaces.signInToJoin' | transloco }}</a
            >
          }
        </div>
        <div aria-live="polite" aria-atomic="true">
          @if (actionMessage(); as m) {
            <p class="alert" [class.alert-error]="actionIsError()" [class.alert-success]="!actionIsError()">
              {{ m | uiMessage }}
            </p>
          }
        </div>
      </header>

      <div class="tabs">
        <div role="tablist" class="tablist" [attr.aria-label]="'spaces.tabs.label' | transloco">
          @for (tab of tabs(); track tab; let i = $index) {
            <button
              #tabButton
              type="button"
              role="tab"
              class="tab"
              [id]="'tab-' + tab"
              [attr.aria-selected]="tab === selected()"
              [attr.aria-controls]="'panel-' + tab"
              [attr.tabindex]="tab === selected() ? 0 : -1"
              (click)="select(tab)"
              (keydown)="onTabKey($event, i)"
            >
              {{ 'spaces.tabs.' + tab | transloco }}
            </button>
          }
        </div>
        <div
          role="tabpanel"
          class="tabpanel"
          [id]="'panel-' + selected()"
          [attr.aria-labelledby]="'tab-' + selected()"
          tabindex="0"
        >
          @switch (selected()) {
            @case ('about') {
              <h2>{{ 'spaces.tabs.about' | transloco }}</h2>
              @if (description().text) {
                <p class="prewrap" [attr.lang]="description().lang" [attr.dir]="description().dir">
                  {{ description().text }}
                </p>
              } @else {
                <p class="muted">{{ 'spaces.noDescription' | transloco }}</p>
              }
              <h3>{{ 'spaces.animators' | transloco }}</h3>
              @if (s.animators.length) {
                <ul class="plain-list">
                  @for (a of s.animators; track a.userId) {
                    <li>{{ a.displayName }}</li>
                  }
                </ul>
              } @else {
                <p class="muted">{{ 'spaces.noAnimators' | transloco }}</p>
              }
            }
            @case ('members') {
              <h2>{{ 'spaces.tabs.members' | transloco }}</h2>
              <pq-space-members
                [spaceId]="s.id"
                [canManage]="s.can.manageAnimators"
                [lang]="language.current()"
                (changed)="reload()"
              />
            }
            @case ('modules') {
              <h2>{{ 'spaces.tabs.modules' | transloco }}</h2>
              <!-- The learning feature is its own chunk, fetched when this tab opens. -->
              @defer (on immediate) {
                <pq-space-modules [spaceId]="s.id" [canAuthor]="canAuthor()" [lang]="language.current()" />
              } @loading (minimum 200ms) {
                <p class="muted">{{ 'common.loading' | transloco }}</p>
              }
            }
            @case ('seminars') {
              <h2>{{ 'spaces.tabs.seminars' | transloco }}</h2>
              <!-- The seminars feature (and its translations) is its own chunk, fetched when this tab opens. -->
              @defer (on immediate) {
                <pq-space-seminars
                  [spaceId]="s.id"
                  [lang]="language.current()"
                  [returnUrl]="'/spaces/' + s.slug"
                />
              } @loading (minimum 200ms) {
                <p class="muted">{{ 'common.loading' | transloco }}</p>
              }
            }
            @case ('settings') {
              <h2>{{ 'spaces.tabs.settings' | transloco }}</h2>
              <pq-space-edit-form [space]="s" (saved)="space.set($event)" />
            }
            @case ('discussions') {
              <h2>{{ 'spaces.tabs.discussions' | transloco }}</h2>
              @defer (on immediate) {
                <pq-space-discussions [slug]="s.slug" />
              } @loading (minimum 200ms) {
                <p class="muted">{{ 'common.loading' | transloco }}</p>
              }
            }
            @case ('resources') {
              <h2>{{ 'spaces.tabs.resources' | transloco }}</h2>
              <p>{{ 'spaces.toolboxIntro' | transloco }}</p>
              <p>
                <a class="btn btn-primary" [routerLink]="['/spaces', s.slug, 'toolbox']">{{
                  'spaces.toolboxLink' | transloco
                }}</a>
              </p>
            }
            @default {
              <h2>{{ 'spaces.tabs.' + selected() | transloco }}</h2>
              <p class="coming-soon">{{ 'spaces.comingSoon.' + selected() | transloco }}</p>
            }
          }
        </div>
      </div>
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class SpacePage {
  private readonly api = inject(SpacesApi);
  private readonly titleService = inject(Title);
  private readonly transloco = inject(TranslocoService);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  /** Route parameter. */
  readonly slug = input.required<string>();

  protected readonly space = signal<SpaceDetail | null>(null);
  protected readonly notFound = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionMessage = signal<UiMessage | null>(null);
  protected readonly actionIsError = signal(false);
  protected readonly selected = signal<TabId>('about');
  private readonly tabButtons = viewChildren<ElementRef<HTMLButtonElement>>('tabButton');

  protected readonly title = computed(() => {
    const s = this.space();
    return pickLocalized(s?.title, this.language.current(), s?.originalLanguage ?? this.language.current());
  });
  protected readonly description = computed(() => {
    const s = this.space();
    return pickLocalized(
      s?.description,
      this.language.current(),
      s?.originalLanguage ?? this.language.current(),
    );
  });

  /** Animators of the space and admins write its modules. */
  protected readonly canAuthor = computed(
    () => this.session.isAdmin() || this.space()?.myRole === SpaceRole.Animator,
  );

  protected readonly tabs = computed<TabId[]>(() => {
    const s = this.space();
    if (!s) return [];
    return [
      'about',
      ...(s.can.seeMembers ? (['members'] as TabId[]) : []),
      'modules',
      'seminars',
      ...COMING_SOON,
      ...(s.can.edit ? (['settings'] as TabId[]) : []),
    ];
  });

  constructor() {
    effect(() => this.load(this.slug()));
    // <title>: the space's title in the reader's language.
    effect(() => {
      this.language.current();
      const text = this.notFound() ? this.transloco.translate('spaces.notFoundTitle') : this.title().text;
      if (text) this.titleService.setTitle(`${text} · ${APP_NAME}`);
    });
  }

  private load(slug: string): void {
    this.notFound.set(false);
    this.loadError.set(null);
    this.space.set(null);
    this.selected.set('about');
    this.api.get(slug).subscribe({
      next: (s) => this.space.set(s),
      error: (err) => {
        if (err instanceof ApiError && err.status === 404) this.notFound.set(true);
        else this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
  }

  reload(): void {
    const s = this.space();
    if (!s) return;
    this.api.get(s.slug).subscribe({ next: (fresh) => this.space.set(fresh), error: () => undefined });
  }

  join(s: SpaceDetail): void {
    this.act(this.api.join(s.id), 'spaces.joined');
  }
  leave(s: SpaceDetail): void {
    this.act(this.api.leave(s.id), 'spaces.left');
  }

  private act(call: Observable<unknown>, successKey: string): void {
    this.busy.set(true);
    this.actionMessage.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.actionIsError.set(false);
        this.actionMessage.set({ key: successKey });
        this.reload();
      },
      error: (err) => {
        this.busy.set(false);
        this.actionIsError.set(true);
        this.actionMessage.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
      },
    });
  }

  select(tab: TabId): void {
    this.selected.set(tab);
  }

  /** ARIA tabs keyboard: arrows (mirrored in RTL), Home, End; selection follows focus. */
  onTabKey(event: KeyboardEvent, index: number): void {
    const tabs = this.tabs();
    let next = index;
    const step = arrowStep(event.key, this.language.dir());
    if (step) next = (index + step + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    this.selected.set(tabs[next]);
    this.tabButtons()[next]?.nativeElement.focus();
  }
}
