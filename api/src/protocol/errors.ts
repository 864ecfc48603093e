/**
 * The one error vocabulary, shared by REST bodies and WebSocket error frames.
 * Each code maps to the HTTP status a REST route answers with.
 */
export const ERROR_STATUS = {
  'request/invalid': 400,
  'request/malformed': 400,
  'request/too_large': 413,
  'route/not_found': 404,
  'frame/malformed': 400,
  'frame/invalid': 400,
  'frame/unknown_type': 400,
  'protocol/hello_required': 400,
  'protocol/unsupported_version': 400,
  'auth/required': 401,
  'auth/invalid_credentials': 401,
  'auth/email_taken': 409,
  'auth/origin_forbidden': 403,
  'auth/forbidden': 403,
  'auth/deactivated': 403,
  'rate/limited': 429,
  'inbox/not_found': 404,
  'visitor/identity_required': 401,
  'visitor/identity_invalid': 401,
  'visitor/not_found': 404,
  'conversation/not_found': 404,
  'team/not_found': 404,
  'team/name_taken': 409,
  'member/not_found': 404,
  'member/last_owner': 409,
  'member/self_deactivation': 409,
  'invitation/not_found': 404,
  'invitation/expired': 404,
  'invitation/revoked': 404,
  'invitation/used': 404,
  'invitation/already_member': 409,
  'label/not_found': 404,
  'label/name_taken': 409,
  'canned/not_found': 404,
  'canned/shortcut_taken': 409,
  'conversation/resolved': 409,
  'conversation/already_assigned': 409,
  'message/too_long': 400,
  'message/empty': 400,
  'server/internal': 500,
  'server/unavailable': 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The body of every REST error and the data of every WS `error` frame. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}
