import { Routes } from '@angular/router';
import { anonymousGuard, signedInGuard } from '@pratique/web/core';

export const accountsRoutes: Routes = [
  {
    path: 'sign-up',
    canActivate: [anonymousGuard],
    title: 'titles.signUp',
    loadComponent: () => import('./sign-up.page').then((m) => m.SignUpPage),
  },
  {
    path: 'sign-in',
    canActivate: [anonymousGuard],
    title: 'titles.signIn',
    loadComponent: () => import('./sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'profile',
    canActivate: [signedInGuard],
    title: 'profile.title',
    loadComponent: () => import('./profile.page').then((m) => m.ProfilePage),
  },
];
