/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`, see main.ts --cpu-prof): the functions with the most
 * self time, self time by area (a package, a folder of the api, Node's internals, GC), and the api's own
 * functions by total (inclusive) time.
 *
 *   node --import tsx scripts/bench-realtime/summarize-profile.ts <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const root = resolve(import.meta.dirname, '../..');

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  return path.startsWith(root) ? path.slice(root.length + 1) : path;
}

/** Which part of the system a frame belongs to: a package, a folder of the api, Node itself, V8. */
function areaOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName.startsWith('(')) return functionName; // (garbage collector), (program), (idle)
    return '(native / V8 builtins)';
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  if (url.startsWith('wasm://')) return '@electric-sql/pglite (wasm)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = path.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const local = path.startsWith(root) ? path.slice(root.length + 1) : path;
  const parts = local.split('/');
  return parts.length > 3 ? parts.slice(0, 3).join('/') : local;
}

function keyOf(frame: ProfileNode['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : name;
}

/**
 * `windows`: only the samples taken within these spans of CLOCK_MONOTONIC, in µs (process.hrtime.bigint() / 1000n
 * in another process of the same machine; V8 stamps its samples with the same clock).
 */
export function summarizeProfile(file: string, top = 25, windows?: ReadonlyArray<readonly [number, number]>): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (windows && !windows.some(([from, to]) => at >= from && at <= to)) continue;
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }
  const totalUs = windows
    ? windows.reduce(
        (sum, [from, to]) => sum + Math.max(0, Math.min(to, profile.endTime) - Math.max(from, profile.startTime)),
        0,
      )
    : profile.endTime - profile.startTime;
  let idleUs = 0;
  const selfByFunction = new Map<string, number>();
  const selfByArea = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    selfByFunction.set(keyOf(frame), (selfByFunction.get(keyOf(frame)) ?? 0) + us);
    selfByArea.set(areaOf(frame), (selfByArea.get(areaOf(frame)) ?? 0) + us);
  }
  const busyUs = [...selfByArea.values()].reduce((sum, us) => sum + us, 0);

  // Inclusive time of the api's own functions (each function once per stack, so recursion is not counted twice).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!frame.url.includes('/api/src/') || frame.url.includes('/node_modules/')) continue;
      const key = keyOf(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }

  const pct = (us: number) => `${((us / busyUs) * 100).toFixed(1).padStart(5)}%`;
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const print = (title: string, entries: Map<string, number>, count: number) => {
    console.log(`\n${title}`);
    for (const [key, us] of [...entries].sort((x, y) => y[1] - x[1]).slice(0, count))
      console.log(`${ms(us)} ${pct(us)}  ${key}`);
  };
  console.log(
    `${(totalUs / 1e6).toFixed(1)} s profiled${windows ? ` (${windows.length} window(s) of the run)` : ''}, ` +
      `${(busyUs / 1e6).toFixed(1)} s busy ` +
      `(${((busyUs / totalUs) * 100).toFixed(0)}%), ${(idleUs / 1e6).toFixed(1)} s idle; shares are of the busy time`,
  );
  print('Self time by area', selfByArea, 20);
  print(`Top ${top} functions by self time`, selfByFunction, top);
  print("The api's own functions by total time (self + callees)", inclusive, 20);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [file, top] = process.argv.slice(2);
  if (!file || file === '--help') {
    console.log('usage: node --import tsx scripts/bench-realtime/summarize-profile.ts <file.cpuprofile> [top=25]');
    process.exit(file ? 0 : 2);
  }
  summarizeProfile(file, top ? Number(top) : 25);
}
