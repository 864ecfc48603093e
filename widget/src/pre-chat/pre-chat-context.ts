// What the pre-chat form (an on-demand chunk) needs from the running chat; mount-chat.ts fills it in.
// One widget per page, so one value.

export const preChatContext = {
  apiBase: '',
  /** The visitor's token, making their session first when there is none. */
  visitorToken: (): Promise<string> => Promise.reject(new Error('no chat yet')),
  /** Set once the visitor answered on this page: the form is not asked again. */
  isAnswered: false,
};
