import { RULES } from '../core/rules';
import type { Severity } from '../core/model';
import type { CheckedFile } from './checkOutput';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** SARIF 2.1.0, for code-scanning views in CI. */
export function toSarif(files: readonly CheckedFile[]) {
  const rules = RULES.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale },
    defaultConfiguration: { level: rule.level === 'off' ? 'none' : LEVEL[rule.level], enabled: rule.level !== 'off' },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hindsight',
            informationUri: 'https://www.npmjs.com/package/hindsight',
            version: process.env.HINDSIGHT_VERSION ?? '0.0.0',
            rules,
          },
        },
        results: files.flatMap(({ target, problems }) =>
          problems.map((p) => ({
            ruleId: p.code,
            ...(index.has(p.code) ? { ruleIndex: index.get(p.code) } : {}),
            level: LEVEL[p.severity],
            message: { text: p.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: target.display },
                  region: {
                    startLine: p.range.start.line + 1,
                    startColumn: p.range.start.character + 1,
                    endLine: p.range.end.line + 1,
                    endColumn: p.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
