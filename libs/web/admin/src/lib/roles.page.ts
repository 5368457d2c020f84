import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  GlobalRole,
  GrantRoleRequest,
  Page,
  RegionDto,
  RoleGrantDto,
  UserSummary,
} from '@pratique/contracts';
import {
  DirectoryApi,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  UsersApi,
} from '@pratique/web/core';
import { catchError, of } from 'rxjs';
import { UserSuspensionComponent } from './user-suspension.component';

/** One user's grants: list, revoke, grant staff (with a region) or admin. */
@Component({
  selector: 'pq-user-roles',
  imports: [TranslocoPipe, FormStatusComponent, FieldErrorComponent, UserSuspensionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let u = user();
    <article class="card user-card">
      <h2 class="card-title">{{ u.displayName }}</h2>
      <p class="card-meta">{{ u.email }} · {{ regionName(u.regionId) }}</p>
      <h3 class="small-heading">{{ 'admin.roles.grants' | transloco }}</h3>
      @if (grants().length) {
        <ul class="plain-list">
          @for (g of grants(); track g.id) {
            <li class="grant">
              <span
                >{{ 'admin.roles.role.' + g.role | transloco }}
                @if (g.regionId) {
                  — {{ regionName(g.regionId) }}
                }
              </span>
              <button
                type="button"
                class="btn btn-small btn-danger"
                (click)="revoke(g)"
                [disabled]="fb.busy()"
              >
                {{ 'admin.roles.revoke' | transloco
                }}<span class="sr-only"> — {{ 'admin.roles.role.' + g.role | transloco }}</span>
              </button>
            </li>
          }
        </ul>
      } @else {
        <p class="muted">{{ 'admin.roles.memberOnly' | transloco }}</p>
      }
      <form class="row" (submit)="grant($event)" novalidate>
        <div class="field">
          <label [for]="'role-' + u.id">{{ 'admin.roles.roleLabel' | transloco }}</label>
          <select [id]="'role-' + u.id" (change)="role.set($any($event.target).value)">
            <option value="staff">{{ 'admin.roles.role.staff' | transloco }}</option>
            <option value="admin">{{ 'admin.roles.role.admin' | transloco }}</option>
          </select>
        </div>
        @if (role() === 'staff') {
          <div class="field">
            <label [for]="'role-region-' + u.id">{{ 'admin.organisations.region' | transloco }}</label>
            <select
              [id]="'role-region-' + u.id"
              (change)="regionId.set($any($event.target).value)"
              [attr.aria-invalid]="fb.invalid('regionId')"
              [attr.aria-describedby]="fb.describedBy('regionId')"
            >
              <option value="" [selected]="!regionId()">{{ 'accounts.chooseRegion' | transloco }}</option>
              @for (r of regions(); track r.id) {
                <option [value]="r.id" [selected]="r.id === regionId()">{{ r.name }}</option>
              }
            </select>
            <pq-field-error [feedback]="fb" field="regionId" />
          </div>
        }
        <div class="field field-actions">
          <button class="btn btn-primary btn-small" type="submit" [disabled]="fb.busy()">
            {{ 'admin.roles.grant' | transloco }}<span class="sr-only"> — {{ u.displayName }}</span>
          </button>
        </div>
      </form>
      <pq-form-status [feedback]="fb" />
      <pq-user-suspension [user]="u" />
    </article>
  `,
})
export class UserRolesComponent {
  private readonly api = inject(UsersApi);
  readonly user = input.required<UserSummary>();
  readonly regions = input.required<RegionDto[]>();
  protected readonly role = signal<'staff' | 'admin'>('staff');
  protected readonly regionId = signal('');
  private readonly changes = signal<RoleGrantDto[] | null>(null);
  protected readonly grants = computed(() => this.changes() ?? this.user().roles);
  protected readonly fb = new FormFeedback(`user-roles-${Math.random().toString(36).slice(2, 8)}`);

  protected regionName(id: string | null): string {
    return this.regions().find((r) => r.id === id)?.name ?? '—';
  }

  grant(event: Event): void {
    event.preventDefault();
    const role = this.role();
    const regionId = this.regionId();
    const body: GrantRoleRequest =
      role === 'admin' ? { role: GlobalRole.Admin } : { role: GlobalRole.Staff, regionId };
    if (body.role === GlobalRole.Staff && !regionId) {
      this.fb.fields.set({ regionId: { key: 'errors.required' } });
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: 1 } });
      return;
    }
    this.fb.clear();
    this.fb.busy.set(true);
    this.api.grant(this.user().id, body).subscribe({
      next: (g) => {
        this.fb.busy.set(false);
        this.changes.set([...this.grants(), g]);
        this.fb.succeed('admin.roles.granted');
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err, { 409: 'admin.roles.alreadyGranted' });
      },
    });
  }

  revoke(g: RoleGrantDto): void {
    this.fb.clear();
    this.fb.busy.set(true);
    this.api.revoke(this.user().id, g.id).subscribe({
      next: () => {
        this.fb.busy.set(false);
        this.changes.set(this.grants().filter((x) => x.id !== g.id));
        this.fb.succeed('admin.roles.revoked');
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
      },
    });
  }
}

@Component({
  selector: 'pq-roles-page',
  imports: [TranslocoPipe, UserRolesComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'admin.roles.title' | transloco }}</h1>
    <form class="filters card" role="search" (submit)="search($event, q.value)">
      <div class="field field-grow">
        <label for="users-q">{{ 'admin.roles.search' | transloco }}</label>
        <div class="inline">
          <input id="users-q" #q type="search" />
          <button class="btn btn-primary" type="submit">{{ 'spaces.searchButton' | transloco }}</button>
        </div>
      </div>
    </form>
    <pq-form-status [feedback]="fb" />
    <div aria-live="polite">
      @if (result(); as r) {
        <p class="muted">{{ 'admin.roles.resultCount' | transloco: { count: r.total } }}</p>
      }
    </div>
    @if (result(); as r) {
      <ul class="card-grid">
        @for (u of r.items; track u.id) {
          <li><pq-user-roles [user]="u" [regions]="regions()" /></li>
        }
      </ul>
    }
  `,
})
export class RolesPage {
  private readonly api = inject(UsersApi);
  protected readonly regions = toSignal(
    inject(DirectoryApi)
      .regions()
      .pipe(catchError(() => of([]))),
    {
      initialValue: [],
    },
  );
  protected readonly result = signal<Page<UserSummary> | null>(null);
  protected readonly fb = new FormFeedback('users');

  constructor() {
    this.run('');
  }

  search(event: Event, q: string): void {
    event.preventDefault();
    this.run(q);
  }

  private run(q: string): void {
    this.fb.clear();
    this.api.search(q).subscribe({
      next: (page) => this.result.set(page),
      error: (err) => this.fb.fromError(err),
    });
  }
}
