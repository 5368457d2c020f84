import { Body, Controller, Delete, Get, HttpCode, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { SESSION_COOKIE } from '@pratique/api/platform';
import { DataExport, dataExportFileName } from '@pratique/contracts';
import type { Request, Response } from 'express';
import { AccountDeletionService } from './deletion/account-deletion.service';
import { DeleteAccountDto } from './deletion/dto/delete-account.dto';
import { DataExportService } from './export/data-export.service';

/** The member's own data: download all of it, or delete the account. */
@ApiTags('privacy')
@Controller('me')
@Authorize()
export class PrivacyController {
  constructor(
    private readonly exports: DataExportService,
    private readonly deletion: AccountDeletionService,
  ) {}

  @Get('data-export')
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'Everything the platform keeps about the signed-in member, as a JSON file' })
  async dataExport(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<DataExport> {
    const data = await this.exports.exportOf(actor);
    res.set({
      'Content-Disposition': `attachment; filename="${dataExportFileName(new Date(data.exportedAt))}"`,
      'Cache-Control': 'no-store',
    });
    return data;
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Account deleted (anonymised) and signed out everywhere' })
  async deleteAccount(
    @CurrentActor() actor: Actor,
    @Body() dto: DeleteAccountDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.deletion.delete(actor, dto);
    // Its row went with the member's other sessions: forget this one without saving it again.
    await new Promise<void>((resolve) => (req.session ? req.session.destroy(() => resolve()) : resolve()));
    res.clearCookie(SESSION_COOKIE);
  }
}
