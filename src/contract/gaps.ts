/**
 * Data gaps: stable codes for missing or malformed data behind a score, with the hint the UI shows to fix each.
 * A gap never produces NaN: the factor falls back to a documented default and confidence drops.
 */
export const GAP_HINTS = {
  'effort.missing': 'No story points: the project median was used. Estimate the issue.',
  'effort.malformed': 'The story points value is not a number: the project median was used. Fix the estimate.',
  'businessValue.missing': 'No business value set: counted as 0. Set the business value field.',
  'businessValue.malformed': 'The business value is not a number or a known option: counted as 0. Fix the field or map the option in the admin page.',
  'dueDate.malformed': 'The due date could not be read as a date: time criticality counted as 0.',
  'created.malformed': 'The created date could not be read: debt age counted as 0.',
  'customerCount.malformed': 'The customer count field is not a number: ignored.',
  'feedback.unreadable': 'A linked feedback ticket could not be read (deleted, or not visible to you): it was not counted.',
  'feedback.undated': 'A feedback ticket has no readable created date: it counted with the undated weight.',
  'feedback.sourceUnreadable':
    "A feedback project is closed to ValueRank's app user: its tickets are not counted in this score. A Jira admin can grant the app Browse Projects there.",
  'feedback.noCustomer': 'A feedback ticket has neither an organisation nor a reporter: it counted as its own customer.',
  'remoteLink.malformed': 'A remote link has no readable URL: it was ignored.',
  'links.malformed': 'Some issue links could not be read: they were ignored.',
  'enablement.capped': 'This issue blocks more issues than ValueRank follows for one issue (2,000 links): its enablement counts the first ones, a lower bound.',
} as const;

export type GapCode = keyof typeof GAP_HINTS;
