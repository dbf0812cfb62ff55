import type { MantineColor } from "@mantine/core";
import type { CSSProperties, ReactNode } from "react";

type Props = { color: MantineColor; icon: ReactNode; children: ReactNode; title?: string };

/**
 * Status is never colour alone: every badge carries an icon and a word.
 *
 * Drawn as one span styled like the theme's light badge (styles.css, `.keel-badge`) rather
 * than Mantine's Badge: a KPI board shows dozens of these at once, and on a phone the
 * component layers behind each badge were a measurable share of the board's render time.
 */
export function StatusBadge({ color, icon, children, title }: Props) {
  const colours = {
    "--keel-badge-bg": `var(--mantine-color-${color}-light)`,
    "--keel-badge-color": `var(--mantine-color-${color}-light-color)`,
  } as CSSProperties;
  return (
    <span className="keel-badge" title={title} style={colours}>
      <span className="keel-badge-icon" aria-hidden>
        {icon}
      </span>
      {children}
    </span>
  );
}
