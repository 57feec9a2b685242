import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Static value imports and re-exports; `import type` and dynamic `import()` load nothing at start-up. */
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The npm packages a TypeScript entry point loads at start-up, following its relative imports, in
 * the order they are first reached: [package, ...the specifiers the project imports it by].
 */
export async function packagesLoadedBy(entry: string): Promise<[string, ...string[]][]> {
  const packages = new Map<string, Set<string>>();
  const visited = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (visited.has(file)) return;
    visited.add(file);
    const source = await readFile(file, 'utf8');
    for (const [, specifier] of source.matchAll(IMPORT)) {
      if (specifier!.startsWith('.')) {
        await visit(path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.ts')));
      } else if (!specifier!.startsWith('node:')) {
        const name = packageName(specifier!);
        packages.set(name, (packages.get(name) ?? new Set()).add(specifier!));
      }
    }
  };
  await visit(entry);
  return [...packages].map(([name, specifiers]) => [name, ...specifiers]);
}
