/** Only same-site paths are followed after sign-in, never another origin ("//evil.example"). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
