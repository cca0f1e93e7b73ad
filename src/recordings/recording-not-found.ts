/** Asked about a recording id that is not in the database (the API answers 404). */
export class RecordingNotFound extends Error {
  constructor(readonly recordingId: string) {
    super(`No recording with id ${recordingId}`);
  }
}
