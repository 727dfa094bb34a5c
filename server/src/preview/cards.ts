import { formatMinutes, METRIC_NAMES, METRIC_TITLES } from '../core/metrics/durations';
import type { PostmortemDocument } from '../core/model';
import { esc, isUndated, utcLabel } from './escape';

const HEADER_FIELDS = ['severity', 'status', 'date', 'services', 'authors'] as const;

/** The title: the frontmatter's when it could be read, else the first top-level heading, else a neutral word. */
export function documentTitle(doc: PostmortemDocument): string {
  const readable = !doc.frontmatter?.errors.some((p) => p.severity === 'error');
  const fromFrontmatter = doc.frontmatter?.data.title;
  if (readable && typeof fromFrontmatter === 'string' && fromFrontmatter.trim()) return fromFrontmatter.trim();
  return doc.sections.find((s) => s.depth === 1)?.heading ?? 'Postmortem';
}

/** Frontmatter values may be anything YAML can hold: show them as short plain strings. */
function plain(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(plain);
  if (value instanceof Date) return [isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10)];
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return [text.length > 120 ? `${text.slice(0, 119)}…` : text];
}

export function headerCard(doc: PostmortemDocument): string {
  const data = doc.frontmatter?.data ?? {};
  const rows = HEADER_FIELDS.map((key) => {
    const values = plain(data[key]);
    if (values.length === 0) return '';
    const shown =
      key === 'services' || key === 'authors'
        ? values.map((v) => `<span class="hs-chip">${esc(v)}</span>`).join(' ')
        : esc(values.join(', '));
    const cls =
      key === 'severity'
        ? ` hs-severity-${values[0]
            .toLowerCase()
            .replace(/[^a-z0-9]/g, '')
            .slice(0, 12)}`
        : '';
    return `<div class="hs-field${cls}" data-field="${key}"><dt>${key}</dt><dd>${shown}</dd></div>`;
  }).join('');
  const title = `<h1>${esc(documentTitle(doc))}</h1>`;
  return `<header class="hs-card hs-header">${title}${rows ? `<dl>${rows}</dl>` : ''}</header>`;
}

export function metricCards(doc: PostmortemDocument): string {
  const cards = METRIC_NAMES.map((name) => {
    const metric = doc.metrics[name];
    const { from, to } = metric.definition;
    const ends = [from, to].map((kind) => {
      const m = doc.milestones[kind];
      return m
        ? `${kind}: ${utcLabel(m.time, !isUndated(m.time))} (from ${m.source}, line ${m.line + 1})`
        : `${kind}: not found`;
    });
    const hover = [`${METRIC_TITLES[name]} = ${to} − ${from}`, ...ends].join('\n');
    const value = metric.minutes === undefined ? '—' : formatMinutes(metric.minutes);
    const abbr = name === 'impact' ? 'Impact' : name.toUpperCase();
    const missing = metric.minutes === undefined ? ' hs-missing' : '';
    return (
      `<div class="hs-metric${missing}" data-metric="${name}" title="${esc(hover)}">` +
      `<span class="hs-metric-name">${abbr}</span><span class="hs-metric-value">${esc(value)}</span>` +
      `<span class="hs-metric-title">${esc(METRIC_TITLES[name])}</span></div>`
    );
  });
  return `<section class="hs-metrics" aria-label="Durations">${cards.join('')}</section>`;
}
