import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { build, defineConfig, type InlineConfig, type Plugin, type Rolldown } from 'vite';

// Builds the two files a host page may load, into dist/:
//   widget.js               the loader (src/main.ts), a classic IIFE for <script async>, on every page view
//   widget-chat.<hash>.js   the chat (src/chat/mount-chat.ts), an ES module widget.js imports when needed
//   widget-chat.<language>-<hash>.js   the chat's strings in a language other than English, imported by the chat
// The chat is built first (a nested build) so the loader can be given its hashed name. Styles are .css
// files imported with ?inline: minified strings the element adopts into its shadow root, no CSS file.
// Each file also gets .gz and .br copies, which the api serves to browsers that accept them.

const root = new URL('.', import.meta.url).pathname;
const CHAT_FILE_MODULE = 'virtual:parley-chat-file';

/** What both builds share: Preact, evergreen browsers, minified, no public dir or source maps. */
function sharedConfig(): InlineConfig {
  return {
    root,
    configFile: false,
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false })],
    // Library mode leaves process.env.NODE_ENV for a consumer bundler; a script tag has none.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      // ES2022 keeps class private fields native instead of WeakMap helpers.
      target: 'es2022',
      outDir: 'dist',
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
    },
  };
}

/** Builds the chat chunk (and its language chunks) in memory; the loader build writes them, and knows the chat's name. */
function chatChunk(): Plugin {
  let chunks: Rolldown.OutputChunk[] = [];
  let chatFileName = '';
  return {
    name: 'parley:chat-chunk',
    async buildStart() {
      const shared = sharedConfig();
      const result = await build({
        ...shared,
        logLevel: 'warn',
        build: {
          ...shared.build,
          write: false,
          lib: { entry: 'src/chat/mount-chat.ts', formats: ['es'], fileName: () => 'widget-chat.[hash].js' },
          rolldownOptions: {
            // On-demand chunks (the pre-chat form) import what the chat already holds from the chat itself.
            preserveEntrySignatures: 'allow-extension',
            // Library mode leaves an ES build's whitespace for a consumer bundler; a browser loads this one as is.
            // The language chunks keep the chat's prefix, so the api serves them like the chat.
            // No comments either: the JSX transform's /* @__PURE__ */ marks have done their job by then.
            output: { minify: true, comments: false, chunkFileNames: 'widget-chat.[name]-[hash].js' },
          },
        },
      });
      // One output per format: here one, ES.
      const files = ((Array.isArray(result) ? result[0] : result) as Rolldown.RolldownOutput).output;
      chunks = files.flatMap((file) => (file.type === 'chunk' ? [file] : []));
      const entries = chunks.filter((file) => file.isEntry);
      if (entries.length !== 1 || chunks.length !== files.length) {
        throw new Error('the chat build should make one entry and JavaScript chunks only');
      }
      chatFileName = entries[0]?.fileName ?? '';
    },
    resolveId: (id) => (id === CHAT_FILE_MODULE ? `\0${CHAT_FILE_MODULE}` : null),
    load: (id) => (id === `\0${CHAT_FILE_MODULE}` ? `export const CHAT_FILE = ${JSON.stringify(chatFileName)};` : null),
    generateBundle() {
      for (const { fileName, code } of chunks) this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
}

/** widget.js.gz and widget.js.br beside widget.js (and the same for the chat). */
function precompress(): Plugin {
  return {
    name: 'parley:precompress',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith('.js')) continue;
        const source = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        this.emitFile({ type: 'asset', fileName: `${file.fileName}.gz`, source: gzipSync(source, { level: 9 }) });
        const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        this.emitFile({ type: 'asset', fileName: `${file.fileName}.br`, source: brotli });
      }
    },
  };
}

const shared = sharedConfig();
export default defineConfig({
  ...shared,
  plugins: [...(shared.plugins ?? []), chatChunk(), precompress()],
  build: {
    ...shared.build,
    emptyOutDir: true,
    lib: { entry: 'src/main.ts', name: 'ParleyWidget', formats: ['iife'], fileName: () => 'widget.js' },
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
