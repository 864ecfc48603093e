// Plain constants both clients may import without pulling in a validator.

export const PROTOCOL_VERSION = 1;

/** The WebSocket subprotocol every client asks for; the server answers with it. */
export const SUBPROTOCOL = 'parley.v1';

/**
 * The widget sends its visitor token as a second subprotocol, `parley.token.<token>`,
 * so it is authenticated before the upgrade without ever putting the token in a URL.
 */
export const TOKEN_SUBPROTOCOL_PREFIX = 'parley.token.';

export const WIDGET_WS_PATH = '/v1/widget/ws';
export const AGENT_WS_PATH = '/v1/agent/ws';

export const LIMITS = {
  /** Characters in one message body. */
  messageMaxLength: 5000,
  /** Characters of a summary's `lastMessage.body` (a list preview): longer bodies are cut, ending in "…". */
  previewMaxChars: 280,
  /** Bytes in one WebSocket frame; bigger frames close the socket with 1009. */
  frameMaxBytes: 64 * 1024,
  /** Events replayed on resume before the server asks the client to resync instead. */
  resumeMaxEvents: 500,
  /** Client frames per second per socket (burst allowed up to twice that). */
  framesPerSecond: 10,
  /** How often each side should hear from the other; silence for twice this means the peer is gone. */
  heartbeatMs: 25_000,
} as const;

/** WebSocket close codes and what a client should do about each. */
export const CLOSE_CODES = {
  /** Normal closure. */
  normal: 1000,
  /** The frame was larger than LIMITS.frameMaxBytes. Reconnect and resume. */
  tooLarge: 1009,
  /** Unexpected server error. Reconnect with backoff and resume. */
  internalError: 1011,
  /** The server is restarting or shutting down. Reconnect with backoff and resume. */
  serviceRestart: 1012,
  /** The client broke the protocol (no hello first, unsupported version). Do not reconnect blindly. */
  protocolError: 4000,
  /** The session or visitor token is no longer valid (logout, expiry). Sign in again; do not reconnect. */
  unauthorized: 4001,
  /** No frame from the client for two heartbeat intervals. Reconnect and resume. */
  heartbeatTimeout: 4002,
  /** The client read too slowly and its buffer filled up. Reconnect and resume. */
  slowConsumer: 4003,
} as const;

/** Close codes after which a client should reconnect and resume; any other code is final. */
export const RECONNECTABLE_CLOSE_CODES: readonly number[] = [
  1001,
  1006,
  CLOSE_CODES.tooLarge,
  CLOSE_CODES.internalError,
  CLOSE_CODES.serviceRestart,
  1013,
  CLOSE_CODES.heartbeatTimeout,
  CLOSE_CODES.slowConsumer,
];

/** CSAT: the longest comment a visitor may leave with a rating. */
export const RATING_COMMENT_MAX_LENGTH = 1000;
