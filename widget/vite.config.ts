import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * Minifies the CSS inside `css` tagged templates of src/element/styles.ts (Lit keeps template
 * text as written). Only collapses whitespace and comments; our CSS has no whitespace-sensitive
 * strings.
 */
function minifyWidgetCss(): Plugin {
  return {
    name: 'parley:minify-widget-css',
    transform(code, id) {
      if (!id.endsWith('/src/element/styles.ts')) return null;
      return code.replace(/css`([^`]*)`/g, (_match, text: string) => {
        const minified = text
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${minified}\``;
      });
    },
  };
}

// Builds src/main.ts into one self-contained IIFE, dist/widget.js, that host pages load
// with a plain <script async>. Styles live in the shadow root (Lit `css`), so no CSS file.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [minifyWidgetCss(), preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false })],
  define: {
    // Library mode leaves process.env.NODE_ENV for a consumer bundler; a script tag has none.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    // Evergreen browsers; ES2022 keeps class private fields native instead of WeakMap helpers.
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    cssCodeSplit: false,
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/main.ts',
      name: 'ParleyWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false },
      treeshake: {
        // The element extends Lit's ReactiveElement and never renders lit-html templates. The `lit`
        // entry imports lit-html and lit-element for their side effects (version bookkeeping);
        // declaring them pure lets the unused template engine drop out of the bundle.
        moduleSideEffects: [
          { test: /[\\/]node_modules[\\/](\.pnpm[\\/])?(lit-html|lit-element|lit)[@\\/]/, sideEffects: false },
        ],
      },
    },
  },
});
