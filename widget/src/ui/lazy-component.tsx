import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is a chunk fetched the first time it renders (widget-chat.<name>-<hash>.js,
 * outside the chat's size budget); it renders nothing until then, and a failed fetch is tried again on
 * the next render.
 */
export function lazyComponent<Props extends object>(
  load: () => Promise<FunctionComponent<Props>>,
): FunctionComponent<Props> {
  let loading: Promise<FunctionComponent<Props>> | undefined;
  let Loaded: FunctionComponent<Props> | undefined;
  return function LazyComponent(props: Props) {
    const [, setIsLoaded] = useState(false);
    useEffect(() => {
      if (Loaded) return;
      loading ??= load();
      loading.then(
        (component) => {
          Loaded = component;
          setIsLoaded(true);
        },
        () => {
          loading = undefined;
        },
      );
    }, []);
    return Loaded ? <Loaded {...props} /> : null;
  };
}
