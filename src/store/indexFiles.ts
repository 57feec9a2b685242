import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IndexError, validateManifest, type FileEntry, type Manifest } from './manifest.js';

/**
 * An index folder holds complete builds side by side and a CURRENT file naming the one to serve:
 *   index/CURRENT, index/builds/<name>/{manifest.json, …}
 * A build is written under a temporary name and renamed when complete; CURRENT is replaced by an
 * atomic rename. A crash at any moment leaves CURRENT naming a complete build.
 */
const CURRENT = 'CURRENT';
const BUILDS = 'builds';
const MANIFEST = 'manifest.json';
const PARTIAL = '.partial';

export class IndexMissingError extends IndexError {}

async function fileEntry(file: string): Promise<FileEntry> {
  const bytes = await readFile(file);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function currentBuildDir(indexDir: string): Promise<string> {
  let name: string;
  try {
    name = (await readFile(path.join(indexDir, CURRENT), 'utf8')).trim();
  } catch {
    throw new IndexMissingError(`No index in ${indexDir} yet. Run "npm run ingest" to build it.`);
  }
  if (!/^[\w.-]+$/.test(name)) throw new IndexError(`${path.join(indexDir, CURRENT)} is damaged. Run "npm run ingest" to rebuild the index.`);
  return path.join(indexDir, BUILDS, name);
}

/** Reads the current build's manifest and checks every file it lists, byte for byte. */
export async function openBuild(indexDir: string): Promise<{ dir: string; manifest: Manifest }> {
  const dir = await currentBuildDir(indexDir);
  let raw: string;
  try {
    raw = await readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    throw new IndexError(`The index in ${indexDir} has no manifest. Run "npm run ingest" to rebuild it.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new IndexError(`The index manifest in ${dir} is damaged. Run "npm run ingest" to rebuild the index.`);
  }
  const manifest = validateManifest(parsed, `The index in ${indexDir}`);
  for (const [name, expected] of Object.entries(manifest.files)) {
    const actual = await fileEntry(path.join(dir, name)).catch(() => undefined);
    if (!actual || actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      throw new IndexError(`The index file ${name} is missing or damaged. Run "npm run ingest" to rebuild the index.`);
    }
  }
  return { dir, manifest };
}

/** A fresh folder to write a build into; nothing reads it until `publishBuild`. */
export async function startBuild(indexDir: string): Promise<string> {
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const dir = path.join(indexDir, BUILDS, name + PARTIAL);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Records the files' hashes in the manifest, renames the build into place and points CURRENT at it. */
export async function publishBuild(indexDir: string, partialDir: string, manifest: Omit<Manifest, 'files'>): Promise<Manifest> {
  const files: Record<string, FileEntry> = {};
  for (const name of (await readdir(partialDir)).sort()) files[name] = await fileEntry(path.join(partialDir, name));
  const complete: Manifest = { ...manifest, files };
  await writeFile(path.join(partialDir, MANIFEST), JSON.stringify(complete, null, 2));
  const finalDir = partialDir.slice(0, -PARTIAL.length);
  await rename(partialDir, finalDir);
  const pointer = path.join(indexDir, `${CURRENT}.${randomBytes(3).toString('hex')}.tmp`);
  await writeFile(pointer, path.basename(finalDir) + '\n');
  await rename(pointer, path.join(indexDir, CURRENT));
  return complete;
}

const ABANDONED_AFTER_MS = 60 * 60 * 1000;

async function isStale(dir: string, keep: string): Promise<boolean> {
  if (dir === keep) return false;
  if (!dir.endsWith(PARTIAL)) return true;
  // Another ingest may still be writing this one; only a long-untouched partial build is abandoned.
  const info = await stat(dir).catch(() => undefined);
  return !!info && Date.now() - info.mtimeMs > ABANDONED_AFTER_MS;
}

/** Removes builds other than the current one (and abandoned partial ones). */
export async function removeStaleBuilds(indexDir: string, keep: string): Promise<void> {
  const buildsDir = path.join(indexDir, BUILDS);
  const dirs = (await readdir(buildsDir).catch(() => [] as string[])).map((n) => path.join(buildsDir, n));
  for (const dir of dirs) if (await isStale(dir, keep)) await rm(dir, { recursive: true, force: true });
  const leftovers = (await readdir(indexDir).catch(() => [] as string[])).filter((n) => n.startsWith(`${CURRENT}.`) && n.endsWith('.tmp'));
  await Promise.all(leftovers.map((n) => rm(path.join(indexDir, n), { force: true })));
}
