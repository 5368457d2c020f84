import { PageQueryDto } from '@pratique/api/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTIFICATION_TYPES,
  NotificationChannel,
  NotificationListQuery,
  NotificationType,
  UpdateNotificationPreferences,
} from '@pratique/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  ValidateNested,
} from 'class-validator';

export class NotificationListQueryDto extends PageQueryDto implements NotificationListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  unread?: boolean;
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
