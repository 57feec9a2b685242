import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT } from './workspace.js';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
}

export interface ProfileSummary {
  durationMs: number;
  /** Self time in the product's own code (src/). */
  projectMs: number;
  byPackage: ProfileEntry[];
  byFunction: ProfileEntry[];
}

/** Where a frame's code lives: an npm package, a project folder, Node itself, or V8 bookkeeping. */
function owner(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node: internals';
  const file = url.replace(/^file:\/\//, '');
  if (file.startsWith(PROJECT)) return path.relative(PROJECT, file).split('/').slice(0, 2).join('/');
  return url;
}

function top(totals: Map<string, number>, count: number): ProfileEntry[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, selfMs: Math.round(us / 100) / 10 }));
}

/** Self time per package and per function from the first `.cpuprofile` in `dir` (node --cpu-prof). */
export async function summarizeCpuProfile(dir: string, count = 10): Promise<ProfileSummary> {
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const us = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = owner(url, functionName);
    packages.set(where, (packages.get(where) ?? 0) + us);
    const fn = url === '' ? functionName : `${functionName || '(anonymous)'} (${where}:${lineNumber + 1})`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  });
  const projectUs = [...packages.entries()].filter(([name]) => name.startsWith('src/')).reduce((sum, [, us]) => sum + us, 0);
  return {
    durationMs: Math.round((profile.endTime - profile.startTime) / 1000),
    projectMs: Math.round(projectUs / 1000),
    byPackage: top(packages, count),
    byFunction: top(functions, count),
  };
}
