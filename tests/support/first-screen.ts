// What the first screen downloads, read from Vite's build manifest: the entry, the chunks it
// imports statically, and the home page's chunk (Tra cứu thủ tục) with its Vietnamese messages
// (they load with the page, src/app/routes.ts), each gzip-compressed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

export interface FirstScreenBytes {
  files: { file: string; gzip: number }[];
  jsGzip: number;
  cssGzip: number;
}

export const homeRouteModule = 'src/features/catalogue/index.ts';
/** The messages the home page loads with its code (its groups in src/app/routes.ts), in Vietnamese. */
export const homeMessageModules = ['src/i18n/catalogue.vi.ts'];

export function firstScreenBytes(distDir = 'dist'): FirstScreenBytes {
  const manifestPath = path.join(distDir, '.vite', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  visit('index.html');
  visit(homeRouteModule);
  homeMessageModules.forEach(visit);
  const sized = [...files].map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(distDir, file))).length }));
  const sum = (ext: string) => sized.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f.gzip, 0);
  return { files: sized, jsGzip: sum('.js'), cssGzip: sum('.css') };
}
