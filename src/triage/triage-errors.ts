/** A tag, star or selection the triage tools refuse (400): the message names the problem. */
export class TriageRejected extends Error {}

/** A saved search that is not the user's, or no longer there (404). */
export class SavedSearchNotFound extends Error {
  constructor(id: string) {
    super(`No saved search with id ${id}`);
  }
}
