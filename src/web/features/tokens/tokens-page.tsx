import { Button, Code, Table, Text, Tooltip } from "@mantine/core";
import { IconCircleCheck, IconCircleOff, IconKey, IconPlus, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ListPage, useListSearch } from "../../components/list-page.tsx";
import { OneTimeSecretModal } from "../../components/one-time-secret-modal.tsx";
import { RoleBadge } from "../../components/role-badge.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatDate, formatRelative } from "../../lib/format.ts";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { CreatedToken, Token } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { TokenFormModal } from "./token-form-modal.tsx";
import { useRevokeToken, useTokens } from "./tokens-api.ts";

/** /o/:org/admin/tokens: API tokens for scripts and integrations (Authorization: Bearer …). */
export function TokensPage() {
  const { slug, isAdmin } = useOrg();
  const bp = useBreakpoints();
  const search = useListSearch();
  const tokens = useTokens(slug, search.q);
  const revoke = useRevokeToken(slug);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const items = tokens.items;

  return (
    <>
      <ListPage
        title="API tokens"
        description={
          isAdmin
            ? "Every token of the organisation: personal ones act as their owner, service ones for the organisation."
            : "Your personal tokens, for scripts that read or write Keel as you."
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-shortcut-new>
            New token
          </Button>
        }
        load={tokens}
        what="the tokens"
        skeletonRows={4}
        search={{ ...search, placeholder: "Search by name", label: "Search tokens" }}
        isEmpty={items.length === 0}
        noMatch={
          <EmptyState icon={<IconSearch size={24} />} title={`No token matches “${search.q}”`}>
            Search looks at token names.
          </EmptyState>
        }
        empty={
          <EmptyState
            icon={<IconKey size={24} />}
            title="No API tokens yet"
            action={
              <Button variant="default" onClick={() => setCreating(true)}>
                New token
              </Button>
            }
          >
            Create a token to push KPI values from a script or connect another tool. Send it as{" "}
            <Code>Authorization: Bearer …</Code>; the API is described at <Code>/api/docs</Code>.
          </EmptyState>
        }
        paging={{ ...tokens, noun: "tokens" }}
      >
        <div className="keel-table-scroll">
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                {bp.md && <Table.Th>Created</Table.Th>}
                {bp.sm && <Table.Th>Last used</Table.Th>}
                <Table.Th w={80} aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <Code fz="xs">{t.prefix}…</Code> ·{" "}
                      {t.kind === "service" ? "Service" : `Personal${t.userName ? `, ${t.userName}` : ""}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={t.role} />
                  </Table.Td>
                  <Table.Td>
                    {t.revokedAt ? (
                      <StatusBadge
                        color="gray"
                        icon={<IconCircleOff size={11} />}
                        title={`Revoked ${formatDate(t.revokedAt)}`}
                      >
                        Revoked
                      </StatusBadge>
                    ) : (
                      <StatusBadge color="teal" icon={<IconCircleCheck size={11} />}>
                        Active
                      </StatusBadge>
                    )}
                  </Table.Td>
                  {bp.md && (
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {formatDate(t.createdAt)}
                      </Text>
                    </Table.Td>
                  )}
                  {bp.sm && (
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {t.lastUsedAt ? formatRelative(t.lastUsedAt) : "Never"}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    {!t.revokedAt && (
                      <Tooltip label="Stops working at once">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(t)}
                          aria-label={`Revoke ${t.name}`}
                        >
                          Revoke
                        </Button>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </ListPage>

      <TokenFormModal opened={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <OneTimeSecretModal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title={`Token “${created?.token.name ?? ""}” created`}
        description="Use it as the Authorization header: Bearer followed by this secret. Store it in your script's secret store, not in code."
        label="Secret"
        secret={created?.secret ?? ""}
      />
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke token"
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notify(`Revoked “${revoking.name}”. Requests with it now fail.`);
              setRevoking(null);
            },
          });
        }}
      >
        Anything that uses it stops working at once. This cannot be undone; create a new token if needed.
      </ConfirmModal>
    </>
  );
}
