#!/usr/bin/env node
// Serves the built explorer (dist/) on 127.0.0.1: a static file server without
// dependencies. Usage: node serve.js [--port 8090] [--host 127.0.0.1] [--dir dist] [--ws URL]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
	'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
	'.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm', '.ico': 'image/x-icon',
};

/** Starts a server for `dir` (and `files`: extra paths served from memory, e.g.
 * `{ '/chain-spec.json': text }`); resolves to { server, port, url }. Port 0 picks a free one. */
export function serveDist({ dir, host = '127.0.0.1', port = 0, files = {} } = {}) {
	const root = resolve(dir ?? join(fileURLToPath(new URL('.', import.meta.url)), 'dist'));
	const server = createServer(async (req, res) => {
		try {
			const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
			if (Object.hasOwn(files, path)) {
				res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
				res.end(files[path]);
				return;
			}
			let file = normalize(join(root, path));
			if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
			if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
			const body = await readFile(file);
			res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
			res.end(body);
		} catch {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		}
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => {
			const { port: p } = server.address();
			ok({ server, port: p, url: `http://${host}:${p}/` });
		});
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
	const ws = opt('ws', 'ws://127.0.0.1:9944');
	const { url } = await serveDist({ dir: opt('dir'), host: opt('host', '127.0.0.1'), port: Number(opt('port', 8090)) });
	console.log(`BlockFUL explorer: ${url}?ws=${encodeURIComponent(ws)}`);
	console.log('(Ctrl-C stops it)');
}
