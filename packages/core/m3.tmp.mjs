import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const ext = (process.argv[2]||'').split(',').filter(Boolean);
const plugin = { name: 'x', setup(b) { b.onResolve({ filter: /.*/ }, a => ext.some(e => a.path.endsWith(e)) ? { path: a.path, external: true } : undefined) } };
const r = await build({ entryPoints: ['src/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, plugins: [plugin], external: ['./exact.js','./response-check.js', './request.js', './failure.js'] });
const t = r.outputFiles[0].text; console.log(ext.join(',').padEnd(30), t.length, gzipSync(t,{level:9}).length);
