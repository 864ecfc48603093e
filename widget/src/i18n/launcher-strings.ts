/** The launcher's strings: all that the page view (widget.js, before the chat loads) shows. */
export const launcherStrings = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unread: (count: number) => (count === 1 ? '1 unread message' : `${count} unread messages`),
};
