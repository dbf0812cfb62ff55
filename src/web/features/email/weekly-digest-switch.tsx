import { Switch } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api-client.ts";
import { notify, notifyFailure } from "../../lib/notify.ts";

const settingsKey = (slug: string) => ["org", slug, "my-email-settings"] as const;

/**
 * The person's own weekly-digest choice in one organisation (memberships.weekly_digest).
 * Hidden while this Keel sends no email: there would be nothing to turn off.
 */
export function WeeklyDigestSwitch({ slug, orgName }: { slug: string; orgName: string }) {
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey(slug),
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/my/email-settings", { path: { org: slug }, signal }),
  });
  const update = useMutation({
    mutationFn: (weeklyDigest: boolean) =>
      api.patch("/api/orgs/{org}/my/email-settings", { path: { org: slug }, body: { weeklyDigest } }),
    onSuccess: (saved) => {
      client.setQueryData(settingsKey(slug), saved);
      notify(
        saved.weeklyDigest ? `Weekly digest from ${orgName} on.` : `No more weekly digest from ${orgName}.`,
      );
    },
    onError: (e) => notifyFailure(e),
  });
  if (!settings.data?.emailEnabled) return null;
  return (
    <Switch
      size="xs"
      label="Weekly digest"
      aria-label={`Weekly digest email from ${orgName}`}
      checked={settings.data.weeklyDigest}
      disabled={update.isPending}
      onChange={(e) => update.mutate(e.currentTarget.checked)}
    />
  );
}
