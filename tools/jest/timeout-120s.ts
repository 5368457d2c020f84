/** Browser journeys: a real Chromium (jest ignores a project's own `testTimeout` in a multi-project run). */
jest.setTimeout(120_000);
