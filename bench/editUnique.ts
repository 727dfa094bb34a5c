/**
 * Only the unique-text edit figures of the hardening benchmark (bench/hardening.ts), for measuring
 * the edit path on its own: `node --import tsx bench/editUnique.ts [lines...]`.
 * BENCH_SERVER_NODE_ARGS passes flags to the server's process (for example a CPU profile).
 */
import { uniqueEditVsMarkdownlint } from './hardening';

const PLAN: Record<number, { documents: number; edits: number }> = {
  1_000: { documents: 5, edits: 6 },
  10_000: { documents: 3, edits: 4 },
  50_000: { documents: 2, edits: 2 },
};

const sizes = process.argv.slice(2).map(Number);
const plan = (sizes.length > 0 ? sizes : [1_000, 10_000, 50_000]).map((lines) => ({
  lines,
  ...(PLAN[lines] ?? { documents: 2, edits: 4 }),
}));

void uniqueEditVsMarkdownlint(plan).then((rows) => {
  for (const r of rows)
    console.log(
      `${r.lines} lines: edit ${r.edit.toFixed(1)} ms, markdownlint ${r.markdownlint.toFixed(1)} ms, ` +
        `${(r.markdownlint / r.edit).toFixed(1)}×`,
    );
});
