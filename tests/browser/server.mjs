// A small static file server for the built site, mounted under a sub-path
// (the path of the catalogue's baseurl), the way the site is published. It
// answers like an ordinary web host: a folder gives its index.html, a folder
// without its trailing slash is redirected, anything else that is missing
// gives 404.html with status 404.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

async function fileAt(p) {
  try {
    return await stat(p);
  } catch {
    return null;
  }
}

// serve starts the server on 127.0.0.1 at a free port and resolves to
// { origin, base, close }, where base is the site's address (origin + prefix).
export async function serve(root, prefix) {
  root = path.resolve(root);
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`prefix must start and end with "/": ${prefix}`);
  }

  const send = (res, status, file, method) => {
    res.writeHead(status, {
      'Content-Type': types[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    if (method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };
  const notFound = (res, method) => send(res, 404, path.join(root, '404.html'), method);

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        return res.end();
      }
      const url = new URL(req.url, 'http://localhost');
      const pathname = decodeURIComponent(url.pathname);
      if (pathname + '/' === prefix) {
        res.writeHead(301, { Location: prefix + url.search });
        return res.end();
      }
      if (!pathname.startsWith(prefix) || pathname.includes('\0')) {
        return notFound(res, req.method);
      }
      let file = path.join(root, pathname.slice(prefix.length));
      if (file !== root && !file.startsWith(root + path.sep)) {
        return notFound(res, req.method);
      }
      let st = await fileAt(file);
      if (st && st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: url.pathname + '/' + url.search });
          return res.end();
        }
        file = path.join(file, 'index.html');
        st = await fileAt(file);
      }
      if (!st || !st.isFile()) return notFound(res, req.method);
      send(res, 200, file, req.method);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base: origin + prefix,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
