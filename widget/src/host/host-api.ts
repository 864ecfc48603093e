import type { VisitorIdentity } from '@parley/api/protocol';
import type { ParleyCommandName, ParleyEventName, ParleyEvents } from '../../parley.d.ts';
import { mergeAttributes, parseAttributeChanges, parseIdentity } from './identity-options.ts';
import { type InitOptions, parseInitOptions } from './init-options.ts';

/** What the host API drives once init has mounted the widget. */
export interface WidgetHandle {
  open(): void;
  close(): void;
  toggle(): void;
  identify(identity: VisitorIdentity): void;
  /** Replaces the attributes the widget sends with its session calls. */
  setAttributes(attributes: Record<string, string>): void;
  reset(): void;
}

/** How the widget tells the host page's handlers about an event. */
export type EmitHostEvent = <E extends ParleyEventName>(event: E, ...args: Parameters<ParleyEvents[E]>) => void;

export interface HostApiOptions {
  mount(options: InitOptions, emit: EmitHostEvent): WidgetHandle;
  warn(message: string): void;
  /** A host page's event handler threw: the widget carries on. */
  report(error: unknown): void;
}

/** The real window.Parley: Parley(command, ...args). Implements parley.d.ts. */
export type ParleyFunction = ((command: unknown, ...args: unknown[]) => void) & { readonly isParley: true };

type Handler = (...args: unknown[]) => void;

/** Every event of parley.d.ts, no more (the type makes a missing or extra one a compile error). */
const EVENT_NAMES: Record<ParleyEventName, true> = {
  ready: true,
  open: true,
  close: true,
  message: true,
  unread: true,
};

/**
 * Builds window.Parley. Each command validates its arguments and throws an Error with a
 * readable message when misused, so a site owner sees the mistake in the console.
 *
 * identify, setAttributes and reset may come before init (a page may call them in any order): they
 * are remembered and handed to the widget when init mounts it. on/off never need the widget.
 */
export function createHostApi(options: HostApiOptions): ParleyFunction {
  let widget: WidgetHandle | null = null;
  let isReady = false;
  // State set before init, given to the widget when it mounts.
  let pendingReset = false;
  let pendingIdentity: VisitorIdentity | null = null;
  /** The attributes merged from every setAttributes call since the page loaded (or the last reset). */
  let attributes: Record<string, string> | null = null;
  const handlers = new Map<string, Set<Handler>>();

  function requireWidget(command: string): WidgetHandle {
    if (!widget) throw new Error(`Parley: call Parley('init', { siteKey }) before '${command}'`);
    return widget;
  }

  function runHandler(handler: Handler, args: unknown[]): void {
    try {
      handler(...args);
    } catch (error) {
      options.report(error);
    }
  }

  const emit: EmitHostEvent = (event, ...args) => {
    if (event === 'ready') isReady = true;
    for (const handler of [...(handlers.get(event) ?? [])]) runHandler(handler, args);
  };

  function parseSubscription(command: 'on' | 'off', [event, handler]: unknown[]): [ParleyEventName, Handler] {
    const names = Object.keys(EVENT_NAMES).join(', ');
    if (typeof event !== 'string' || !Object.hasOwn(EVENT_NAMES, event)) {
      throw new Error(`Parley: unknown event '${String(event)}' for '${command}'; events are ${names}`);
    }
    if (typeof handler !== 'function') {
      throw new Error(`Parley: '${command}' needs a function, e.g. Parley('${command}', '${event}', handler)`);
    }
    return [event as ParleyEventName, handler as Handler];
  }

  const commands: Record<ParleyCommandName, (args: unknown[]) => void> = {
    init([initOptions]) {
      const parsed = parseInitOptions(initOptions);
      if (widget) {
        options.warn("Parley: 'init' was called more than once; the first call wins and this one is ignored");
        return;
      }
      const mounted = options.mount(parsed, emit);
      widget = mounted;
      if (pendingReset) mounted.reset();
      if (pendingIdentity) mounted.identify(pendingIdentity);
      if (attributes) mounted.setAttributes(attributes);
      pendingIdentity = null;
    },
    open: () => requireWidget('open').open(),
    close: () => requireWidget('close').close(),
    toggle: () => requireWidget('toggle').toggle(),
    identify([identity]) {
      const parsed = parseIdentity(identity);
      if (widget) widget.identify(parsed);
      else pendingIdentity = parsed;
    },
    setAttributes([changes]) {
      attributes = mergeAttributes(attributes ?? {}, parseAttributeChanges(changes));
      widget?.setAttributes(attributes);
    },
    reset() {
      attributes = null;
      if (widget) widget.reset();
      else {
        pendingReset = true;
        pendingIdentity = null;
      }
    },
    on(args) {
      const [event, handler] = parseSubscription('on', args);
      const set = handlers.get(event) ?? new Set<Handler>();
      handlers.set(event, set);
      if (set.has(handler)) return;
      set.add(handler);
      // Whoever listens for ready after it happened hears it at once, so there is no race to lose.
      if (event === 'ready' && isReady) runHandler(handler, []);
    },
    off(args) {
      const [event, handler] = parseSubscription('off', args);
      handlers.get(event)?.delete(handler);
    },
  };

  function parley(command: unknown, ...args: unknown[]): void {
    if (typeof command !== 'string') {
      throw new Error("Parley: the first argument must be a command name, e.g. Parley('open')");
    }
    const run = Object.hasOwn(commands, command) ? commands[command as ParleyCommandName] : undefined;
    if (!run) throw new Error(`Parley: unknown command '${command}'`);
    run(args);
  }

  return Object.assign(parley, { isParley: true as const });
}

/**
 * Runs the calls the snippet's stub queued before widget.js arrived, in order. A bad call is
 * reported and skipped so the rest still run. Calls queued while replaying are run too.
 */
export function replayQueue(
  parley: ParleyFunction,
  queue: ArrayLike<ArrayLike<unknown>>,
  report: (error: unknown) => void,
): void {
  for (let i = 0; i < queue.length; i++) {
    const args = Array.from(queue[i] ?? []);
    try {
      parley(args[0], ...args.slice(1));
    } catch (error) {
      report(error);
    }
  }
}
