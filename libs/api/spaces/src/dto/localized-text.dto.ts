import { localizedText } from '@pratique/api/platform';

export const SpaceTitleDto = localizedText(120);
export const SpaceDescriptionDto = localizedText(4000);
