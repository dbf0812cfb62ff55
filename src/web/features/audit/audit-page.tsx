import { Autocomplete, Button, Card, Group, Select, SimpleGrid } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFilterOff, IconHistory } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { AdminOnly } from "../../components/admin-only.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { LoadMore } from "../../components/load-more.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { PersonSelect } from "../people/person-select.tsx";
import { useAudit } from "./audit-api.ts";
import { AuditEventRow } from "./audit-event-row.tsx";
import { entityTypes, knownActions } from "./audit-utils.ts";

/** /o/:org/admin/audit: who changed what, when, and from what to what. */
export function AuditPage() {
  return (
    <AdminOnly title="Audit log" what="read the audit log">
      <AuditPageContent />
    </AdminOnly>
  );
}

function AuditPageContent() {
  const { slug } = useOrg();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [action, setAction] = useState("");
  const [debouncedAction] = useDebouncedValue(action.trim(), 300);
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const audit = useAudit(slug, {
    entityType: entityType ?? undefined,
    action: debouncedAction || undefined,
    actorUserId: actor?.id,
  });
  const actions = useMemo(
    () => (entityType ? knownActions.filter((a) => a.startsWith(`${entityType}.`)) : knownActions),
    [entityType],
  );
  const filtered = Boolean(entityType || debouncedAction || actor);
  const clear = () => {
    setEntityType(null);
    setAction("");
    setActor(null);
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change with who made it, when, and each field's before → after."
      />
      <Card withBorder padding={0}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" p="sm">
          <Select
            label="What"
            placeholder="Everything"
            data={entityTypes}
            value={entityType}
            onChange={(v) => {
              setEntityType(v);
              setAction("");
            }}
            clearable
          />
          <Autocomplete
            label="Action"
            placeholder="Any action"
            data={actions}
            value={action}
            onChange={setAction}
            description={undefined}
          />
          <PersonSelect
            slug={slug}
            label="Who"
            placeholder="Anyone"
            value={actor?.id ?? null}
            valueLabel={actor?.name}
            onChange={(id, name) => setActor(id ? { id, name: name ?? "" } : null)}
          />
        </SimpleGrid>
        {audit.isPending ? (
          <div style={{ padding: 12 }}>
            <TableSkeleton />
          </div>
        ) : audit.isError ? (
          <div style={{ padding: 12 }}>
            <QueryError error={audit.error} onRetry={() => void audit.refetch()} what="the audit log" />
          </div>
        ) : audit.items.length === 0 ? (
          <EmptyState
            icon={<IconHistory size={24} />}
            title={filtered ? "Nothing matches these filters" : "Nothing recorded yet"}
            action={
              filtered && (
                <Button variant="default" leftSection={<IconFilterOff size={16} />} onClick={clear}>
                  Clear filters
                </Button>
              )
            }
          >
            {filtered
              ? "The action filter matches whole action names such as team.moved; pick one from the list."
              : "Every change to people, teams, cycles, themes, tokens and settings appears here."}
          </EmptyState>
        ) : (
          <div style={{ opacity: audit.isPlaceholderData ? 0.6 : 1 }}>
            {audit.items.map((event) => (
              <AuditEventRow key={event.id} event={event} />
            ))}
          </div>
        )}
        <Group justify="center">
          <LoadMore
            hasNextPage={audit.hasNextPage}
            isFetchingNextPage={audit.isFetchingNextPage}
            onLoadMore={() => void audit.fetchNextPage()}
            shown={audit.items.length}
            noun="events"
          />
        </Group>
      </Card>
    </>
  );
}
