import { ApiError, fieldErrorsOf, isApiErrorBody, messageKeyForStatus, toApiError } from './api-error';

describe('api error mapping', () => {
  it('maps an ApiErrorBody with field errors', () => {
    const err = toApiError(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      errors: [
        { field: 'email', reason: 'must be an email' },
        { field: 'password', reason: 'too short' },
        { field: 'password', reason: 'too common' },
      ],
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.message).toBe('Validation failed');
    expect(err.fieldErrors).toEqual({ email: 'must be an email', password: 'too short; too common' });
  });

  it('tolerates bodies that are not ApiErrorBody', () => {
    const err = toApiError(502, '<html>Bad gateway</html>');
    expect(err.body).toBeNull();
    expect(err.fieldErrors).toEqual({});
    expect(err.message).toBe('HTTP 502');
    expect(isApiErrorBody(null)).toBe(false);
    expect(fieldErrorsOf(null)).toEqual({});
  });

  it('gives a message key per status', () => {
    expect(messageKeyForStatus(0)).toBe('errors.network');
    expect(messageKeyForStatus(409)).toBe('errors.conflict');
    expect(messageKeyForStatus(429)).toBe('errors.tooManyAttempts');
    expect(messageKeyForStatus(503)).toBe('errors.server');
    expect(messageKeyForStatus(418)).toBe('errors.generic');
  });
});
