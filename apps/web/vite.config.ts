import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The folder of this file, so the build lands in apps/web/dist whichever directory runs it. */
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * Vendor code changes far less often than ours, so it gets its own long-cached chunks: React and
 * the router, antd with its rc-component and icon packages (the biggest), and TanStack Query.
 * Each page is a lazy route chunk of its own.
 */
const vendorGroups = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'vendor-antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 25 },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@babel[\\/]runtime|dayjs|clsx|scroll-into-view-if-needed|compute-scroll-into-view|throttle-debounce|@emotion|stylis)[\\/]/,
    priority: 20,
  },
  { name: 'vendor-query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 15 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  root,
  plugins: [react()],
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
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
