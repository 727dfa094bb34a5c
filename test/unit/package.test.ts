/**
 * The VS Code package: `node scripts/package.mjs` writes out/hindsight.vsix, and it holds the
 * bundles and what they read at run time, nothing else. A vsix newer than everything it is made
 * from (a package run earlier in this test run) is reused rather than built again. The `files`
 * list in package.json says what ships, for vsce and for the npm package alike.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { before, describe, it } from 'node:test';
import yauzl from 'yauzl';

const ROOT = join(__dirname, '..', '..');
const VSIX = join(ROOT, 'out', 'hindsight.vsix');
const BUNDLES = ['extension.js', 'server.js', 'cli.js'].map((f) => join(ROOT, 'dist', f));

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );

/** What the package is made from: a vsix older than any of these is made again. */
const inputs = () => [
  ...BUNDLES,
  ...['package.json', 'README.md', 'LICENSE'].map((f) => join(ROOT, f)),
  ...['docs/rules', 'docs/images', 'schemas', 'snippets', 'templates'].flatMap((d) => filesUnder(join(ROOT, d))),
];

const fresh = () =>
  existsSync(VSIX) && inputs().every((f) => existsSync(f) && statSync(f).mtimeMs <= statSync(VSIX).mtimeMs);

/** Entry names of a zip file, from its central directory. */
function entries(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => (names.push(entry.fileName), zip.readEntry()));
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

// Packaging installs vsce on first use (an npm ci of its own), which takes minutes on a busy machine.
describe('the VS Code package', { timeout: 360_000 }, () => {
  let names: string[] = [];

  before(async () => {
    if (!fresh()) {
      // The test command builds first; rebuilding here would rewrite dist/ under tests running beside this one.
      const args = ['scripts/package.mjs', ...(BUNDLES.every(existsSync) ? ['--no-build'] : [])];
      const result = spawnSync(process.execPath, args, {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000,
      });
      assert.equal(result.status, 0, `package failed:\n${result.stdout}\n${result.stderr}`);
    }
    names = await entries(VSIX);
  });

  it('is smaller than 2 MB', () => {
    assert.ok(statSync(VSIX).size < 2 * 1024 * 1024, `${statSync(VSIX).size} bytes`);
  });

  it('holds one copy of the engine: server.js, also the worker and the command line; cli.js only loads it', () => {
    const bundles = names.filter((name) => name.startsWith('extension/dist/')).sort();
    assert.deepEqual(bundles, ['extension/dist/cli.js', 'extension/dist/extension.js', 'extension/dist/server.js']);
    const cli = readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8');
    assert.ok(cli.length < 1024, `dist/cli.js is ${cli.length} characters: a bundle of its own again?`);
    assert.match(cli, /require\('\.\/server\.js'\)/);
  });

  it('holds the bundles, the rule pages and the schema', () => {
    for (const file of [
      'dist/extension.js',
      'dist/server.js',
      'dist/cli.js',
      'schemas/hindsight.schema.json',
      'package.json',
      'LICENSE.txt',
    ]) {
      assert.ok(names.includes(`extension/${file}`), `missing ${file}`);
    }
    const pages = filesUnder(join(ROOT, 'docs', 'rules')).map(
      (f) => `extension/${relative(ROOT, f).split(sep).join('/')}`,
    );
    assert.ok(pages.length > 0);
    for (const page of pages) assert.ok(names.includes(page), `missing ${page}`);
  });

  it('holds the icon and every image the README shows, so its Details page has them', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { icon: string };
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0);
    for (const image of [manifest.icon, ...images]) {
      assert.doesNotMatch(image, /^[a-z]+:/, `${image} is relative, read from the package`);
      assert.ok(names.includes(`extension/${image}`), `missing ${image}`);
    }
  });

  it('holds no tests, TypeScript sources or node_modules', () => {
    for (const name of names) {
      assert.doesNotMatch(name, /(^|\/)test\/|\.test\.|\.ts$|(^|\/)node_modules\//, name);
    }
  });

  it('holds nothing outside what the extension reads at run time', () => {
    const allowed =
      /^extension\/(?:dist\/[^/]+\.js|docs\/rules\/.+\.md|docs\/images\/[\w-]+\.png|(?:schemas|snippets|templates)\/.+|package\.json|readme\.md|LICENSE\.txt)$|^\[Content_Types\]\.xml$|^extension\.vsixmanifest$/;
    for (const name of names) assert.match(name, allowed);
  });
});

describe('the npm package', () => {
  it('ships what runs and what it reads, never the tests, scripts or sources', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
    const paths = pack.files.map((f) => f.path);
    assert.ok(paths.includes('dist/cli.js'), 'the CLI bundle ships');
    const shipped =
      /^(?:dist\/[^/]+\.js|docs\/(?:rules|images)\/.+|schemas\/.+|snippets\/.+|templates\/.+|README\.md|LICENSE|package\.json)$/;
    assert.deepEqual(
      paths.filter((p) => !shipped.test(p)),
      [],
    );
  });
});
