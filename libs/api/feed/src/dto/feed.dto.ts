import { ApiPropertyOptional } from '@nestjs/swagger';
import { FEED_MAX_PAGE_SIZE, FEED_PAGE_SIZE, FeedQuery } from '@pratique/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class FeedQueryDto implements FeedQuery {
  @ApiPropertyOptional({ description: 'the last id of the previous page' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'must be an activity id' })
  before?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(FEED_MAX_PAGE_SIZE)
  limit = FEED_PAGE_SIZE;
}
