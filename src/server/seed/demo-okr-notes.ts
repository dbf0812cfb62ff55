/**
 * Short check-in notes for the weeks the demo content does not write out, by how the
 * week went. "{value}" becomes the check-in's value. Worded so they fit a KR that
 * increases as well as one that decreases.
 */
export const genericNotes = {
  first: [
    "Baseline checked: {value}. Plan for the quarter agreed with the team.",
    "Starting from {value}. First actions are on the team board.",
    "Kick-off done; we start at {value}. Weekly review on Thursdays.",
    "Measured {value} in the first week. Owners named for each workstream.",
  ],
  up: [
    "Better week: {value}, a little ahead of where I expected.",
    "{value}. Last week's changes are starting to show.",
    "Moving the right way at {value}. Same plan for next week.",
    "{value}. The team pulled two actions forward and it paid off.",
    "{value} now; more confident than last week.",
    "Good progress: {value}. The first sites to switch are carrying the number.",
    "{value}. Quick wins done; the bigger changes come next.",
  ],
  flat: [
    "About where we were: {value}. No blockers, just slower than hoped.",
    "{value}, little change. Most of the week went into preparation.",
    "Holding at {value}. The next step is agreed and scheduled.",
    "{value}. Watching whether last week's change sticks before adding more.",
    "Not much movement ({value}); holiday week with half the team out.",
    "{value}. Steady; nothing new to report.",
  ],
  down: [
    "{value}, a worse week. Looking into why before we change anything.",
    "{value}. Short-staffed on two shifts; should recover next week.",
    "{value}. Less confident: the plan depends on people we have not hired yet.",
    "Went the wrong way: {value}. If this continues we miss the target.",
    "{value}. Two sites lag behind; going through it with their leads on Monday.",
    "{value}. Risk: the supplier pushed our delivery date back again.",
  ],
  milestoneOpen: [
    "Not done yet; on schedule.",
    "In progress, nothing blocking.",
    "Moving as planned; next step booked.",
    "About halfway; no surprises so far.",
  ],
  milestoneSlipping: [
    "Not done, and slipping: we are waiting on another team.",
    "Not done yet, and less sure of the date than last week.",
  ],
  milestoneDone: ["Done.", "Done and signed off."],
  final: ["Final check-in for the quarter: {value}.", "End of quarter: {value}. Scoring next week."],
} as const;

export type NoteMood = keyof typeof genericNotes;
