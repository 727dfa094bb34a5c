/**
 * A fingerprint of every finding on the benchmark's documents, after opening them and after each
 * timed edit, as the edit benchmark makes them (bench/hardening.ts): run it before and after a
 * change meant only for speed, and the fingerprints must match.
 * `node --import tsx bench/findings.ts [lines...]` (default 1,000 and 10,000).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Analyzer } from '../server/src/core/analyzer';
import { checkDocument } from '../server/src/core/check';
import { loadConfig } from '../server/src/core/config/load';
import { editLine, generatePostmortem } from './generate';

const EDITS = 6;

function fingerprint(lines: number, seed: number): { hash: string; findings: number } {
  const empty = mkdtempSync(`${tmpdir()}/hindsight-findings-`);
  try {
    const loaded = loadConfig(empty);
    const analyzer = new Analyzer();
    const hash = createHash('sha256');
    const { text, proseLine, tableLine } = generatePostmortem(lines, seed);
    const source = text.split('\n');
    const uri = `file:///bench/postmortems/unique-${lines}.md`;
    let findings = 0;
    const record = (version: number, current: string) => {
      const problems = checkDocument(analyzer.analyze(uri, version, current), loaded);
      findings += problems.length;
      hash.update(JSON.stringify(problems));
    };
    record(1, text);
    for (let version = 2; version < EDITS + 2; version++) {
      const line = version % 2 ? tableLine : proseLine;
      source[line] = editLine(source[line]!, version);
      record(version, source.join('\n'));
    }
    return { hash: hash.digest('hex').slice(0, 16), findings };
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number);
for (const lines of sizes.length > 0 ? sizes : [1_000, 10_000]) {
  const { hash, findings } = fingerprint(lines, 5_000);
  console.log(`${lines} lines: ${findings} findings over ${EDITS + 1} versions, fingerprint ${hash}`);
}
