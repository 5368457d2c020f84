import { Type } from '@angular/core';
import type { Persona } from '@pratique/web/core';

/** The home component of a persona, each in its own lazy chunk (the member's never loads the charts). */
export function loadHome(persona: Persona): Promise<Type<unknown>> {
  switch (persona) {
    case 'staff':
      return import('./staff-home.component').then((m) => m.StaffHomeComponent);
    case 'animator':
      return import('./animator-home.component').then((m) => m.AnimatorHomeComponent);
    default:
      return import('./member-home.component').then((m) => m.MemberHomeComponent);
  }
}
