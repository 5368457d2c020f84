import { Routes } from '@angular/router';
import { adminGuard, canCreateSpacesGuard } from '@pratique/web/core';

/** Mounted at /admin. Regions, organisations, roles and queues are for admins; new spaces also for staff. */
export const adminRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./admin-layout.component').then((m) => m.AdminLayoutComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'regions' },
      {
        path: 'regions',
        canActivate: [adminGuard],
        title: 'titles.adminRegions',
        loadComponent: () => import('./regions.page').then((m) => m.RegionsPage),
      },
      {
        path: 'organisations',
        canActivate: [adminGuard],
        title: 'titles.adminOrganisations',
        loadComponent: () => import('./organisations.page').then((m) => m.OrganisationsPage),
      },
      {
        path: 'roles',
        canActivate: [adminGuard],
        title: 'titles.adminRoles',
        loadComponent: () => import('./roles.page').then((m) => m.RolesPage),
      },
      {
        path: 'queues',
        canActivate: [adminGuard],
        title: 'titles.adminQueues',
        loadComponent: () => import('./queues.page').then((m) => m.QueuesPage),
      },
      {
        path: 'audit-log',
        canActivate: [adminGuard],
        title: 'titles.adminAuditLog',
        loadComponent: () => import('./audit-log.page').then((m) => m.AuditLogPage),
      },
      {
        path: 'spaces/new',
        canActivate: [canCreateSpacesGuard],
        title: 'titles.newSpace',
        loadComponent: () => import('./new-space.page').then((m) => m.NewSpacePage),
      },
    ],
  },
];
