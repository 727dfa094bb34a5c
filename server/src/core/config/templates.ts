import type { SectionKind } from '../model';

/**
 * A required section: the kinds that satisfy it (any one), the heading to insert when it is
 * missing, and the prompt put under it.
 */
export interface SectionRequirement {
  kinds: SectionKind[];
  heading: string;
  prompt: string;
}

export interface TemplateSpec {
  sections: SectionRequirement[];
}

const req = (kinds: SectionKind | SectionKind[], heading: string, prompt: string): SectionRequirement => ({
  kinds: Array.isArray(kinds) ? kinds : [kinds],
  heading,
  prompt,
});

const SUMMARY = req('summary', 'Summary', 'What happened, when, and the impact, in two or three sentences.');
const IMPACT = req(
  'impact',
  'Impact',
  'Who and what was affected, for how long, and how much (users, requests, revenue, SLO budget).',
);
const TIMELINE = req(
  'timeline',
  'Timeline',
  'What was observed and done, with times and zones, and links to the evidence.',
);
const DETECTION = req('detection', 'Detection', 'How and when did we find out: which alert, or who reported it?');
const RESPONSE = req(
  'response',
  'Response',
  'Who was involved, how they coordinated, what helped and what slowed things down.',
);
const FACTORS = req(
  ['contributing-factors', 'root-cause'],
  'Contributing factors',
  'What conditions made this possible? The trigger, and what made it worse or harder to see.',
);
const RESOLUTION = req(
  'resolution',
  'Resolution and recovery',
  'What stopped the impact, and what brought the system fully back?',
);
const WENT_WELL = req('what-went-well', 'What went well', 'What helped: tools, practices, people, luck excluded.');
const IMPROVE = req(
  'what-could-be-improved',
  'What could be improved',
  'What made detection, response or recovery harder than it needed to be?',
);
const LUCKY = req('where-we-got-lucky', 'Where we got lucky', 'What went our way that we cannot count on next time?');
const ACTIONS = req(
  'action-items',
  'Action items',
  'Each with an owner, a due date, a status and a ticket. Start each with a verb.',
);
const LESSONS = req('lessons-learned', 'Lessons learned', 'What do we understand now that we did not before?');

const INCIDENT = [
  SUMMARY,
  IMPACT,
  TIMELINE,
  DETECTION,
  RESPONSE,
  FACTORS,
  RESOLUTION,
  WENT_WELL,
  IMPROVE,
  LUCKY,
  ACTIONS,
  LESSONS,
];

/** The variants teams use, with the sections each requires, in their usual order. */
export const BUILTIN_TEMPLATES: Record<string, TemplateSpec> = {
  incident: { sections: INCIDENT },
  lightweight: {
    sections: [
      SUMMARY,
      TIMELINE,
      req(['root-cause', 'contributing-factors'], 'Root cause', 'What made this possible?'),
      IMPACT,
      req(['actions-taken', 'resolution'], 'Actions taken', 'What was done to fix it?'),
      LESSONS,
    ],
  },
  project: {
    sections: [
      req('project-overview', 'Project overview', 'The goals, and the results against them.'),
      req('highlights', 'Highlights', 'What went well.'),
      req('challenges', 'Challenges', 'What was hard, and why.'),
      req(
        ['post-project-tasks', 'action-items'],
        'Post-project tasks',
        'Follow-ups, each with an owner and a due date.',
      ),
    ],
  },
  'status-page': {
    sections: [
      req('summary', 'Summary', 'In plain language: what happened and who was affected.'),
      TIMELINE,
      req(['root-cause', 'contributing-factors'], 'Root cause', 'Why it happened, without internal jargon.'),
      req('resolution', 'Resolution and prevention', 'How it was fixed and what will stop it happening again.'),
      req('customer-message', 'Customer message', 'The message to customers.'),
    ],
  },
  regulated: {
    sections: [
      ...INCIDENT,
      req('compliance', 'Compliance and regulatory notes', 'Required notifications, to whom and when; data affected.'),
      req('evidence-log', 'Evidence log', 'Where each piece of evidence is kept.'),
      req(
        'audit-trail',
        'Audit trail of corrective actions',
        'Who approved and verified each corrective action, and when.',
      ),
      req('risk-assessment', 'Risk re-assessment', 'How this incident changes the assessed risks.'),
    ],
  },
};

/** What a severity adds to its template's requirements. */
export interface SeverityRequirement {
  sections: SectionRequirement[];
  /** Action-item types of which at least one item is required ("prevent"). */
  actionTypes: string[];
}

export const BUILTIN_SEVERITY_REQUIREMENTS: Record<string, SeverityRequirement> = {
  SEV0: { sections: [IMPACT, ACTIONS], actionTypes: ['prevent'] },
  SEV1: { sections: [IMPACT, ACTIONS], actionTypes: ['prevent'] },
};

/** The requirement for a section named by kind or by heading in configuration ("root-cause|contributing-factors"). */
export function requirementFromName(name: string, known: readonly SectionRequirement[]): SectionRequirement {
  const kinds = name.split('|').map((k) => k.trim()) as SectionKind[];
  const builtin = [...known, ...INCIDENT, ...Object.values(BUILTIN_TEMPLATES).flatMap((t) => t.sections)].find((r) =>
    r.kinds.some((k) => kinds.includes(k)),
  );
  return builtin ? { ...builtin, kinds } : { kinds, heading: name, prompt: '' };
}
