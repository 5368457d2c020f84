/** Integration tests: real PostgreSQL and Redis (jest ignores a project's own `testTimeout` in a multi-project run). */
jest.setTimeout(30_000);
