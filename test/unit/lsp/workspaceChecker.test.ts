/**
 * The workspace pass's checker of closed files (server/src/lsp/workspaceChecker.ts): on the bundled worker
 * thread it finds what the in-process check finds, and a file that fails does not stop the next one.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { checkClosedFile } from '../../../server/src/lsp/closedFileCheck';
import { ClosedFileChecker } from '../../../server/src/lsp/workspaceChecker';

const WORKER = join(__dirname, '..', '..', '..', 'dist', 'server.js');
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'workspace');
/** Rule page links point beside the running code: the bundle's and the source's differ by design. */
const findings = (items: Diagnostic[]) => items.map(({ codeDescription: _link, ...rest }) => rest);
const inProcess = (name: string) => findings(checkClosedFile(job(name)));
const onWorker = async (checker: ClosedFileChecker, name: string) => findings(await checker.check(job(name)));
const job = (name: string) => {
  const path = join(FIXTURES, name);
  return { path, uri: pathToFileURL(path).toString() };
};

describe('checking closed postmortems on a worker thread', () => {
  const checker = new ClosedFileChecker(WORKER);
  after(() => checker.dispose());

  it('runs on the server bundle started as a worker (the test command builds first)', () => {
    assert.ok(existsSync(WORKER), 'dist/server.js is missing: run npm run build');
    assert.equal(checker.threaded, true);
  });

  it('finds exactly what the in-process check finds', async () => {
    assert.ok(inProcess('checkout-errors.md').length > 0, 'the fixture has findings');
    assert.deepEqual(await onWorker(checker, 'checkout-errors.md'), inProcess('checkout-errors.md'));
    const [link] = (await checker.check(job('checkout-errors.md'))).map((d) => d.codeDescription?.href);
    assert.match(link!, /\/docs\/rules\/[a-z-]+\/[a-z-]+\.md$/);
  });

  it('answers checks sent together, each with its own findings', async () => {
    const names = ['checkout-errors.md', 'meeting-notes.md', 'checkout-errors.md'];
    const answers = await Promise.all(names.map((name) => onWorker(checker, name)));
    assert.deepEqual(answers, names.map(inProcess));
  });

  it('fails the check of an unreadable file with its reason, and keeps checking the others', async () => {
    await assert.rejects(checker.check(job('no-such-file.md')), /ENOENT/);
    assert.deepEqual(await onWorker(checker, 'checkout-errors.md'), inProcess('checkout-errors.md'));
  });
});

describe('checking closed postmortems without the worker file (running from source)', () => {
  it('checks in-process', async () => {
    const checker = new ClosedFileChecker(join(FIXTURES, 'not-a-worker.js'));
    assert.equal(checker.threaded, false);
    assert.deepEqual(await checker.check(job('checkout-errors.md')), checkClosedFile(job('checkout-errors.md')));
  });
});

describe('a worker that cannot start', () => {
  it('fails the checks it was given, then the checks run in-process', async () => {
    const broken = join(__dirname, '..', '..', 'fixtures', 'workspace', 'meeting-notes.md');
    const checker = new ClosedFileChecker(broken);
    for (let attempt = 0; checker.threaded; attempt++) {
      assert.ok(attempt < 10, 'the checker keeps starting a worker that cannot start');
      await assert.rejects(checker.check(job('checkout-errors.md')));
    }
    assert.deepEqual(await checker.check(job('checkout-errors.md')), checkClosedFile(job('checkout-errors.md')));
  });
});
