/** Where the strategy map draws its nodes: one lane (row) per theme, computed, no layout engine. */

export type LaneTheme = { id: string; name: string };
export type LaneObjective = { id: string; themeId: string | null };

export const THEME_NODE = { width: 200, height: 64 };
export const OBJECTIVE_NODE = { width: 220, height: 72 };
const LANE_GAP = 36;
const COLUMN_GAP = 28;
/** Objectives per lane row before the lane grows a second row. */
export const PER_ROW = 5;

export type Placed = { id: string; kind: "theme" | "objective"; x: number; y: number; laneIndex: number };

/**
 * Themes top to bottom in their order (the Balanced Scorecard reads financial at the top,
 * learning & growth at the bottom, causes below their effects); each theme's Objectives to
 * its right, wrapping after PER_ROW so a busy lane stays readable.
 */
export function laneLayout(themes: readonly LaneTheme[], objectives: readonly LaneObjective[]) {
  const placed: Placed[] = [];
  const lanes: Array<{ themeId: string; y: number; height: number }> = [];
  let y = 0;
  themes.forEach((theme, laneIndex) => {
    const own = objectives.filter((o) => o.themeId === theme.id);
    const rows = Math.max(1, Math.ceil(own.length / PER_ROW));
    const height = rows * OBJECTIVE_NODE.height + (rows - 1) * COLUMN_GAP;
    placed.push({ id: theme.id, kind: "theme", x: 0, y: y + (height - THEME_NODE.height) / 2, laneIndex });
    own.forEach((o, i) => {
      const column = i % PER_ROW;
      const row = Math.floor(i / PER_ROW);
      placed.push({
        id: o.id,
        kind: "objective",
        x: THEME_NODE.width + 2 * COLUMN_GAP + column * (OBJECTIVE_NODE.width + COLUMN_GAP),
        y: y + row * (OBJECTIVE_NODE.height + COLUMN_GAP),
        laneIndex,
      });
    });
    lanes.push({ themeId: theme.id, y, height });
    y += height + LANE_GAP;
  });
  return { placed, lanes };
}
