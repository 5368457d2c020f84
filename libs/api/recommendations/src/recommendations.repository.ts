import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Recommendations } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import {
  MODULE_RECOMMENDATIONS,
  REQUEST_RECOMMENDATIONS,
  SPACE_RECOMMENDATIONS,
} from './recommendations.sql';

@Injectable()
export class RecommendationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Modules closest to a seminar's gate, fewest lessons first (see MODULE_RECOMMENDATIONS). */
  modules(userId: string, limit: number): Promise<Recommendations['modules']> {
    return this.db.query(MODULE_RECOMMENDATIONS, [userId, limit]);
  }

  /** Joinable spaces matching the member's skills and interests, most matches first. */
  spaces(userId: string, limit: number): Promise<Recommendations['spaces']> {
    return this.db.query(SPACE_RECOMMENDATIONS, [userId, limit]);
  }

  /** Open requests of other organisations fitting the member's open offers, most shared skills first. */
  requests(userId: string, limit: number): Promise<Recommendations['requests']> {
    return this.db.query(REQUEST_RECOMMENDATIONS, [userId, limit]);
  }
}
