import { type ChildProcess, spawn } from 'node:child_process';
import { projectRoot } from './config.ts';

/**
 * Development mode: the API restarts on change (tsx watch) and the web app is served by Vite with hot
 * reload, proxying /api to the API. Open the address Vite prints.
 */
const apiPort = process.env.API_PORT ?? '3001';
const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'api/src/main.ts'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort },
  }),
  spawn('npx', ['vite', '--config', 'web/vite.config.ts'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, API_PORT: apiPort },
  }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
