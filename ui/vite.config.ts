/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * nhsuk-frontend's compiled CSS asks for the Frutiger web font from assets.nhs.uk and for its
 * icons at `/assets/images/`. The app works offline under a strict CSP, so the font-face rules
 * are dropped (a local font stack takes their place) and the icon URLs are pointed at the
 * package's own files, which Vite then bundles.
 */
function nhsukOffline(): Plugin {
  return {
    name: 'nhsuk-offline',
    enforce: 'pre',
    transform(code, id) {
      if (!/nhsuk-frontend[\\/].*\.css(\?|$)/.test(id)) return null;
      const css = code
        .replace(/@font-face\s*\{[^}]*\}/g, '')
        .replace(/Frutiger W01\s*,\s*/g, '')
        .replace(/url\((["']?)\/assets\/images\//g, 'url($1./assets/images/')
        // `@media screen\0` is a hack aimed at Internet Explorer; WebKit never matches it.
        // Spelt as a query that never matches, the minifier stops warning about it.
        .replace(/@media screen\\0 and/g, '@media not all and');
      return { code: css, map: null };
    },
  };
}

export default defineConfig({
  plugins: [nhsukOffline(), svelte()],
  base: './',
  // Tauri serves the built files; a fixed port keeps `vite dev` predictable if anyone uses it.
  server: { port: 5173, strictPort: true },
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is an inline script; the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    // Keep fonts and icons as files rather than data: URIs, so nothing depends on the CSP's
    // data: allowance.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
