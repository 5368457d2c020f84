/** Only same-app paths ("/spaces/x"), never "//evil.example" or "https://…". */
export function safeReturnUrl(value: string | null | undefined, fallback = '/'): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : fallback;
}
