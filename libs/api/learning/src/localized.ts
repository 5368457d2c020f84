import { localizedText } from '@pratique/api/platform';
export { compactLocalized, hasText, mergeLocalized } from '@pratique/api/platform';

export const TitleText = localizedText(200);
export const SummaryText = localizedText(2000);
export const LongText = localizedText(50_000);
export const ShortText = localizedText(1000);
