/** Every organisation starts with the four Balanced Scorecard perspectives as themes. */
export const balancedScorecardThemes = [
  {
    perspective: "financial",
    name: "Financial",
    description: "How we create value for owners: revenue, margin, cost and cash.",
  },
  {
    perspective: "customer",
    name: "Customer",
    description: "How customers see us: satisfaction, retention, share of wallet.",
  },
  {
    perspective: "internal_process",
    name: "Internal process",
    description: "What we must excel at: speed, quality and reliability of how we work.",
  },
  {
    perspective: "learning_growth",
    name: "Learning & growth",
    description: "How we keep improving: skills, tools, culture and information.",
  },
] as const;
