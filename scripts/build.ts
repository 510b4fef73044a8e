import { join } from 'node:path';
import { buildFunctions } from './buildFunctions';
import { buildPreview } from '../preview/build';

/**
 * `npm run build`: every cloud function into its deployable `index.js`, then the browser preview
 * of the mini program. The mini program itself needs no build: WeChat DevTools compiles its
 * TypeScript (useCompilerPlugins).
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const fns = await buildFunctions(root);
  console.log(
    `built ${fns.length} cloud function(s): ${fns.map((f) => `${f.name} ${kb(f.bytes)}`).join(', ')}`,
  );
  const r = await buildPreview({
    miniprogramDir: join(root, 'miniprogram'),
    outDir: join(root, '.tongti', 'preview'),
  });
  console.log(`built the preview: ${r.files} files, ${kb(r.bytes)} in ${r.ms} ms`);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
