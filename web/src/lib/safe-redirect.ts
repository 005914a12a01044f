/** Only same-site paths may be redirect targets after login (no `//evil.example`, no `https:`). */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\') || target.startsWith('/login')) {
    return '/';
  }
  return target;
}
