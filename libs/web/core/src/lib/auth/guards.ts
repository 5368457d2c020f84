import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionStore } from './session.store';

/** The session is restored before the first navigation (app initializer), so guards are synchronous. */
function guard(allowed: (s: SessionStore) => boolean): CanActivateFn {
  return (_route, state) => {
    const session = inject(SessionStore);
    const router = inject(Router);
    if (allowed(session)) return true;
    if (!session.signedIn()) {
      return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
    }
    return router.createUrlTree(['/forbidden']);
  };
}

export const signedInGuard: CanActivateFn = guard((s) => s.signedIn());
export const adminGuard: CanActivateFn = guard((s) => s.isAdmin());
export const canCreateSpacesGuard: CanActivateFn = guard((s) => s.canCreateSpaces());

/** Sign-in/up pages are for anonymous visitors; a signed-in user goes home. */
export const anonymousGuard: CanActivateFn = () =>
  inject(SessionStore).signedIn() ? inject(Router).createUrlTree(['/']) : true;
