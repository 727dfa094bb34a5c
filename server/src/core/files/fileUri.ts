import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A file name that a file URL spells as it is: nothing to escape. */
const PLAIN_NAME = /^[A-Za-z0-9._-]+$/;
const MAX_FOLDERS = 1000;
const folderUris = new Map<string, string>();

/**
 * The `file:` URI of an absolute path, as pathToFileURL gives it. A report names thousands of files
 * in a few folders: each folder's URI is made once, and a plain file name is appended to it.
 */
export function fileUri(path: string): string {
  const name = basename(path);
  if (!PLAIN_NAME.test(name) || name === '.' || name === '..') return pathToFileURL(path).href;
  const folder = dirname(path);
  let uri = folderUris.get(folder);
  if (uri === undefined) {
    if (folderUris.size >= MAX_FOLDERS) folderUris.clear();
    uri = pathToFileURL(folder).href;
    if (!uri.endsWith('/')) uri += '/';
    folderUris.set(folder, uri);
  }
  return uri + name;
}
