import { findService, serviceNames } from '../../catalog/catalog';
import type { FrontmatterField, PostmortemDocument, Range } from '../../model';
import { nearestName } from '../../text/nearest';
import type { Finding, Rule } from '../rule';

const SERVICE_KEYS = ['services', 'service'];

/** The services a field names, each with where it is written (the field's value when it cannot be found). */
function namedServices(doc: PostmortemDocument, field: FrontmatterField): { name: string; range: Range }[] {
  const values = (Array.isArray(field.value) ? field.value : String(field.value ?? '').split(','))
    .map((v) => (typeof v === 'string' ? v.trim() : ''))
    .filter((v) => v !== '');
  return values.map((name) => {
    for (let line = field.valueRange.start.line; line <= field.valueRange.end.line; line++) {
      const text = doc.lines.lines[line] ?? '';
      const from = line === field.valueRange.start.line ? field.valueRange.start.character : 0;
      const at = text.indexOf(name, from);
      if (at >= 0) return { name, range: doc.lines.lineRange(line, at, at + name.length) };
    }
    return { name, range: field.valueRange };
  });
}

const rule: Rule = {
  id: 'frontmatter/unknown-service',
  level: 'info',
  description: "A service in `services:` that the repository's Backstage catalog does not name.",
  rationale:
    'Counting incidents per service, per owning team and per system only works when every postmortem spells a ' +
    'service the way the catalog does: `checkout-api`, `checkout` and `Checkout API` would be three services. ' +
    'When the repository keeps Backstage `catalog-info.yaml` files ' +
    '(the nearest folder at or above the postmortem holding one, and every catalog file below it), ' +
    'the names of their Components and Systems are the services a postmortem may name; ' +
    'a close name is offered as a fix. Without a catalog the rule says nothing.',
  example: {
    flagged: '---\ntype: postmortem\ntitle: Checkout errors\nservices: [checkout-apl]\n---',
    better: '---\ntype: postmortem\ntitle: Checkout errors\nservices: [checkout-api]\n---',
  },
  fixable: true,
  check: ({ doc, config }) => {
    const catalog = config.catalog;
    if (!catalog || catalog.entities.length === 0) return [];
    const names = serviceNames(catalog);
    const findings: Finding[] = [];
    for (const key of SERVICE_KEYS) {
      const field = doc.frontmatter?.fields.get(key);
      if (!field) continue;
      for (const { name, range } of namedServices(doc, field)) {
        if (findService(catalog, name)) continue;
        const suggestion = nearestName(name, names, true);
        findings.push({
          range,
          message:
            `\`${name}\` is not a Component or System in the service catalog` +
            (suggestion ? `; did you mean \`${suggestion}\`?` : '.'),
          fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ range, newText: suggestion }] }] : [],
        });
      }
    }
    return findings;
  },
};
export default rule;
