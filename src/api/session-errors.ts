/** An /api request without a live session (none, forged, expired, signed out, user disabled). */
export class NotSignedIn extends Error {
  constructor() {
    super(
      'Not signed in: sign in at /#/sign-in, or ask an admin for a sign-in link (`earshot sign-in-link`).',
    );
  }
}

/** A state-changing request without the session's CSRF token in the x-earshot-csrf header. */
export class CsrfRejected extends Error {
  constructor() {
    super('Refused: the x-earshot-csrf header is missing or does not match this session (reload the desk).');
  }
}
