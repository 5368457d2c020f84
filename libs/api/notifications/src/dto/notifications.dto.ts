import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  NOTIFICATION_TYPES,
  NotificationChannel,
  NotificationListQuery,
  NotificationType,
  UpdateNotificationPreferences,
} from '@pratique/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

export class NotificationListQueryDto implements NotificationListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: 'must be a whole number' }) @Min(1) @Max(100_000) page = 1;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: 'must be a whole number' }) @Min(1) @Max(MAX_PAGE_SIZE) pageSize = DEFAULT_PAGE_SIZE;
}

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_TYPES })
  @IsIn(NOTIFICATION_TYPES, { message: `must be a notification type: ${NOTIFICATION_TYPES.join(', ')}` })
  type!: NotificationType;

  @ApiProperty({ enum: NotificationChannel })
  @IsEnum(NotificationChannel, { message: 'must be in_app, email, digest or off' })
  channel!: NotificationChannel;
}

export class UpdatePreferencesDto implements UpdateNotificationPreferences {
  @ApiProperty({ type: [PreferenceDto] })
  @IsArray({ message: 'must be a list' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  preferences!: PreferenceDto[];
}
