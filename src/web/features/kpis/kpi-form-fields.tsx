import { Anchor, Code, Collapse, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import type { Kpi } from "./kpis-api.ts";

export const options = <T extends string>(labels: Record<T, string>) =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const aggregationHints: Record<Kpi["aggregation"], string> = {
  sum: "Flows: revenue, orders, tickets (a month is the sum of its weeks).",
  average: "Rates and scores: NPS, utilisation.",
  last: "Levels and balances: headcount, stock, cash.",
  min: "The worst of the periods.",
  max: "The peak of the periods.",
};

export const mono = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };

type FormulaProps = {
  value: string;
  onChange: (value: string) => void;
  error: ReactNode;
  helpOpen: boolean;
  onToggleHelp: () => void;
};

/** The formula, with the syntax the server accepts (src/domain/kpi/formula.ts) one click away. */
export function FormulaField({ value, onChange, error, helpOpen, onToggleHelp }: FormulaProps) {
  return (
    <div>
      <TextInput
        label="Formula"
        description={
          <>
            Optional: computed from other KPIs instead of entered.{" "}
            <Anchor component="button" type="button" size="xs" onClick={onToggleHelp}>
              {helpOpen ? "Hide syntax" : "Show syntax"}
            </Anchor>
          </>
        }
        placeholder="e.g. leads * conversion_rate * avg_deal_size"
        styles={mono}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
      />
      <Collapse expanded={helpOpen}>
        <Text size="xs" c="dimmed" mt={4} component="div" data-testid="formula-help">
          Use other KPIs by their <b>key</b> (<Code>revenue</Code>, <Code>active_customers</Code>), numbers,{" "}
          <Code>+</Code> <Code>-</Code> <Code>*</Code> <Code>/</Code>, parentheses and the functions{" "}
          <Code>sum(a, b, …)</Code> <Code>avg(…)</Code> <Code>min(…)</Code> <Code>max(…)</Code>{" "}
          <Code>abs(x)</Code>. Example: <Code>revenue / active_customers</Code>. Inputs with another frequency
          are rolled up by their aggregation. Unknown keys and cycles (a KPI that depends on itself) are
          refused. A formula KPI recomputes whenever an input changes.
        </Text>
      </Collapse>
    </div>
  );
}
