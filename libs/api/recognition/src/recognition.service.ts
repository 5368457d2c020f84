import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '@pratique/api/accounts';
import { badgesFor, ContributorProfile, Language, LANGUAGES, pickLocalized } from '@pratique/contracts';
import { AttestationLanguage, renderAttestationPdf } from './attestation/attestation-pdf';
import { AttestationQueryDto } from './dto/attestation.query';
import {
  attestationDisposition,
  ContributorRef,
  periodBounds,
  RecognitionPolicy,
  toHalfHours,
} from './contribution-rules';
import { RecognitionRepository } from './recognition.repository';

const notFound = () =>
  new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    message: 'This member is not in the directory',
    errors: [{ field: 'id', reason: 'is not a listed member' }],
  });

/** The member if the actor may see them; 404 otherwise (unknown, unlisted, deleted or suspended alike). */
function visible<T extends ContributorRef>(actor: Actor, member: T | null): T {
  if (!member || !RecognitionPolicy.view(actor, member)) throw notFound();
  return member;
}

@Injectable()
export class RecognitionService {
  constructor(private readonly recognition: RecognitionRepository) {}

  async contributor(actor: Actor, userId: string): Promise<ContributorProfile> {
    const row = visible(actor, await this.recognition.contributor(userId));
    return {
      user: { id: row.id, displayName: row.displayName },
      counts: row.counts,
      hoursGiven: toHalfHours(row.secondsGiven),
      badges: badgesFor(row.counts),
      offers: row.offers,
      isMe: row.id === actor.id,
    };
  }

  /** The PDF of the period, in the member's language, with its `Content-Disposition`. */
  async attestation(
    actor: Actor,
    userId: string,
    query: AttestationQueryDto,
  ): Promise<{ data: Buffer; disposition: string }> {
    const { start, end } = periodBounds(query.from, query.to);
    const row = visible(actor, await this.recognition.attestation(userId, start, end));
    if (!RecognitionPolicy.attest(actor, row))
      throw new ForbiddenException('Only the member themself or an admin downloads their attestation');
    const language: Language = LANGUAGES.includes(row.preferredLanguage) ? row.preferredLanguage : 'fr';
    const data = await renderAttestationPdf({
      language: language as AttestationLanguage,
      memberName: row.displayName,
      from: start,
      to: new Date(end.getTime() - 24 * 3600 * 1000),
      sessions: row.sessions.map((s) => ({
        date: new Date(s.startsAt),
        organisation: s.organisation,
        request: s.request,
        hours: toHalfHours(s.seconds),
      })),
      totalHours: toHalfHours(row.sessions.reduce((sum, s) => sum + s.seconds, 0)),
      resourcesPublished: row.resourcesPublished,
      acceptedAnswers: row.acceptedAnswers,
      modules: row.modules.map((m) => pickLocalized(m.title, language, m.originalLanguage).text),
      issuedAt: new Date(),
    });
    return { data, disposition: attestationDisposition(row.displayName, query.from, query.to) };
  }
}
