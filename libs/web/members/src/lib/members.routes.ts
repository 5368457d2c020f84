import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations, signedInGuard } from '@pratique/web/core';

/**
 * Mounted at /members: the member directory, for signed-in members only. The strings live in
 * the `members` transloco scope (`/i18n/members/<lang>.json`), fetched with this chunk; page
 * titles are global keys (a member's page sets its own: the person's name).
 */
export const membersRoutes: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('members')],
    resolve: { translations: scopeTranslations('members') },
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        title: 'titles.members',
        loadComponent: () => import('./members-list.page').then((m) => m.MembersListPage),
      },
      {
        path: 'me/edit',
        title: 'titles.myDirectoryProfile',
        loadComponent: () => import('./profile-edit.page').then((m) => m.DirectoryProfileEditPage),
      },
      {
        path: ':id',
        loadComponent: () => import('./member.page').then((m) => m.MemberPage),
      },
    ],
  },
];
