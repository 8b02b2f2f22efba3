import { defineConfig } from 'vite';

// Everything (polkadot.js, its WASM-as-JS crypto, cytoscape) is bundled into dist/: the
// explorer needs no network besides the node's WebSocket.
export default defineConfig({
	base: './',
	build: {
		target: 'es2022',
		outDir: 'dist',
		emptyOutDir: true,
		chunkSizeWarningLimit: 4096,
		sourcemap: false,
		rollupOptions: {
			// polkadot.js' /*#__PURE__*/ comments in x-global sit where rollup cannot use them.
			onwarn(warning, warn) {
				if (warning.code === 'INVALID_ANNOTATION') return;
				warn(warning);
			},
		},
	},
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1' },
});
