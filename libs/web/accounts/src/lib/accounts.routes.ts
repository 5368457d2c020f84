import { Routes } from '@angular/router';
import { anonymousGuard } from '@pratique/web/core';

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
];
