import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isVisitorLocale, type SurveyOfferView } from '@distans/contracts';
import { DataSource } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import type { SurveyAnswerDto } from './dto/survey-answer.dto';

/** A finished meeting's survey can be answered on its room's screen for this long after its end. */
const SURVEY_OPEN_HOURS = 12;

/**
 * The visitor survey on the room screen. An answer is stored with its office, agency, case type
 * and month only: no booking, no visitor, no device, no time. That the booking's survey has been
 * answered is a flag on the booking, set in the same statement that writes the answer, so each
 * finished meeting is answered at most once and the answer still cannot be traced to it.
 */
@Injectable()
export class SurveyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The survey of a meeting just finished in this device's room, in the booking's language. */
  async offer(actor: Actor, bookingId: string): Promise<SurveyOfferView> {
    const [row]: { language: string; locale: string; answered: boolean }[] = await this.db.query(
      `SELECT b.language, b.locale, b.survey_answered AS answered FROM booking b
        WHERE b.id = $1 AND b.room_id = $2 AND b.status = 'COMPLETED'
          AND b.ends_at > now() - make_interval(hours => $3)`,
      [bookingId, actor.roomId, SURVEY_OPEN_HOURS],
    );
    if (!row) throw new NotFoundError('No survey for this booking here');
    if (row.answered) throw new ConflictError('The survey of this meeting has been answered');
    return { bookingId, language: isVisitorLocale(row.language) ? row.language : row.locale };
  }

  async answer(actor: Actor, dto: SurveyAnswerDto): Promise<void> {
    if (dto.satisfaction === undefined && dto.gotHelp === undefined && dto.treatedWell === undefined)
      throw new InvalidInputError('Answer at least one question, or skip the survey', {
        details: { satisfaction: ['answer at least one question'] },
      });
    const rows: unknown[] = await this.db.query(
      `WITH taken AS (
         UPDATE booking b SET survey_answered = true
           FROM office o
          WHERE o.id = b.office_id AND b.id = $1 AND b.room_id = $2 AND b.status = 'COMPLETED'
            AND NOT b.survey_answered AND b.ends_at > now() - make_interval(hours => $6)
         RETURNING b.office_id, b.agency_id, b.case_type_id,
                   date_trunc('month', b.starts_at AT TIME ZONE o.time_zone)::date AS month)
       INSERT INTO survey_answer (office_id, agency_id, case_type_id, month, satisfaction, got_help, treated_well)
       SELECT office_id, agency_id, case_type_id, month, $3, $4, $5 FROM taken
       RETURNING 1`,
      [
        dto.bookingId,
        actor.roomId,
        dto.satisfaction ?? null,
        dto.gotHelp ?? null,
        dto.treatedWell ?? null,
        SURVEY_OPEN_HOURS,
      ],
    );
    if (rows.length === 0) {
      // Tell a second answer from a wrong booking, as the offer does.
      await this.offer(actor, dto.bookingId);
      throw new ConflictError('The survey of this meeting has been answered');
    }
  }
}
