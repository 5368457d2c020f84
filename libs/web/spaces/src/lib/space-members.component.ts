import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, SpaceMemberDto, SpaceRole } from '@pratique/contracts';
import { ApiError, SpacesApi, UiMessage, UiMessagePipe, messageKeyForStatus } from '@pratique/web/core';
import { Observable } from 'rxjs';
import { formatDate } from './format';

/** Members tab: the list, and animator buttons for those who may manage animators. */
@Component({
  selector: 'pq-space-members',
  imports: [TranslocoPipe, UiMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div aria-live="polite" aria-atomic="true">
      @if (message(); as m) {
        <p class="alert" [class.alert-error]="messageIsError()" [class.alert-success]="!messageIsError()">
          {{ m | uiMessage }}
        </p>
      }
    </div>
    @if (loading()) {
      <p class="muted">{{ 'common.loading' | transloco }}</p>
    } @else if (members().length === 0) {
      <p class="empty">{{ 'spaces.members.empty' | transloco }}</p>
    } @else {
      <div class="table-wrap">
        <table class="table">
          <caption class="sr-only">
            {{
              'spaces.tabs.members' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'spaces.members.name' | transloco }}</th>
              <th scope="col">{{ 'spaces.members.role' | transloco }}</th>
              <th scope="col">{{ 'spaces.members.joinedAt' | transloco }}</th>
              @if (canManage()) {
                <th scope="col">{{ 'common.actions' | transloco }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (m of members(); track m.userId) {
              <tr>
                <td>{{ m.displayName }}</td>
                <td>{{ 'spaces.role.' + m.role | transloco }}</td>
                <td>{{ date(m.joinedAt) }}</td>
                @if (canManage()) {
                  <td>
                    @if (m.role === 'animator') {
                      <button
                        type="button"
                        class="btn btn-small btn-secondary"
                        [disabled]="busy()"
                        (click)="removeAnimator(m)"
                      >
                        {{ 'spaces.members.removeAnimator' | transloco }}
                        <span class="sr-only">— {{ m.displayName }}</span>
                      </button>
                    } @else {
                      <button
                        type="button"
                        class="btn btn-small btn-secondary"
                        [disabled]="busy()"
                        (click)="makeAnimator(m)"
                      >
                        {{ 'spaces.members.makeAnimator' | transloco }}
                        <span class="sr-only">— {{ m.displayName }}</span>
                      </button>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class SpaceMembersComponent {
  private readonly api = inject(SpacesApi);
  readonly spaceId = input.required<string>();
  readonly canManage = input(false);
  readonly lang = input.required<Language>();
  /** Emitted after an animator change, so the page reloads the space (animators list). */
  readonly changed = output<void>();

  protected readonly members = signal<SpaceMemberDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly message = signal<UiMessage | null>(null);
  protected readonly messageIsError = signal(false);

  constructor() {
    effect(() => this.load(this.spaceId()));
  }

  protected date(iso: string): string {
    return formatDate(iso, this.lang());
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.members(id).subscribe({
      next: (list) => {
        this.members.set(list);
        this.loading.set(false);
      },
      error: (err) => {
        this.loading.set(false);
        this.fail(err);
      },
    });
  }

  makeAnimator(m: SpaceMemberDto): void {
    this.run(
      this.api.makeAnimator(this.spaceId(), m.userId),
      'spaces.members.madeAnimator',
      m,
      SpaceRole.Animator,
    );
  }
  removeAnimator(m: SpaceMemberDto): void {
    this.run(
      this.api.removeAnimator(this.spaceId(), m.userId),
      'spaces.members.removedAnimator',
      m,
      SpaceRole.Member,
    );
  }

  private run(call: Observable<unknown>, successKey: string, m: SpaceMemberDto, role: SpaceRole): void {
    this.busy.set(true);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.members.update((list) => list.map((x) => (x.userId === m.userId ? { ...x, role } : x)));
        this.messageIsError.set(false);
        this.message.set({ key: successKey, params: { name: m.displayName } });
        this.changed.emit();
      },
      error: (err) => {
        this.busy.set(false);
        this.fail(err);
      },
    });
  }

  private fail(err: unknown): void {
    this.messageIsError.set(true);
    this.message.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
  }
}
