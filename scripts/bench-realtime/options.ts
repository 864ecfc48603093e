/** The command line of `pnpm bench:realtime` (every default is the scenario). */
import { LIMITS } from '../../api/src/protocol/constants.ts';

export interface Options {
  usePglite: boolean;
  scenarios: Set<'a' | 'b' | 'c'>;
  visitors: number;
  agents: number;
  rate: number;
  durationS: number;
  replyRate: number;
  rampRates: number[];
  rampStepS: number;
  rampVisitors: number;
  rampP99Ms: number;
  idle: number;
  idleHoldS: number;
  idleBatch: number;
  drainS: number;
  maxUnacked: number;
  bodyChars: number;
  cpuProfileDir?: string;
  timeLimitS: number;
}

export const HELP = `Real-time load benchmark (issue 6): Parley's api as a child process, a load generator in another,
and a bare ws relay as the baseline, measured in the same run.

  pnpm bench:realtime [flags]            # a scratch database on the Postgres at TEST_DATABASE_URL
                                         # (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end
  pnpm bench:realtime --pglite [flags]   # the api's embedded PGlite in a temporary folder, removed at the end

Scenarios (--scenarios a,b,c; default all; they run in the order c, b, a: (a) overloads the api on purpose):
  a  --visitors 1000 --agents 50 --rate 1000 (visitor msg/s, all together) --duration 10 (s)
  b  a ramp of --ramp 100,250,500,1000,1500,2500,5000,10000,20000,40000 msg/s (at most 10 steps),
     --ramp-step 5 s each, with --visitors, more (up to --ramp-visitors 5000) once a step needs them
     (≤ 8 msg/s per visitor);
     Parley stops at the first step whose worst p99 ≥ --ramp-p99 100 ms or that has errors, the relay
     goes on until it fails too: the sustained rates of both, and their ratio
  c  --idle 10000 idle visitor connections, opened --idle-batch 200 at a time, held --idle-hold 10 s:
     server RSS per connection

Other flags:
  --reply-rate 5     replies per agent per second (the api allows 10 frames/s per socket)
  --drain 15         seconds to wait after a step's last send for the acks and deliveries still due
  --max-unacked 3    a visitor with this many messages unacked skips its turn (an error: generator/backlog),
                     so an overloaded server's backlog stays bounded and does not spill into the next step
  --body-chars N     message bodies of N characters (≤ 4980) instead of an ordinary ~100-character chat line
  --cpu-prof <dir>   run the api with node --cpu-prof, the profile written into <dir> when it exits
                     (summarize it with: node --import tsx scripts/bench-realtime/summarize-profile.ts <file>)
  --time-limit 480   hard limit of the whole run in seconds; every process started is stopped after it
  --help
`;

/** What a message body may hold besides the timestamp in front of it (up to 20 characters). */
const MAX_BODY_CHARS = LIMITS.messageMaxLength - 20;

export function parseOptions(argv: readonly string[]): Options | 'help' {
  const options: Options = {
    usePglite: false,
    scenarios: new Set(['a', 'b', 'c']),
    visitors: 1000,
    agents: 50,
    rate: 1000,
    durationS: 10,
    replyRate: 5,
    rampRates: [100, 250, 500, 1000, 1500, 2500, 5000, 10_000, 20_000, 40_000],
    rampStepS: 5,
    rampVisitors: 5000,
    rampP99Ms: 100,
    idle: 10_000,
    idleHoldS: 10,
    idleBatch: 200,
    drainS: 15,
    maxUnacked: 3,
    bodyChars: 0,
    timeLimitS: 480,
  };
  const numeric: Record<string, keyof Options> = {
    '--visitors': 'visitors',
    '--agents': 'agents',
    '--rate': 'rate',
    '--duration': 'durationS',
    '--reply-rate': 'replyRate',
    '--ramp-step': 'rampStepS',
    '--ramp-visitors': 'rampVisitors',
    '--ramp-p99': 'rampP99Ms',
    '--idle': 'idle',
    '--idle-hold': 'idleHoldS',
    '--idle-batch': 'idleBatch',
    '--drain': 'drainS',
    '--max-unacked': 'maxUnacked',
    '--body-chars': 'bodyChars',
    '--time-limit': 'timeLimitS',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--pglite') options.usePglite = true;
    else if (flag === '--scenarios') {
      const list = value().split(',');
      if (list.some((s) => !['a', 'b', 'c'].includes(s))) throw new Error('--scenarios takes a list of a, b, c');
      options.scenarios = new Set(list as Array<'a' | 'b' | 'c'>);
    } else if (flag === '--ramp') options.rampRates = value().split(',').map(positive(flag));
    else if (flag === '--cpu-prof') options.cpuProfileDir = value();
    else if (flag in numeric) (options as any)[numeric[flag]!] = positive(flag)(value());
    else throw new Error(`unknown flag ${flag} (see --help)`);
  }
  if (options.rampRates.length > 10) throw new Error('--ramp: at most 10 steps');
  if (options.bodyChars > MAX_BODY_CHARS) throw new Error(`--body-chars: at most ${MAX_BODY_CHARS}`);
  return options;
}

function positive(flag: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag}: ${text} is not a positive number`);
    return n;
  };
}
