/**
 * `npm run try`: serves the packaged extension in code-server on 127.0.0.1, and Ctrl+C (SIGINT to
 * the foreground process group, as a terminal sends it) stops it without leaving processes behind.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const status = (url: string) =>
  new Promise<number | string>((resolve) => {
    http
      .get(url, (res) => (res.resume(), resolve(res.statusCode ?? 0)))
      .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm run try', { timeout: 240_000 }, () => {
  it('serves the examples in code-server on 127.0.0.1 and stops on Ctrl+C', async () => {
    const port = await freePort();
    // Its own process group, like a command in a terminal's foreground.
    const child = spawn(process.execPath, ['scripts/try.mjs', '--port', String(port)], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const ready = await new Promise<{ url: string; pgid: number } | undefined>((resolve) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const url = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output)?.[1];
        const pgid = /process group (\d+)/.exec(output)?.[1];
        if (url && pgid) resolve({ url, pgid: Number(pgid) });
      });
      void exited.then(() => resolve(undefined));
    });
    assert.ok(ready, `try stopped before serving:\n${output}`);
    assert.equal(new URL(ready.url).port, String(port));
    assert.equal(await status(ready.url), 200);

    process.kill(-child.pid!, 'SIGINT');
    assert.equal(await exited, 0, output);
    assert.equal(groupAlive(ready.pgid), false, 'code-server processes are left running');
    assert.equal(await status(ready.url), 'ECONNREFUSED');
  });
});
