/**
 * npm start: the local workbench on http://127.0.0.1:8080/ (PORT to change it; 0 = any free port).
 * The emulated spreadsheet with the add-on menu, the real dist/Sidebar.html, and the emulated Google
 * (demo organisation example.com, you are admin@example.com). Ctrl+C stops it.
 * DIST_DIR serves another build (default dist/).
 */
import { resolve } from 'node:path';
import { startWorkbench } from '../emulator/workbench/server';

const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

startWorkbench({ port, distDir: resolve(process.env.DIST_DIR ?? 'dist') }).then(
  (workbench) => {
    console.log(`Chat Roster workbench: ${workbench.url}`);
    console.log('Open it in a browser: Extensions › Chat Roster › Open Chat Roster. Ctrl+C to stop.');
    const stop = () => { workbench.close().finally(() => process.exit(0)); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: try PORT=8081 npm start` : `Workbench failed to start: ${error.message}`);
    process.exit(1);
  },
);
