// The workspace the real-client tests open: a copy of examples/ (four postmortems and a README,
// which is Markdown but not a postmortem) and the shared fixture under postmortems/.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');

export function makeWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(REPO, 'examples'), dir, { recursive: true });
  cpSync(join(REPO, 'test', 'clients', 'fixture', 'postmortems'), join(dir, 'postmortems'), { recursive: true });
  // What a new user opens first: a full postmortem in CEST and a draft with blaming words.
  cpSync(join(REPO, 'test', 'host', 'fixtures', 'first-use'), join(dir, 'first-use'), { recursive: true });
  return dir;
}
