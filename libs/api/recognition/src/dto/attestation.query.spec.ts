import { ATTESTATION_MAX_DAYS } from '@pratique/contracts';
import { toFieldErrors } from '@pratique/api/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AttestationQueryDto } from './attestation.query';

/** The field errors the global validation pipe would answer with. */
async function errorsOf(query: Record<string, unknown>) {
  const errors = await validate(plainToInstance(AttestationQueryDto, query), {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
  });
  return toFieldErrors(errors);
}

describe('AttestationQueryDto', () => {
  it('accepts a period of one day and one of ATTESTATION_MAX_DAYS days', async () => {
    expect(await errorsOf({ from: '2025-01-01', to: '2025-01-01' })).toEqual([]);
    const to = new Date(Date.UTC(2020, 0, 1) + ATTESTATION_MAX_DAYS * 86400000).toISOString().slice(0, 10);
    expect(await errorsOf({ from: '2020-01-01', to })).toEqual([]);
  });

  it('requires both dates', async () => {
    expect(await errorsOf({})).toEqual([
      { field: 'from', reason: 'is required (YYYY-MM-DD)', code: 'calendarDate' },
      { field: 'to', reason: 'is required (YYYY-MM-DD)', code: 'calendarDate' },
    ]);
  });

  it('refuses what is not a calendar date, naming the field', async () => {
    expect(await errorsOf({ from: '2025-02-30', to: '2025-03-01' })).toEqual([
      { field: 'from', reason: 'must be a date written YYYY-MM-DD', code: 'calendarDate' },
    ]);
    expect(await errorsOf({ from: '2025-01-01', to: '31/12/2025' })).toEqual([
      { field: 'to', reason: 'must be a date written YYYY-MM-DD', code: 'calendarDate' },
    ]);
  });

  it('refuses a period that ends before it starts or is too long, on `to`', async () => {
    expect(await errorsOf({ from: '2025-02-01', to: '2025-01-31' })).toEqual([
      { field: 'to', reason: 'must be on or after from', code: 'invalid' },
    ]);
    const to = new Date(Date.UTC(2020, 0, 1) + (ATTESTATION_MAX_DAYS + 1) * 86400000)
      .toISOString()
      .slice(0, 10);
    expect(await errorsOf({ from: '2020-01-01', to })).toEqual([
      { field: 'to', reason: `must be at most ${ATTESTATION_MAX_DAYS} days after from`, code: 'invalid' },
    ]);
  });
});
