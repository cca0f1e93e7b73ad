/** A state-changing request without the session's CSRF token in the x-earshot-csrf header. */
export class CsrfRejected extends Error {
  constructor() {
    super('Refused: the x-earshot-csrf header is missing or does not match this session (reload the desk).');
  }
}
