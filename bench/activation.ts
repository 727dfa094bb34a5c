/**
 * How long the extension takes to start, in two parts:
 * - loading dist/extension.js (what VS Code does before calling `activate`), with `vscode`
 *   replaced by stand-ins, each load in a fresh Node process;
 * - starting dist/server.js over stdio up to its `initialize` result, from the spawn.
 * `activate()` itself is not run: it starts a LanguageClient bundled into dist/extension.js,
 * whose `start` cannot be replaced from outside, so a fake would measure the fake.
 * A bare `node -e 0` is timed too, since each figure includes a Node process start.
 */
import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { median } from './measure';

const ROOT = join(__dirname, '..');
const EXTENSION = join(ROOT, 'dist', 'extension.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const RUNS = Number(process.env.RUNS ?? 10);

/**
 * Run in a child: stands in for `vscode` with a callable, constructible object for every name the
 * API declares, then prints how long `require` of the file took. Stand-ins are made before timing.
 */
const LOAD = `
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const types = readFileSync(require.resolve('@types/vscode/index.d.ts', { paths: [process.argv[2]] }), 'utf8');
const names = [...types.matchAll(/^\\texport (?:class|namespace|enum|function|const|let) (\\w+)/gm)].map((m) => m[1]);
const stub = () => new Proxy(function () {}, {
  get: (target, key) => (key in target ? target[key] : key === 'then' || typeof key === 'symbol' ? undefined : stub()),
  apply: () => stub(),
  construct: () => stub(),
});
const vscode = Object.fromEntries(names.map((name) => [name, stub()]));
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const start = performance.now();
const exported = require(process.argv[1]);
const ms = performance.now() - start;
if (typeof exported.activate !== 'function') throw new Error('no activate()');
console.log(ms);
`;

function loadExtension(): number {
  const result = spawnSync(process.execPath, ['-e', LOAD, EXTENSION, ROOT], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(
      `loading ${EXTENSION} failed: ${result.stderr.split('\n').find((l) => /Error/.test(l)) ?? result.status}`,
    );
  return Number(result.stdout.trim());
}

async function serverToInitialize(): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const ms = performance.now() - start;
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  return ms;
}

function bareNode(): number {
  const start = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - start;
}

async function main() {
  const size = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KB`;
  const report = (label: string, samples: number[]) =>
    console.log(
      `${label.padEnd(58)} median ${median(samples).toFixed(1).padStart(6)} ms   min ${Math.min(...samples)
        .toFixed(1)
        .padStart(6)} ms`,
    );

  console.log(`Hindsight activation: Node ${process.version}, ${RUNS} runs each (RUNS=n to change)\n`);
  loadExtension(); // warm the file cache
  report(
    `require dist/extension.js (${size(EXTENSION)}), vscode stubbed, in process`,
    Array.from({ length: RUNS }, loadExtension),
  );
  await serverToInitialize();
  const server: number[] = [];
  for (let i = 0; i < RUNS; i++) server.push(await serverToInitialize());
  report(`dist/server.js (${size(SERVER)}): spawn to initialize result`, server);
  report('node -e 0: process start and exit, for comparison', Array.from({ length: RUNS }, bareNode));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
