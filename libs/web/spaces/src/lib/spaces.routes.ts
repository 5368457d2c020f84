import { Routes } from '@angular/router';
import { signedInGuard } from '@pratique/web/core';

/** Mounted at /spaces. */
export const spacesRoutes: Routes = [
  {
    path: '',
    title: 'titles.spaces',
    loadComponent: () => import('./spaces-list.page').then((m) => m.SpacesListPage),
  },
  {
    path: ':slug',
    loadComponent: () => import('./space.page').then((m) => m.SpacePage),
  },
];

/** Mounted at /my-spaces: the same list, joined spaces only. */
export const mySpacesRoutes: Routes = [
  {
    path: '',
    title: 'titles.mySpaces',
    canActivate: [signedInGuard],
    data: { mine: true },
    loadComponent: () => import('./spaces-list.page').then((m) => m.SpacesListPage),
  },
];
