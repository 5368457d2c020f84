/** HTTP routes of the API (under the global prefix `/api`), used by the web client and tests. */
export const API_PREFIX = 'api';

export const ApiRoutes = {
  health: '/api/health',
  auth: {
    signUp: '/api/auth/sign-up',
    signIn: '/api/auth/sign-in',
    signOut: '/api/auth/sign-out',
    me: '/api/auth/me',
  },
  regions: '/api/regions',
  region: (id: string) => `/api/regions/${id}`,
  organisations: '/api/organisations',
  organisation: (id: string) => `/api/organisations/${id}`,
  myOrganisation: (id: string) => `/api/auth/me/organisations/${id}`,
  users: '/api/users',
  userRoles: (userId: string) => `/api/users/${userId}/roles`,
  userRole: (userId: string, grantId: string) => `/api/users/${userId}/roles/${grantId}`,
  spaces: '/api/spaces',
  space: (idOrSlug: string) => `/api/spaces/${idOrSlug}`,
  spaceMembership: (id: string) => `/api/spaces/${id}/membership`,
  spaceMembers: (id: string) => `/api/spaces/${id}/members`,
  spaceAnimator: (id: string, userId: string) => `/api/spaces/${id}/animators/${userId}`,
} as const;
