import { Injectable, computed, signal } from '@angular/core';
import { CurrentUser } from '@pratique/contracts';

/** Who is signed in (null when anonymous). Only `AuthService` writes it. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  readonly user = signal<CurrentUser | null>(null);
  readonly signedIn = computed(() => this.user() !== null);
  readonly isAdmin = computed(() => this.user()?.isAdmin ?? false);
  readonly staffRegionIds = computed(() => this.user()?.staffRegionIds ?? []);
  readonly animatesSpaces = computed(() => this.user()?.animatesSpaces ?? false);
  /** Admins, and staff of at least one region, may create spaces. */
  readonly canCreateSpaces = computed(() => this.isAdmin() || this.staffRegionIds().length > 0);
}
