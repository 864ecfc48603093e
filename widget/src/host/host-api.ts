import { type InitOptions, parseInitOptions } from './init-options.ts';

/** What the host API drives once init has mounted the widget. */
export interface WidgetHandle {
  open(): void;
  close(): void;
  toggle(): void;
}

export interface HostApiOptions {
  mount(options: InitOptions): WidgetHandle;
  warn(message: string): void;
}

/** The real window.Parley: Parley(command, ...args). */
export type ParleyFunction = ((command: unknown, ...args: unknown[]) => void) & { readonly isParley: true };

/**
 * Builds window.Parley. Each command validates its arguments and throws an Error with a
 * readable message when misused, so a site owner sees the mistake in the console.
 */
export function createHostApi(options: HostApiOptions): ParleyFunction {
  let widget: WidgetHandle | null = null;

  function requireWidget(command: string): WidgetHandle {
    if (!widget) throw new Error(`Parley: call Parley('init', { siteKey }) before '${command}'`);
    return widget;
  }

  const commands: Record<string, (args: unknown[]) => void> = {
    init([initOptions]) {
      const parsed = parseInitOptions(initOptions);
      if (widget) {
        options.warn("Parley: 'init' was called more than once; the first call wins and this one is ignored");
        return;
      }
      widget = options.mount(parsed);
    },
    open: () => requireWidget('open').open(),
    close: () => requireWidget('close').close(),
    toggle: () => requireWidget('toggle').toggle(),
    // identify, reset, setAttributes, on and off come here with issue #3.
  };

  function parley(command: unknown, ...args: unknown[]): void {
    if (typeof command !== 'string') {
      throw new Error("Parley: the first argument must be a command name, e.g. Parley('open')");
    }
    const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
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
