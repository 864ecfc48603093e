// A burst of new conversations through the whole api (sockets, commits, routing after commit, queue
// broadcasts): N visitors send their first message at the same moment; how long until every one is
// assigned, and how long the last visitor heard nothing. Real sockets and a real database, in process.
//
//   PARLEY_TEST_DB=postgres node --import tsx scripts/bench-routing-burst.ts [N=100] [runs=3]
//   node --import tsx scripts/bench-routing-burst.ts          # PGlite
//
// Ten agents with capacity 10 are online, so all N ≤ 100 can be assigned: the time is the system's.
// Bounded: each run gives up after 120 s.
import { performance } from 'node:perf_hooks';
import { connectVisitorWith, createTeam, setCapacity, waitForAssigned } from '../api/src/testing/routing-helpers.ts';
import { startTestServer } from '../api/src/testing/test-server.ts';

const count = Number(process.argv[2] ?? 100);
const runs = Number(process.argv[3] ?? 3);
const AGENTS = 10;

const server = await startTestServer();
const durations: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const names = Array.from({ length: AGENTS }, (_, i) => `Agent ${i}`);
    const { workspaceId, inbox, agents } = await createTeam(server, names);
    for (const agent of agents) await setCapacity(server, workspaceId, agent, 10);
    await Promise.all(agents.map((agent) => server.connectAgent(agent)));
    const visitors = await Promise.all(Array.from({ length: count }, () => connectVisitorWith(server, inbox.siteKey)));
    const started = performance.now();
    const sent = await Promise.all(visitors.map(({ socket }, i) => socket.sendAcked({ body: `burst ${i}` })));
    await Promise.all(visitors.map(({ socket }, i) => waitForAssigned(socket, sent[i]!.conversationId, 120_000)));
    durations.push(performance.now() - started);
    for (const { socket } of visitors) socket.close();
  }
} finally {
  await server.close();
}
durations.sort((a, b) => a - b);
const median = durations[Math.floor(durations.length / 2)]!;
console.log(
  `${count} first messages at once → all assigned: median ${median.toFixed(0)} ms over ${runs} runs (${durations.map((d) => d.toFixed(0)).join(', ')}) on ${process.env.PARLEY_TEST_DB === 'postgres' ? 'Postgres' : 'PGlite'}`,
);
