// Query keys start with the organisation, so switching organisations never shows
// another one's data, and a mutation can refresh exactly one area.
export const keys = {
  org: (slug: string) => ["org", slug] as const,
  settings: (slug: string) => ["org", slug, "settings"] as const,
  teams: (slug: string) => ["org", slug, "teams"] as const,
  teamMembers: (slug: string, teamId: string) => ["org", slug, "teams", "members", teamId] as const,
  people: (slug: string) => ["org", slug, "people"] as const,
  invitations: (slug: string) => ["org", slug, "invitations"] as const,
  cycles: (slug: string) => ["org", slug, "cycles"] as const,
  themes: (slug: string) => ["org", slug, "themes"] as const,
  tokens: (slug: string) => ["org", slug, "tokens"] as const,
  audit: (slug: string) => ["org", slug, "audit"] as const,
  /** Objectives, KRs, check-ins, alignment and grading: one area, refreshed together. */
  okrs: (slug: string) => ["org", slug, "okrs"] as const,
  /** My home and inbox: what I owe, refreshed after every change (query-client.ts). */
  my: (slug: string) => ["org", slug, "my"] as const,
};
