import { Routes } from '@angular/router';
import { ForbiddenPage, NotFoundPage } from './status.pages';
import { HomePage } from './home.page';

export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', component: HomePage, title: 'titles.home' },
  { path: 'spaces', loadChildren: () => import('@pratique/web/spaces').then((m) => m.spacesRoutes) },
  { path: 'my-spaces', loadChildren: () => import('@pratique/web/spaces').then((m) => m.mySpacesRoutes) },
  { path: 'modules', loadChildren: () => import('@pratique/web/learning').then((m) => m.moduleRoutes) },
  { path: 'my-modules', loadChildren: () => import('@pratique/web/learning').then((m) => m.myModulesRoutes) },
  {
    path: 'certificates',
    loadChildren: () => import('@pratique/web/learning').then((m) => m.certificateRoutes),
  },
  { path: 'seminars', loadChildren: () => import('@pratique/web/seminars').then((m) => m.seminarsRoutes) },
  {
    path: 'notifications',
    loadChildren: () => import('@pratique/web/notifications').then((m) => m.notificationsRoutes),
  },
  { path: 'admin', loadChildren: () => import('@pratique/web/admin').then((m) => m.adminRoutes) },
  // /sign-up and /sign-in
  { path: '', loadChildren: () => import('@pratique/web/accounts').then((m) => m.accountsRoutes) },
  { path: 'forbidden', component: ForbiddenPage, title: 'titles.forbidden' },
  { path: '**', component: NotFoundPage, title: 'titles.notFound' },
];
