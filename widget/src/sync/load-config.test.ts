import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiRequest } from './api-request.ts';
import { loadWidgetConfig } from './load-config.ts';

const CONFIG = { inboxName: 'Support', appearance: { color: '#112233' }, replyTime: null };

describe('loadWidgetConfig', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('retries network trouble and server errors, then answers the settings', async () => {
    const getConfig = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(0, 'network/unreachable', 'offline'))
      .mockRejectedValueOnce(new ApiError(503, 'server/unavailable', 'busy'))
      .mockResolvedValueOnce(CONFIG);
    const logError = vi.fn();
    const loading = loadWidgetConfig(getConfig as ApiRequest, 'site_1', logError);
    await vi.runAllTimersAsync();
    expect(await loading).toEqual(CONFIG);
    expect(getConfig).toHaveBeenCalledTimes(3);
    expect(getConfig).toHaveBeenLastCalledWith('/v1/widget/inboxes/site_1/config', { method: 'GET' });
    expect(logError).not.toHaveBeenCalled();
  });

  it('gives up at once on an unknown site key, and after four failures, with a log line', async () => {
    const unknown = vi.fn().mockRejectedValue(new ApiError(404, 'inbox/not_found', 'no such inbox'));
    const logError = vi.fn();
    expect(await loadWidgetConfig(unknown as ApiRequest, 'site_x', logError)).toBeNull();
    expect(unknown).toHaveBeenCalledOnce();
    expect(logError.mock.calls[0]?.[0]).toContain("site key 'site_x'");

    const down = vi.fn().mockRejectedValue(new ApiError(0, 'network/unreachable', 'offline'));
    const loading = loadWidgetConfig(down as ApiRequest, 'site_1', logError);
    await vi.runAllTimersAsync();
    expect(await loading).toBeNull();
    expect(down).toHaveBeenCalledTimes(4);
    expect(logError).toHaveBeenCalledTimes(2);
  });
});
