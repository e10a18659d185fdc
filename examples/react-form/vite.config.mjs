// Builds the example against the package in pkg/ as a user's app would import it
// ('channel-rules'), with Vite's current major version and its default build target.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  resolve: { alias: { 'channel-rules': here('../../pkg/index.js') } },
  build: { outDir: here('../../target/react-form'), emptyOutDir: true },
  logLevel: 'warn',
});
