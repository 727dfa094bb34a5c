import { bestRejected, DEFAULT_WEIGHTS } from '../../metrics/milestones';
import type { OrderedKind } from '../../metrics/choose';
import type { PostmortemDocument } from '../../model';
import type { Finding } from '../rule';
import { documentAnchor } from '../util';

/**
 * The finding of a "no detection"/"no resolution" rule. A warning only when the engine is confident the
 * timeline does not say it; when some row comes close, an information on that row instead, whose quick
 * fix "Mark as …" (offered on every timed row) settles it.
 */
export function missingMilestone(doc: PostmortemDocument, kind: OrderedKind, warning: string): Finding[] {
  const timed = doc.timeline.entries.filter((e) => e.time !== undefined && e.hasTimeOfDay);
  if (timed.length < 2 || doc.milestones[kind]) return [];
  const near = bestRejected(doc.milestones, kind);
  if (near && near.probability >= DEFAULT_WEIGHTS.unsureFrom && near.candidate.source !== 'frontmatter') {
    const row = near.candidate.text.replace(/\s+/g, ' ').trim().slice(0, 60);
    return [
      {
        range: near.candidate.range,
        atMost: 'info',
        message:
          `Nothing is marked as ${kind}, and the wording is not clear enough to be sure: if it is ` +
          `this row (“${row}”), mark it with the quick fix "Mark as ${kind}".`,
      },
    ];
  }
  const section = doc.timeline.sections[0];
  return [{ range: section?.headingRange ?? timed[0].range ?? documentAnchor(doc), message: warning }];
}
