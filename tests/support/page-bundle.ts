// Bundles a module of the app's own code (its database and intake paths) into one script that a
// test or bench injects into a page, so generated data goes through exactly what the app runs.
import path from 'node:path';
import { build } from 'vite';

/** The IIFE bundle of `entry` (a path from the project root), exposing its exports as `globalName`. */
export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      lib: { entry: path.resolve(entry), name: globalName, formats: ['iife'], fileName: path.basename(entry, '.ts') },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs[0]!.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error(`could not bundle ${entry} for the page`);
  return chunk.code;
}
