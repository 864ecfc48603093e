import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type * as Views from './attachment-views.tsx';

type AttachmentViews = typeof Views;
let loading: Promise<AttachmentViews> | undefined;

/**
 * A view of the on-demand chunk widget-chat.attachment-views-<hash>.js (uploads with progress, thumbnails,
 * file cards), loaded the first time a file is picked or a message with files is shown.
 */
export function LazyAttachments<K extends keyof AttachmentViews>({
  view,
  props,
}: {
  view: K;
  props: Parameters<AttachmentViews[K]>[0];
}) {
  const [views, setViews] = useState<AttachmentViews | null>(null);
  useEffect(() => {
    loading ??= import('./attachment-views.tsx');
    loading.then(setViews, () => (loading = undefined));
  }, []);
  const View = views?.[view] as FunctionComponent<typeof props> | undefined;
  return View ? <View {...props} /> : null;
}
