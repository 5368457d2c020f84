import { ApiProperty } from '@nestjs/swagger';
import { ATTESTATION_MAX_DAYS, AttestationQuery } from '@pratique/contracts';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { daysBetween, parseCalendarDate } from '../contribution-rules';

/** A real calendar date written `YYYY-MM-DD`. */
function IsCalendarDate(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          args.value === undefined || args.value === ''
            ? 'is required (YYYY-MM-DD)'
            : 'must be a date written YYYY-MM-DD',
      },
      validator: { validate: (value: unknown) => parseCalendarDate(value) !== null },
    });
}

/**
 * `to` against `from`: on or after it, and at most `ATTESTATION_MAX_DAYS` later. Passes when
 * `from` is not a date (that error is `from`'s own).
 */
function IsPeriodEnd(): PropertyDecorator {
  return (target, propertyName) => {
    const days = (args: ValidationArguments) =>
      daysBetween((args.object as AttestationQueryDto).from, args.value);
    registerDecorator({
      name: 'isNotBeforeFrom',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be on or after from' },
      validator: { validate: (_v: unknown, args: ValidationArguments) => (days(args) ?? 0) >= 0 },
    });
    registerDecorator({
      name: 'isWithinMaxSpan',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `must be at most ${ATTESTATION_MAX_DAYS} days after from` },
      validator: {
        validate: (_v: unknown, args: ValidationArguments) => (days(args) ?? 0) <= ATTESTATION_MAX_DAYS,
      },
    });
  };
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: both required, the period inclusive, from ≤ to, at most 5 years. */
export class AttestationQueryDto implements AttestationQuery {
  @ApiProperty({ example: '2025-01-01', description: 'First day of the period (YYYY-MM-DD)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2025-12-31', description: 'Last day of the period (YYYY-MM-DD), included' })
  @IsCalendarDate()
  @IsPeriodEnd()
  to!: string;
}
