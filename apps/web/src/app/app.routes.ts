import { Routes } from '@angular/router';
import { ForbiddenPage, NotFoundPage } from './status.pages';
import { HomePage } from './home.page';

export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', component: HomePage, title: 'titles.home' },
  // Before 'spaces': /spaces/:slug/discussions(/new) belong to the discussions feature.
  {
    path: 'spaces/:slug/discussions',
    loadChildren: () => import('@pratique/web/discussions').then((m) => m.spaceDiscussionsRoutes),
  },
  // Before 'spaces': /spaces/:slug/toolbox(/new|/moderation) belong to the toolbox (resources) feature.
  {
    path: 'spaces/:slug/toolbox',
    loadChildren: () => import('@pratique/web/resources').then((m) => m.toolboxRoutes),
  },
  { path: 'home', loadChildren: () => import('@pratique/web/home').then((m) => m.homeRoutes) },
  { path: 'spaces', loadChildren: () => import('@pratique/web/spaces').then((m) => m.spacesRoutes) },
  { path: 'my-spaces', loadChildren: () => import('@pratique/web/spaces').then((m) => m.mySpacesRoutes) },
  { path: 'modules', loadChildren: () => import('@pratique/web/learning').then((m) => m.moduleRoutes) },
  { path: 'my-modules', loadChildren: () => import('@pratique/web/learning').then((m) => m.myModulesRoutes) },
  {
    path: 'certificates',
    loadChildren: () => import('@pratique/web/learning').then((m) => m.certificateRoutes),
  },
  { path: 'seminars', loadChildren: () => import('@pratique/web/seminars').then((m) => m.seminarsRoutes) },
  { path: 'resources', loadChildren: () => import('@pratique/web/resources').then((m) => m.resourceRoutes) },
  {
    path: 'discussions',
    loadChildren: () => import('@pratique/web/discussions').then((m) => m.discussionRoutes),
  },
  {
    path: 'notifications',
    loadChildren: () => import('@pratique/web/notifications').then((m) => m.notificationsRoutes),
  },
  { path: 'members', loadChildren: () => import('@pratique/web/members').then((m) => m.membersRoutes) },
  { path: 'skills', loadChildren: () => import('@pratique/web/skills').then((m) => m.skillsRoutes) },
  { path: 'feed', loadChildren: () => import('@pratique/web/feed').then((m) => m.feedRoutes) },
  { path: 'admin', loadChildren: () => import('@pratique/web/admin').then((m) => m.adminRoutes) },
  // /sign-up and /sign-in
  { path: '', loadChildren: () => import('@pratique/web/accounts').then((m) => m.accountsRoutes) },
  { path: 'forbidden', component: ForbiddenPage, title: 'titles.forbidden' },
  { path: '**', component: NotFoundPage, title: 'titles.notFound' },
];
