import { ForbiddenException, Injectable } from '@nestjs/common';
import { fieldError } from '@pratique/api/platform';
import { Actor } from '../authorization/actor';
import { UsersRepository } from '../users/users.repository';
import { SignUpDto } from './dto/sign-up.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { decoyHash, hashPassword, verifyPassword } from './password';

@Injectable()
export class AuthService {
  constructor(private readonly users: UsersRepository) {}

  async signUp(dto: SignUpDto): Promise<Actor> {
    if (!(await this.users.regionExists(dto.regionId))) throw fieldError(400, 'regionId', 'does not exist');
    const organisationRegion = await this.users.organisationRegion(dto.organisationId);
    if (!organisationRegion) throw fieldError(400, 'organisationId', 'does not exist');
    if (organisationRegion !== dto.regionId)
      throw fieldError(400, 'organisationId', 'is not an organisation of the chosen region');
    if (await this.users.emailExists(dto.email)) throw fieldError(409, 'email', 'is already registered');

    const id = await this.users.createWithMembership(
      {
        email: dto.email.toLowerCase(),
        passwordHash: await hashPassword(dto.password),
        displayName: dto.displayName,
        preferredLanguage: dto.preferredLanguage,
        regionId: dto.regionId,
      },
      dto.organisationId,
    );
    return (await this.users.loadActor(id))!;
  }

  /**
   * The actor for valid credentials, null otherwise (same time either way). A suspended account is
   * told so only once the password is right, so guessers learn nothing about which accounts exist.
   */
  async verifyCredentials(email: string, password: string): Promise<Actor | null> {
    const user = await this.users.findCredentialsByEmail(email);
    if (!user) {
      await verifyPassword(await decoyHash(), password);
      return null;
    }
    if (!(await verifyPassword(user.passwordHash, password))) return null;
    if (user.suspendedAt)
      throw new ForbiddenException(
        'This account is suspended: contact the platform administrators to have it reinstated',
      );
    return this.users.loadActor(user.id);
  }

  async updateProfile(actor: Actor, dto: UpdateProfileDto): Promise<Actor> {
    await this.users.updateProfile(actor.id, dto);
    return (await this.users.loadActor(actor.id))!;
  }

  async joinOrganisation(actor: Actor, organisationId: string): Promise<Actor> {
    if (!(await this.users.organisationRegion(organisationId)))
      throw fieldError(404, 'organisationId', 'does not exist');
    await this.users.addMembership(actor.id, organisationId);
    return (await this.users.loadActor(actor.id))!;
  }

  async leaveOrganisation(actor: Actor, organisationId: string): Promise<Actor> {
    const outcome = await this.users.removeMembership(actor.id, organisationId);
    if (outcome === 'absent') throw fieldError(404, 'organisationId', 'is not one of your organisations');
    if (outcome === 'last')
      throw fieldError(409, 'organisationId', 'is your only organisation: join another one first');
    return (await this.users.loadActor(actor.id))!;
  }
}
