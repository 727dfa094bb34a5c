#!/usr/bin/env node
// Runs the same in-host mocha suites in desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code (it fetches a build from Microsoft's update service into .vscode-test/).
// CI uses runCodeServer.mjs instead. Without the page driver, the tests that act through the UI skip.
//   node test/host/runElectron.mjs            (after `npm run build` and scripts/setup-clients.mjs)
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleHostSuites } from './bundle.mjs';
import { CACHE, clientTools } from '../../scripts/setup-clients.mjs';
import { makeWorkspace, REPO } from './workspace.mjs';

const { runTests } = createRequire(import.meta.url)(clientTools.testElectron);
const root = mkdtempSync(join(tmpdir(), 'hindsight-electron-'));
let code = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    cachePath: CACHE,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: await bundleHostSuites(),
    extensionTestsEnv: { HINDSIGHT_MOCHA: clientTools.mocha },
    launchArgs: [
      makeWorkspace(join(root, 'workspace')),
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      join(root, 'user-data'),
    ],
  });
} catch (error) {
  console.error(error);
  code = 1;
}
rmSync(root, { recursive: true, force: true });
process.exit(code);
