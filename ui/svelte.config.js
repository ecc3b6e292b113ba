import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  // TypeScript in <script lang="ts">; styles stay plain CSS.
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
  },
};
