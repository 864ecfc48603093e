import type { WidgetConfig } from '@parley/api/protocol';
import { computeBackoffDelay } from '@parley/api/protocol/reconnect';
import { ApiError, type ApiRequest } from './api-request.ts';

const CONFIG_ATTEMPTS = 4;

/**
 * The inbox's appearance, which the launcher needs before it is drawn. Network trouble and server
 * errors are retried with backoff; an unknown site key (or the last failure) is logged and gives null:
 * the widget then stays hidden.
 */
export async function loadWidgetConfig(
  request: ApiRequest,
  siteKey: string,
  logError: (message: string, error: unknown) => void,
): Promise<WidgetConfig | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request<WidgetConfig>(`/v1/widget/inboxes/${encodeURIComponent(siteKey)}/config`, {
        method: 'GET',
      });
    } catch (error) {
      const isRetryable = error instanceof ApiError && error.isRetryable;
      if (!isRetryable || attempt + 1 >= CONFIG_ATTEMPTS) {
        logError(`could not load the widget settings for site key '${siteKey}'`, error);
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, computeBackoffDelay(attempt + 1)));
    }
  }
}
