import { localizedText } from '@pratique/api/platform';
export { compactLocalized as compact } from '@pratique/api/platform';

export const SeminarTitle = localizedText(200);
export const SeminarDescription = localizedText(5000);
