// The few mocha globals (tdd interface) the in-host suites use. Mocha itself lives in the harness
// tools (.vscode-test/tools), not in the project's dependencies, so its types are not installed.
interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
}
declare function suite(title: string, body: (this: MochaContext) => void): void;
declare function test(title: string, body: (this: MochaContext) => Promise<void> | void): void;
declare function suiteSetup(body: (this: MochaContext) => Promise<void> | void): void;
declare function suiteTeardown(body: (this: MochaContext) => Promise<void> | void): void;
declare function teardown(body: (this: MochaContext) => Promise<void> | void): void;
