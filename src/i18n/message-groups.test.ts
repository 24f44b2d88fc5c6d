// The messages split between the first screen (the shell) and groups loaded with pages: together
// they are the whole dictionary in each language, and each page asks for every group its code
// (its own files and the shared pieces it uses) takes words from.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enShellMessages, messageGroups, type MessageGroup } from './index';
import { viShell } from './shell.vi';
import { vi } from './vi';
import { en } from './en';

const groupNames = Object.keys(messageGroups) as MessageGroup[];

describe('message groups', () => {
  it('are, with the shell, the whole dictionary in Vietnamese and in English, each key in one place', async () => {
    const viGroups = Object.fromEntries(await Promise.all(groupNames.map(async (name) => [name, await messageGroups[name].vi()])));
    const enGroups = Object.fromEntries(await Promise.all(groupNames.map(async (name) => [name, await messageGroups[name].en()])));
    expect({ ...viShell, ...viGroups }).toEqual(vi);
    expect({ ...(await enShellMessages()), ...enGroups }).toEqual(en);
    for (const name of groupNames) expect(Object.keys(viShell)).not.toContain(name);
  });
});

// What a page's code takes words from, read from its source: a key is written as a literal
// ('intake.person.fullName' or `dossiers.status.${s}`) in the file that shows it. The walk follows
// relative imports through features, shared pieces and the shell, and only the names taken from
// src/shared's index, so a page is charged for the shared pieces it uses, not for all of them.
const namespaces = Object.keys(vi);
const keyLiteral = new RegExp(`['\`](${namespaces.join('|')})\\.[A-Za-z_$]`, 'g');
const walked = ['src/features/', 'src/shared/', 'src/app/'];

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.join(path.dirname(from), spec);
  const file = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => existsSync(f));
  if (!file && existsSync(base) && statSync(base).isFile()) return base;
  return file && walked.some((dir) => file.startsWith(dir)) ? file : undefined;
}

/** Runtime imports and re-exports of a module: where from, and which names (undefined: the whole module). */
function importsOf(source: string): { spec: string; names?: string[] }[] {
  const found: { spec: string; names?: string[] }[] = [];
  for (const m of source.matchAll(/(?:import|export)\s+(?!type\b)([\s\S]*?)\s+from\s+'([^']+)'/g)) {
    const braces = /\{([\s\S]*)\}/.exec(m[1]!);
    const names = braces?.[1]!
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/)[0]!);
    found.push({ spec: m[2]!, ...(braces && !m[1]!.includes('*') ? { names } : {}) });
  }
  for (const m of source.matchAll(/import\s+'([^']+)'/g)) found.push({ spec: m[1]! });
  return found;
}

function usedNamespaces(file: string, seen = new Set<string>(), names?: string[]): Set<string> {
  const used = new Set<string>();
  const source = readFileSync(file, 'utf8');
  // A barrel (src/shared/index.ts): follow only the re-exports of the names asked for.
  const barrel = file.endsWith('index.ts') && /^export .* from '/m.test(source) && !/^export (const|function|class)/m.test(source);
  if (!barrel) {
    if (seen.has(file)) return used;
    seen.add(file);
    for (const m of source.matchAll(keyLiteral)) used.add(m[1]!);
  }
  for (const { spec, names: taken } of importsOf(source)) {
    if (barrel && names && taken && !taken.some((n) => names.includes(n))) continue;
    const target = resolve(file, spec);
    if (!target || target.startsWith('src/app/')) continue;
    usedNamespaces(target, seen, taken).forEach((n) => used.add(n));
  }
  return used;
}

describe('each page asks for the messages its code shows', () => {
  const routes = readFileSync('src/app/routes.ts', 'utf8');
  const declared = [...routes.matchAll(/area\(\s*'([^']+)',\s*'[^']+',\s*\[([^\]]*)\],\s*async \(\) => \(await import\('\.\.\/features\/([^']+)'\)\)/g)];

  it('reads every area from routes.ts', () => {
    expect(declared.map((d) => d[1])).toEqual([
      '/nop-ho-so',
      '/ho-so-da-nop',
      '/tra-cuu',
      '/tiep-nhan',
      '/ho-so',
      '/dong-bo',
      '/bao-cao',
      '/so-hoa',
      '/cai-dat',
    ]);
  });

  it.each(declared.map((d) => [d[1]!, d[3]!, d[2]!]))('%s (src/features/%s)', (_path, feature, list) => {
    const groups = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    const shell = Object.keys(viShell);
    const entry = `src/features/${feature}/index.ts`;
    const missing = [...usedNamespaces(entry)].filter((n) => !shell.includes(n) && !groups.includes(n));
    expect(missing, `${entry} shows words of groups its route does not load`).toEqual([]);
  });

  it('keeps the shell on its own messages: nothing the first screen shows waits for a group', () => {
    const shell = Object.keys(viShell);
    const files = readdirSync('src/app').filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
    const outside = files.flatMap((f) => [...usedNamespaces(`src/app/${f}`)].filter((n) => !shell.includes(n)).map((n) => `${f}: ${n}`));
    expect(outside).toEqual([]);
  });
});
