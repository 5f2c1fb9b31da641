import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

const mode = process.argv[2];
const dir = process.argv[3];
const dur = Number(process.argv[4] ?? 5);
const port = 4000 + Math.floor(Math.random() * 1000);
const url = `http://127.0.0.1:${port}`;
const args = dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
const child = spawn(process.execPath, [...args, 'dist/bundle/main.mjs'], {
  env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_REQUESTS: String(mode === 'on') },
  stdio: 'ignore',
});
for (let i = 0; i < 200; i++) {
  if (
    await fetch(`${url}/health/readiness`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await sleep(50);
}
for (let i = 0; i < 20; i++)
  await fetch(`${url}/api/tasks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: `t${i}`, status: i % 2 ? 'done' : 'todo' }),
  });
const r = await autocannon({ url: `${url}/api/tasks?status=todo&limit=5`, connections: 16, duration: dur });
console.log(mode, Math.round(r.requests.average), 'req/s');
child.kill('SIGTERM');
await once(child, 'exit');
