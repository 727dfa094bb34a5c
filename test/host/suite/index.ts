/**
 * Entry point of the in-host suites (the extensionTestsPath contract: `run()` resolves when every
 * test passed). Runs each bundled *.test.js next to this file with mocha from the harness tools.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface MochaRunner {
  addFile(file: string): void;
  run(done: (failures: number) => void): void;
}
type MochaConstructor = new (options: Record<string, unknown>) => MochaRunner;

export function run(): Promise<void> {
  const mochaPath = process.env.HINDSIGHT_MOCHA;
  if (!mochaPath)
    return Promise.reject(
      new Error('HINDSIGHT_MOCHA is not set: run the suites through test/host/runCodeServer.mjs or runElectron.mjs'),
    );
  const Mocha = require(mochaPath) as MochaConstructor;
  // HINDSIGHT_GREP runs only the tests whose title matches it.
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    timeout: 60_000,
    grep: process.env.HINDSIGHT_GREP,
  });
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) =>
    mocha.run((failures) => (failures ? reject(new Error(`${failures} in-host tests failed`)) : resolve())),
  );
}
