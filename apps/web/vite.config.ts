import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The folder of this file, so the build lands in apps/web/dist whichever directory runs it. */
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * React and the router change far less often than our code, so they get a long-cached chunk of
 * their own, as does TanStack Query. antd is NOT one vendor chunk: as one, the login page had to
 * load the whole library (334 KB gzip). Left to the bundler, each antd component lands in the chunk
 * of the routes that use it, so a page loads only the components it shows; `npm run bench` prints
 * the bytes per route.
 */
const vendorGroups = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'vendor-query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 15 },
];

/**
 * antd's form/context.js imports rc-form's index for FormProvider alone. That index assigns
 * statics when it loads, so the bundler must keep all of rc-form and its validator (~13 KB gzip)
 * wherever form/context goes, and Menu, Dropdown and Tooltip reach it (through ContextIsolator):
 * the home page carried the form engine. This sends that one import to the module defining
 * FormProvider, the very module the index re-exports, so there is still one context.
 */
function rcFormProviderDirect(): Plugin {
  return {
    name: 'ocop:rc-form-provider-direct',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@rc-component/form' || !importer || !/[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/.test(importer)) return null;
      return this.resolve('@rc-component/form/es/FormContext.js', importer, { skipSelf: true });
    },
  };
}

export default defineConfig({
  root,
  plugins: [rcFormProviderDirect(), react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Read by bench/web-bundle.bench.ts to add up the JavaScript each route needs.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
