import { Type } from '@angular/core';
import type { Persona } from '@pratique/web/core';
import { MemberHomeComponent } from './member-home.component';

/**
 * The home component of a persona. The member's home is in this library's entry chunk (the `/`
 * shell loads it for most people, so one request brings it, not a chain of chunks); the
 * animator's and staff's are in chunks of their own, so the member's never loads the charts.
 */
export function loadHome(persona: Persona): Promise<Type<unknown>> {
  switch (persona) {
    case 'staff':
      return import('./staff-home.component').then((m) => m.StaffHomeComponent);
    case 'animator':
      return import('./animator-home.component').then((m) => m.AnimatorHomeComponent);
    default:
      return Promise.resolve(MemberHomeComponent);
  }
}
