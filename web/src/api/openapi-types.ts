/**
 * Generated from the API's OpenAPI document (GET /api/openapi.json, built from the route schemas
 * in src/api/schemas) by web/tools/generate-api-types.ts. Do not edit by hand: after changing a
 * route schema, run `npm run generate:api-types`.
 */

export interface paths {
  '/api/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with name and password: sets the session cookie (HttpOnly, SameSite=Strict) */
    post: operations['postSignIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in, with the CSRF token for writes */
    get: operations['getSession'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out of this session (needs the CSRF header while signed in) */
    post: operations['postSignOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sign-out-everywhere': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out of every one of this user's sessions, on every browser */
    post: operations['postSignOutEverywhere'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the database is reachable and software versions, without signing in; what is stored, when signed in */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/collections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List collections with their recording counts */
    get: operations['getCollections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List recordings, filtered, sorted and paginated */
    get: operations['getRecordings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One recording: metadata, probe, channels, provenance, stage status, working copies, custody */
    get: operations['getRecordingsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/custody': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chain of custody of one recording, in the order events were appended */
    get: operations['getRecordingsByIdCustody'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/audio/original': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The evidentiary original, byte for byte
     * @description Content-Type from the probed container and codec; Content-Disposition: attachment with the file name it was received under (RFC 6266, filename* in UTF-8 for non-ASCII names). Supports HEAD and single byte ranges (Range: bytes=0-99, bytes=100-, bytes=-500): 206 with Content-Range, 416 when the range starts past the end. A Range header with several ranges, or one that is malformed, is ignored and the whole file is sent with 200 (RFC 9110 allows this; players ask for one range at a time). ETag is the SHA-256 of the file; If-Range and If-None-Match are honoured. A file is served only once its bytes were seen to hash to that SHA-256 (checked again whenever the file changes on disk); one that does not match is refused with 503, and so is one that `earshot verify-store --quarantine` moved out of the store (the message names the restore command).
     */
    get: operations['getRecordingsByIdAudioOriginal'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    /**
     * The evidentiary original, byte for byte
     * @description Content-Type from the probed container and codec; Content-Disposition: attachment with the file name it was received under (RFC 6266, filename* in UTF-8 for non-ASCII names). Supports HEAD and single byte ranges (Range: bytes=0-99, bytes=100-, bytes=-500): 206 with Content-Range, 416 when the range starts past the end. A Range header with several ranges, or one that is malformed, is ignored and the whole file is sent with 200 (RFC 9110 allows this; players ask for one range at a time). ETag is the SHA-256 of the file; If-Range and If-None-Match are honoured. A file is served only once its bytes were seen to hash to that SHA-256 (checked again whenever the file changes on disk); one that does not match is refused with 503, and so is one that `earshot verify-store --quarantine` moved out of the store (the message names the restore command).
     */
    head: operations['headRecordingsByIdAudioOriginal'];
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/audio/working': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The 16 kHz mono WAV working copy of one channel
     * @description Supports HEAD and single byte ranges (Range: bytes=0-99, bytes=100-, bytes=-500): 206 with Content-Range, 416 when the range starts past the end. A Range header with several ranges, or one that is malformed, is ignored and the whole file is sent with 200 (RFC 9110 allows this; players ask for one range at a time). ETag is the SHA-256 of the file; If-Range and If-None-Match are honoured. A file is served only once its bytes were seen to hash to that SHA-256 (checked again whenever the file changes on disk); one that does not match is refused with 503, and so is one that `earshot verify-store --quarantine` moved out of the store (the message names the restore command).
     */
    get: operations['getRecordingsByIdAudioWorking'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    /**
     * The 16 kHz mono WAV working copy of one channel
     * @description Supports HEAD and single byte ranges (Range: bytes=0-99, bytes=100-, bytes=-500): 206 with Content-Range, 416 when the range starts past the end. A Range header with several ranges, or one that is malformed, is ignored and the whole file is sent with 200 (RFC 9110 allows this; players ask for one range at a time). ETag is the SHA-256 of the file; If-Range and If-None-Match are honoured. A file is served only once its bytes were seen to hash to that SHA-256 (checked again whenever the file changes on disk); one that does not match is refused with 503, and so is one that `earshot verify-store --quarantine` moved out of the store (the message names the restore command).
     */
    head: operations['headRecordingsByIdAudioWorking'];
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/audio/working/peaks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Waveform peaks of one channel’s working copy
     * @description Min/max pairs, 100 per second of audio and at most 20000 in all, so the desk draws the waveform at once and streams the audio with range requests instead of downloading and decoding the whole file. Computed with ffmpeg on first request and cached beside the working copy (recomputed when the working copy changes). ETag follows the working copy’s SHA-256; If-None-Match is honoured.
     */
    get: operations['getRecordingsByIdAudioWorkingPeaks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/analysis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A recording's current analysis: code words with glosses, entities, casualty counts and triage, on its latest transcript version */
    get: operations['getRecordingsByIdAnalysis'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trends/monthly': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Calls, mentions per category and casualty counts per month of the call start (UTC) */
    get: operations['getTrendsMonthly'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trends/places': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Places mentioned in the calls, with coordinates, mentions and calls */
    get: operations['getTrendsPlaces'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trends/call-graph': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who called whom: phone numbers as nodes, calls from caller to callee as edges */
    get: operations['getTrendsCallGraph'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/lexicon': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The code-word lexicon: headwords, variants, categories, glosses, ambiguity notes, sources */
    get: operations['getLexicon'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/transcripts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Transcript versions of a recording (machine and human), oldest first */
    get: operations['getRecordingsByIdTranscripts'];
    put?: never;
    /** Save a human correction as a new transcript version; translate and analyse run again */
    post: operations['postRecordingsByIdTranscripts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/transcript': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One transcript version with segments, word timings and English translations */
    get: operations['getRecordingsByIdTranscript'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/transcripts/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What changed between two transcript versions, segment by segment and word by word */
    get: operations['getRecordingsByIdTranscriptsDiff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/transcripts/machine-offer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decide on a newer machine transcript made while a human correction is current: adopt it or keep the correction */
    post: operations['postRecordingsByIdTranscriptsMachineOffer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/segments/{segmentId}/translations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of a segment’s English (machine and human), oldest first, with word diffs */
    get: operations['getRecordingsByIdSegmentsBySegmentIdTranslations'];
    put?: never;
    /** Save a person’s English for a segment as a new human translation version (stays current over machine re-translations) */
    post: operations['postRecordingsByIdSegmentsBySegmentIdTranslations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Notes on a call and its segments, oldest first */
    get: operations['getRecordingsByIdNotes'];
    put?: never;
    /** Add a note on the call or on one segment (notes are never changed or removed) */
    post: operations['postRecordingsByIdNotes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/numbers/{number}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A phone number: its calls, counterparts and call graph, cells, places and people in its calls, calls in which it is spoken, and notes and attributions (all in your collections) */
    get: operations['getNumbersByNumber'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/numbers/{number}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a note or attribution on a number in one collection (entries are never changed: a correction supersedes) */
    post: operations['postNumbersByNumberNotes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/duplicates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Calls that sound like this one (machine leads), best score first */
    get: operations['getRecordingsByIdDuplicates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/duplicates/{leadId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm or reject a duplicate lead, with a reason (nothing is merged) */
    post: operations['postRecordingsByIdDuplicatesByLeadId'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/case': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The call's verification case file: status, pending proposal, every step with its evidence */
    get: operations['getRecordingsByIdCase'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/case/steps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take a step of the case file (advance, evidence, propose/sign off verified, dispute, reject, reopen)
     * @description The step names the status it expects the case to have (409 conflict when someone moved it first). A jump over a step, a missing reason or missing evidence is a 400 naming what is allowed; a sign-off by the user who proposed verified is a 403 (the two-person rule). Files are stored write-once by SHA-256, each with an 'attached' custody event of the call.
     */
    post: operations['postRecordingsByIdCaseSteps'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/case/attachments/{attachmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An evidence file of the case, byte for byte, as a download
     * @description Served only once its bytes were seen to hash to the recorded SHA-256 (503 otherwise), as Content-Disposition: attachment with the name it was attached under, and nosniff.
     */
    get: operations['getRecordingsByIdCaseAttachmentsByAttachmentId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    /**
     * An evidence file of the case, byte for byte, as a download
     * @description Served only once its bytes were seen to hash to the recorded SHA-256 (503 otherwise), as Content-Disposition: attachment with the name it was attached under, and nosniff.
     */
    head: operations['headRecordingsByIdCaseAttachmentsByAttachmentId'];
    patch?: never;
    trace?: never;
  };
  '/api/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Full-text search over the latest transcripts and their English translations */
    get: operations['getSearch'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/pipeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pipeline progress: per stage counts, failures and waits grouped by reason, and an ETA */
    get: operations['getPipeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/pipeline/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Schedule failed stage runs again (every stage, or one); waiting runs need their model instead */
    post: operations['postPipelineRetry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ingest/limits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What one upload may hold */
    get: operations['getIngestLimits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ingest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload audio files, folders and zip archives (with optional call records) and ingest them as `earshot ingest` does */
    post: operations['postIngest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log, newest first, filtered and paginated (admins only; 404 for anyone else) */
    get: operations['getAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recompute the audit chain and name the first entry changed, removed, reordered or inserted */
    get: operations['getAuditVerify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exports/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Write a signed evidence bundle of calls or of a collection on the server
     * @description The bundle (docs/evidence.md) is streamed into the data folder, never held in memory, and its stored files are checked against their recorded SHA-256 on the way: a changed file refuses the export (503). Calls or a collection outside your collections are a 404. A bundle whose stored files add up to more than EARSHOT_EXPORT_MAX_BYTES is refused (413). Download it with the link answered; only you (or an admin) can.
     */
    post: operations['postExportsEvidence'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exports/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download an evidence bundle you exported (admins: any) */
    get: operations['getExportsByIdDownload'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every tag in use in your collections, with how many calls carry it */
    get: operations['getTags'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/triage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tags and your stars of some calls (a page of the Calls list, or one call) */
    get: operations['getTriage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tag a call or one of its segments (the tag is seen by everyone who reads the collection) */
    post: operations['postRecordingsByIdTags'];
    /** Remove a tag from a call or one of its segments */
    delete: operations['deleteRecordingsByIdTags'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/star': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Star a call or one of its segments (your stars are yours only) */
    put: operations['putRecordingsByIdStar'];
    post?: never;
    /** Take your star off a call or segment */
    delete: operations['deleteRecordingsByIdStar'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/triage/tag': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tag every selected call */
    post: operations['postTriageTag'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/triage/untag': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove a tag from every selected call */
    post: operations['postTriageUntag'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/triage/rerun': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run a stage again (forced) on every selected call whose previous stage is done */
    post: operations['postTriageRerun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/csv/calls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The calls list with its filters and sort, as CSV for a spreadsheet (at most 10,000 calls) */
    get: operations['getCsvCalls'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/csv/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search results (every ranked hit, best first) as CSV for a spreadsheet */
    get: operations['getCsvSearch'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/search/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Batch search: a list of names or numbers, each searched, with its count of hits and its calls */
    post: operations['postSearchBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/saved-searches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your saved searches, by name */
    get: operations['getSavedSearches'];
    put?: never;
    /** Save a search under a name (the same name replaces it) */
    post: operations['postSavedSearches'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/saved-searches/{savedSearchId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete one of your saved searches */
    delete: operations['deleteSavedSearchesBySavedSearchId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/collections/{collectionId}/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A collection's protected-identity register, retired entries included */
    get: operations['getCollectionsByCollectionIdRegister'];
    put?: never;
    /** Add an entry to the register by hand (the same identity again gives its live entry) */
    post: operations['postCollectionsByCollectionIdRegister'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/collections/{collectionId}/register/{entryId}/forms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every form the matcher looks for to find an entry: inflections, diminutives, transliterations, numbers grouped and in words */
    get: operations['getCollectionsByCollectionIdRegisterByEntryIdForms'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Protect a person, number, place, call sign or unit of the call's current analysis in its collection's register (one click; the same entity again gives its entry) */
    post: operations['postRecordingsByIdRegister'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/collections/{collectionId}/register/{entryId}/pseudonym': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rename an entry's pseudonym (never to one the collection uses or used) */
    post: operations['postCollectionsByCollectionIdRegisterByEntryIdPseudonym'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/collections/{collectionId}/register/{entryId}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire an entry: it is no longer protected, and is kept with who retired it, when and why */
    post: operations['postCollectionsByCollectionIdRegisterByEntryIdRetire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/excerpt-preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview an excerpt: the redacted texts, what is withheld, and the redacted audio
     * @description The plan an export of this selection would follow, for a person to check, and a link to the redacted audio (MP3, kept for an hour for you only). Refused as an export would be: a role that may not export (403), an unverified call for anybody but an admin (409; an admin is told an override is needed), a selection that is no excerpt (400).
     */
    post: operations['postRecordingsByIdExcerptPreview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/recordings/{id}/excerpt-previews/{previewId}/audio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The redacted audio of a preview you made (MP3, with range requests) */
    get: operations['getRecordingsByIdExcerptPreviewsByPreviewIdAudio'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    /** The redacted audio of a preview you made (MP3, with range requests) */
    head: operations['headRecordingsByIdExcerptPreviewsByPreviewIdAudio'];
    patch?: never;
    trace?: never;
  };
  '/api/exports/excerpt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Export an excerpt for publication: redacted, leak-checked, one zip to download
     * @description Writes the package (docs/publication.md) on the server, leak-checks every file and the zip, and answers its files with their SHA-256 and a download link (only you, or an admin, can download it). A leak check that finds a protected form refuses the export (422, every hit in issues) and keeps nothing. The policy is the preview’s; an admin exports an unverified call with overrideReason, recorded in the audit log. When the recogniser the leak check listens with is not installed, the export is refused (503, naming the model and the command that installs it).
     */
    post: operations['postExportsExcerpt'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exports/excerpts/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download an excerpt package you exported (admins: any) */
    get: operations['getExportsExcerptsByIdDownload'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every user with their role and the collections granted to them (admins only) */
    get: operations['getUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{userId}/role': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a user's role; it applies from their next request (admins only) */
    put: operations['putUsersByUserIdRole'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{userId}/grants/{collectionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Grant a user a collection (granting it again changes nothing; admins only) */
    put: operations['putUsersByUserIdGrantsByCollectionId'];
    post?: never;
    /** Take a collection away from a user, from their next request (admins only) */
    delete: operations['deleteUsersByUserIdGrantsByCollectionId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This API described as an OpenAPI 3 document, generated from the route schemas */
    get: operations['getOpenapiJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Summary of the current analysis (machine output) */
    AnalysisSummary: {
      /** @description Triage score 0 to 100: how urgently the call should be heard */
      triageScore: number;
      /** @description From words (lexicon): confident matches per category (categories without a match are left out) */
      counts: {
        [key: string]: number;
      };
      /** @description From meaning (classifier, machine judgement): segments per category the classifier flags at confidence 0.5 or more where no lexicon word of the category does (what meaning adds to counts) */
      meaningCounts: {
        [key: string]: number;
      };
      casualties: components['schemas']['Casualties'];
      /** @description Categories with at least one confident flag, from words (lexicon) or meaning (classifier) */
      categories: (
        | 'casualties_killed'
        | 'casualties_wounded'
        | 'casualties_missing'
        | 'refusal_to_fight'
        | 'desertion'
        | 'execution_or_coercion'
        | 'looting'
        | 'violence_against_civilians_or_prisoners'
        | 'prison_recruitment'
        | 'mobilisation'
        | 'supplies_and_conditions'
        | 'weapons_and_shelling'
        | 'morale'
        | 'slur_for_ukrainians'
        | 'radio_code'
        | 'irregular_units'
        | 'payments'
        | 'surrender_captivity'
        | 'self_inflicted_wound'
        | 'general'
      )[];
    };
    /** @description One audit entry */
    AuditEntry: {
      /** @description Position in the chain, from 1, gap-free (a string: it may exceed 2^53) */
      seq: string;
      /** @description When it happened */
      occurredAt: string;
      /** @description The signed-in user (null: no session) */
      actor: string | null;
      /** @description That user’s id */
      userId: string | null;
      /** @description What was done: view-call, stream-audio, search, add-note, sign-in, … */
      action: string;
      /** @description What it was done to: a recording id, a search query, a user */
      target: string | null;
      /** @description The client’s address */
      address: string | null;
      /** @description More about it, per action */
      details: {
        [key: string]: unknown;
      };
      /** @description SHA-256 over the previous hash and this entry’s canonical content */
      hash: string;
    };
    /** @description A page of the audit log */
    AuditPage: {
      /** @description Entries, newest first */
      items: components['schemas']['AuditEntry'][];
      /** @description Entries that match the filters */
      total: number;
      limit: number;
      offset: number;
    };
    /** @description The audit chain recomputed. A cut-off tail is not seen by the chain alone: compare the head with one written down */
    AuditVerification: {
      /** @description Every entry checks out */
      ok: boolean;
      /** @description Entries checked before the first problem (all, when ok) */
      checked: number;
      /** @description The chain head: write it down elsewhere to detect a cut-off tail later */
      head: {
        /** @description The newest entry’s seq ("0": the log is empty) */
        seq: string;
        /** @description Its hash (64 zeros for an empty log) */
        hash: string;
      };
      /** @description The first break in the chain (null when ok) */
      problem: {
        /**
         * @description What was done to the log, as far as the chain can tell
         * @enum {string}
         */
        kind: 'removed' | 'changed' | 'reordered' | 'inserted';
        /** @description The first entry named */
        seq: string;
        /** @description What was found, in words */
        message: string;
      } | null;
    };
    /** @description Who called whom, from the call records */
    CallGraph: {
      /** @description Phone numbers, most calls first */
      nodes: {
        /** @description Phone number (E.164); open its calls with /api/recordings?phone=<number> */
        phone: string;
        /** @description Calls in which the number is caller or callee */
        calls: number;
      }[];
      /** @description Caller → callee pairs among the returned numbers, most calls first */
      edges: {
        /** @description Calling number */
        caller: string;
        /** @description Called number */
        callee: string;
        /** @description Calls from caller to callee */
        calls: number;
      }[];
      /** @description Phone numbers in scope before the limit */
      totalNodes: number;
      /** @description Whether numbers (and their edges) were left out by the limit */
      truncated: boolean;
    };
    /** @description Call metadata (machine-read from call records or file names) */
    CallMetadata: {
      /** @description Caller number in E.164, when it could be normalised */
      callerNumber: string | null;
      /** @description Caller number as it appeared in the source */
      callerRaw: string | null;
      /** @description Callee number in E.164, when it could be normalised */
      calleeNumber: string | null;
      /** @description Callee number as it appeared in the source */
      calleeRaw: string | null;
      /** @description When the call started (UTC) */
      startedAt: string | null;
      /** @description Time zone the start time was given in (IANA name or offset) */
      timezone: string | null;
      /** @description Call duration according to the call records */
      durationSeconds: number | null;
      /** @description Cell id from the call records */
      cellId: string | null;
      /** @description Location as written in the call records */
      locationText: string | null;
      /** @description Where the call records say the call came from */
      source: string | null;
      /** @description Batch name from the call records */
      batch: string | null;
      /**
       * @description Where this metadata came from: a sidecar CSV/JSON, the file name, or nowhere (null)
       * @enum {string|null}
       */
      origin: 'sidecar' | 'filename' | null;
      /** @description Sidecar columns Earshot has no field for, kept verbatim */
      extra: {
        [key: string]: unknown;
      };
    };
    /** @description An evidence file, stored write-once by SHA-256 */
    CaseAttachment: {
      /** @description Attachment id; download it from …/case/attachments/{attachmentId} */
      id: string;
      /** @description The step it is evidence of */
      eventId: string;
      /** @description The name it was attached under (made printable) */
      fileName: string;
      /** @description Media type as the browser declared it */
      mediaType: string;
      /** @description Size in bytes */
      sizeBytes: number;
      /** @description SHA-256 of its bytes; the store names it by this */
      sha256: string;
      /** @description When it was attached */
      createdAt: string;
    };
    /** @description One step of the case file (steps are never changed or removed) */
    CaseEvent: {
      /** @description Event id, in the order the steps were taken */
      id: string;
      /**
       * @description evidence: add a note, links or files without moving the case; advance: to the next step; propose_verified / sign_off / withdraw_proposal: the two-person verified step; dispute / reject (reason required); reopen (reason required)
       * @enum {string}
       */
      kind:
        | 'evidence'
        | 'advance'
        | 'propose_verified'
        | 'sign_off'
        | 'withdraw_proposal'
        | 'dispute'
        | 'reject'
        | 'reopen';
      /**
       * @description Verification status: unverified → number_attributed → identity_corroborated → context_confirmed → verified; or disputed / rejected
       * @enum {string}
       */
      fromStatus:
        | 'unverified'
        | 'number_attributed'
        | 'identity_corroborated'
        | 'context_confirmed'
        | 'verified'
        | 'disputed'
        | 'rejected';
      /**
       * @description Verification status: unverified → number_attributed → identity_corroborated → context_confirmed → verified; or disputed / rejected
       * @enum {string}
       */
      toStatus:
        | 'unverified'
        | 'number_attributed'
        | 'identity_corroborated'
        | 'context_confirmed'
        | 'verified'
        | 'disputed'
        | 'rejected';
      /**
       * @description The step the evidence supports
       * @enum {string}
       */
      step:
        | 'unverified'
        | 'number_attributed'
        | 'identity_corroborated'
        | 'context_confirmed'
        | 'verified'
        | 'disputed'
        | 'rejected';
      /** @description Why (dispute, reject, reopen) */
      reason: string | null;
      /** @description What was found */
      note: string | null;
      /** @description Sources (http/https) */
      links: string[];
      /** @description Who took the step */
      actor: string;
      /** @description Their user id */
      userId: string;
      /** @description When */
      createdAt: string;
      /** @description Files attached with this step */
      attachments: components['schemas']['CaseAttachment'][];
    };
    /** @description A call's verification case file */
    CaseFile: {
      /** @description Recording id (UUID) */
      recordingId: string;
      /**
       * @description Verification status: unverified → number_attributed → identity_corroborated → context_confirmed → verified; or disputed / rejected
       * @enum {string}
       */
      status:
        | 'unverified'
        | 'number_attributed'
        | 'identity_corroborated'
        | 'context_confirmed'
        | 'verified'
        | 'disputed'
        | 'rejected';
      /** @description A pending proposal of verified, waiting for a second person to sign it off */
      proposal: {
        /** @description Who proposed verified */
        proposedBy: string;
        /** @description Their user id */
        proposedByUserId: string;
        /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
        proposedAt: string;
        /** @description Whether the signed-in user proposed it (then someone else must sign it off) */
        byYou: boolean;
      } | null;
      /**
       * @description For a disputed or rejected case: the step reopening returns to
       * @enum {string|null}
       */
      heldStatus:
        | 'unverified'
        | 'number_attributed'
        | 'identity_corroborated'
        | 'context_confirmed'
        | 'verified'
        | 'disputed'
        | 'rejected'
        | null;
      /** @description Last step (null: no step yet) */
      updatedAt: string | null;
      /** @description What the signed-in user may do now (advance, propose… need evidence; dispute… a reason) */
      allowedActions: (
        | 'evidence'
        | 'advance'
        | 'propose_verified'
        | 'sign_off'
        | 'withdraw_proposal'
        | 'dispute'
        | 'reject'
        | 'reopen'
      )[];
      /**
       * @description Where advancing leads from here (null: nowhere)
       * @enum {string|null}
       */
      nextStep:
        | 'unverified'
        | 'number_attributed'
        | 'identity_corroborated'
        | 'context_confirmed'
        | 'verified'
        | 'disputed'
        | 'rejected'
        | null;
      /** @description Every step, oldest first */
      events: components['schemas']['CaseEvent'][];
      /** @description Largest file one step takes (EARSHOT_ATTACHMENT_MAX_BYTES) */
      maxAttachmentBytes: number;
    };
    /** @description Casualty counts extracted from the call (machine output) */
    Casualties: {
      /** @description Killed ("200s") stated in the call; null when no count was said */
      killed: number | null;
      /** @description Wounded ("300s") stated in the call; null when no count was said */
      wounded: number | null;
      /** @description Missing stated in the call; null when no count was said */
      missing: number | null;
    };
    /** @description One channel of the original */
    Channel: {
      /** @description Channel index (0-based) */
      channel: number;
      /** @description The working copy of this channel, null until made */
      workingCopy: components['schemas']['WorkingCopy'] | null;
    };
    /** @description The collection a recording belongs to */
    CollectionRef: {
      /** @description Collection id (UUID) */
      id: string;
      /** @description Collection name */
      name: string;
    };
    /** @description Chain of custody of one recording */
    Custody: {
      /** @description Recording id (UUID) */
      recordingId: string;
      /** @description SHA-256 of the original, hex */
      sha256: string;
      /** @description Custody events in the order they were appended */
      events: components['schemas']['CustodyEvent'][];
    };
    /** @description One entry of the append-only chain of custody */
    CustodyEvent: {
      /** @description Event id; events are numbered in the order they were appended */
      id: string;
      /** @description What happened: received, hashed, stored, duplicate, probed, metadata, rejected, derived, corrected... */
      action: string;
      /** @description Who or what did it */
      actor: string;
      /** @description When it happened */
      occurredAt: string;
      /** @description When the database stored it (server clock; null before this was kept): far after occurredAt means backdated */
      recordedAt: string | null;
      /** @description Ingest batch, if any */
      batchId: string | null;
      /** @description Source path involved, if any */
      sourcePath: string | null;
      /** @description Hash recorded with the event, if any */
      sha256: string | null;
      /** @description Versions of the tools involved */
      toolVersions: {
        [key: string]: unknown;
      };
      /** @description Action-specific details */
      details: {
        [key: string]: unknown;
      };
    };
    /** @description A machine lead that two calls are the same call (re-encoded, trimmed or mixed); never merged */
    DuplicateLead: {
      /** @description Lead id */
      id: string;
      /** @description The call this one sounds like */
      other: {
        /** @description The other call (UUID) */
        recordingId: string;
        /** @description Its file name as received */
        originalFilename: string;
        /** @description When it was placed, from its metadata */
        callStartedAt: string | null;
        /** @description Its collection */
        collection: string;
      };
      /** @description A channel's index ('0', '1', …) or 'mix', the mono mix of all channels */
      channelOfThis: string;
      /** @description A channel's index ('0', '1', …) or 'mix', the mono mix of all channels */
      channelOfOther: string;
      /** @description Seconds of audio the two share at the offset */
      overlapSeconds: number;
      /** @description Where the other call's start lies in this one, seconds (negative: it starts earlier) */
      offsetSeconds: number;
      /** @description Chromaprint similarity, 1 − 2 × bit-error rate (0 unrelated, 1 identical) */
      score: number;
      /**
       * @description proposed: machine output nobody has decided yet
       * @enum {string}
       */
      status: 'proposed' | 'confirmed' | 'rejected';
      /** @description Who confirmed or rejected it */
      decidedBy: string | null;
      /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
      decidedAt: string | null;
      /** @description Why, in their words */
      reason: string | null;
      /** @description When the fingerprint stage found it */
      foundAt: string;
    };
    /** @description A call's duplicate leads to calls in your collections */
    DuplicateLeadList: {
      /** @description Best score first */
      leads: components['schemas']['DuplicateLead'][];
      /** @description Whether you may confirm or reject them (your role) */
      mayDecide: boolean;
    };
    /** @description A person, place, unit, phone number or call sign found in the transcript */
    Entity: {
      /** @description Transcript segment the span is in */
      segmentId: string;
      /** @description Start offset in the segment text (UTF-16 code units, inclusive) */
      start: number;
      /** @description End offset in the segment text (UTF-16 code units, exclusive) */
      end: number;
      /** @description The text as it appears in the segment */
      surface: string;
      /** @description 0 to 1; ambiguous words without confirming context score low */
      confidence: number;
      /** @description Which rule fired */
      rule: string;
      /**
       * @description What was found
       * @enum {string}
       */
      kind: 'person' | 'place' | 'unit' | 'phone' | 'call_sign';
      /** @description Normalised value (E.164 for phones, English name for places) */
      value: string;
      /** @description The gazetteer entry, for places */
      place?: {
        /** @description Gazetteer id (GeoNames) */
        id: string;
        /** @description English name */
        nameEn: string;
        /** @description Russian name */
        nameRu: string;
        /** @description Ukrainian name, when known */
        nameUk: string | null;
        /** @description ISO 3166-1 alpha-2 country code */
        country: string;
        /** @description First-level administrative region, when known */
        admin1: string | null;
        /** @description Latitude (WGS 84) */
        lat: number;
        /** @description Longitude (WGS 84) */
        lon: number;
        /** @description Population from the gazetteer, when known */
        population: number | null;
      };
    };
    /** @description Error */
    Error: {
      /**
       * @description Machine-readable error code (not_signed_in: no valid session, sign in first; sign_in_failed: wrong name or password; forbidden: your role may not do this, or the CSRF header is missing or wrong; too_many_attempts: sign-in throttled, see Retry-After; not_found: no such thing, or not in your collections; conflict: someone else changed it first; reload; undecodable_media: a stored audio file could not be decoded; leak_found: the leak check found protected forms in an export, which was not kept (issues lists each hit); payload_too_large: a body or upload over a stated limit; unsupported_media_type: a body type this route does not take; cross_site_refused: a change sent by a page of another site; host_not_allowed: a Host header this server does not answer to)
       * @enum {string}
       */
      error:
        | 'bad_request'
        | 'not_signed_in'
        | 'sign_in_failed'
        | 'forbidden'
        | 'not_found'
        | 'conflict'
        | 'range_not_satisfiable'
        | 'undecodable_media'
        | 'leak_found'
        | 'payload_too_large'
        | 'unsupported_media_type'
        | 'cross_site_refused'
        | 'host_not_allowed'
        | 'too_many_attempts'
        | 'unavailable'
        | 'internal_error';
      /** @description What went wrong, in words */
      message: string;
      /** @description One entry per invalid value (bad_request), or per hit of the leak check (leak_found) */
      issues?: {
        /** @description Where the problem is, e.g. "querystring.limit" or "params.id" */
        path: string;
        /** @description What is wrong with that value */
        message: string;
      }[];
    };
    /** @description An evidence bundle written on the server, ready to download */
    EvidenceExport: {
      /** @description Export id: download it from /api/exports/{id}/download */
      id: string;
      /** @description When the bundle was written */
      createdAt: string;
      /** @description Calls in the bundle */
      calls: number;
      /** @description Files listed in its manifest */
      files: number;
      /** @description Size of the zip in bytes */
      sizeBytes: number;
      /** @description SHA-256 (hex) of the signing key's public key (DER SPKI): compare with the published one */
      keyFingerprint: string;
      /** @description SHA-256 (hex) of the signed manifest.json */
      manifestSha256: string;
      /** @description Where to download the bundle */
      downloadUrl: string;
    };
    /** @description A collection's protected-identity register */
    IdentityRegister: {
      collection: {
        id: string;
        name: string;
      };
      /** @description Every entry, retired ones included, oldest first */
      entries: components['schemas']['ProtectedIdentity'][];
    };
    /** @description What the ingest did, file by file (the same summary as `earshot ingest`) */
    IngestResult: {
      /** @description Ingest batch (custody: who, when, which inputs) */
      batchId: string;
      /**
       * @description How the batch closed: `finished_with_rejections` when any file was refused
       * @enum {string}
       */
      status: 'finished' | 'finished_with_rejections';
      collection: {
        id: string;
        name: string;
      };
      /** @description The counts in words, as `earshot ingest` prints them */
      headline: string;
      /** @description New recordings */
      ingested: number;
      /** @description Files whose content was already in this upload or the archive */
      duplicates: number;
      /** @description Files already ingested from the same path before */
      alreadyKnown: number;
      rejected: number;
      bytesIngested: number;
      /** @description Every rejected file with its reason */
      rejections: {
        /** @description Path as uploaded (zip entries as archive.zip!/entry) */
        path: string;
        /** @description Stable reason code, e.g. not-audio, empty-file, corrupt-archive */
        code: string;
        /** @description Why, in words */
        reason: string;
      }[];
      /** @description Call-record problems (the audio was ingested) */
      metadataWarnings: string[];
      newRecordingIds: string[];
      /** @description Whether the new recordings were queued for the pipeline now */
      queued: boolean;
      /** @description What arrived */
      uploaded: {
        files: number;
        bytes: number;
      };
    };
    /** @description The code-word lexicon the analyser uses */
    Lexicon: {
      /** @description Version (hash) of the lexicon data; analysis runs record it */
      version: string;
      /** @description Every entry, by category then headword */
      entries: components['schemas']['LexiconEntry'][];
    };
    /** @description One concept of the lexicon */
    LexiconEntry: {
      /** @description Stable id of the entry (what matches carry as termId) */
      id: string;
      /** @description Headword */
      term: string;
      /** @description Dictionary forms; every inflection of them matches */
      lemmas: string[];
      /** @description Other spellings, phrases and recogniser forms */
      variants: string[];
      /**
       * @description Lexicon category
       * @enum {string}
       */
      category:
        | 'casualties_killed'
        | 'casualties_wounded'
        | 'casualties_missing'
        | 'refusal_to_fight'
        | 'desertion'
        | 'execution_or_coercion'
        | 'looting'
        | 'violence_against_civilians_or_prisoners'
        | 'prison_recruitment'
        | 'mobilisation'
        | 'supplies_and_conditions'
        | 'weapons_and_shelling'
        | 'morale'
        | 'slur_for_ukrainians'
        | 'radio_code'
        | 'irregular_units'
        | 'payments'
        | 'surrender_captivity'
        | 'self_inflicted_wound'
        | 'general';
      /** @description English gloss */
      gloss: string;
      /** @description The code number standing for the concept (200 = killed) */
      numberCode: number | null;
      /** @description Has an ordinary meaning too: matches score low unless context confirms */
      ambiguous: boolean;
      /** @description Notes on other meanings and caveats */
      ambiguity: string | null;
      /** @description Where the term is defined or attested */
      source: string[];
    };
    /** @description Calls, mentions per category and casualty counts per month */
    MonthlyTrends: {
      /** @description Every month from the first to the last dated call, in order: a month without calls is listed with 0 calls, so a chart axis runs continuously */
      months: {
        /** @description Month of the call start, YYYY-MM (UTC) */
        month: string;
        /** @description First day of the month: the recordings list filter "from" */
        from: string;
        /** @description Last day of the month: the recordings list filter "to" */
        to: string;
        /** @description Calls in the period (analysed or not) */
        calls: number;
        /** @description Calls with a current analysis */
        analysed: number;
        /** @description Confident matches, by lexicon category (categories with none left out) */
        mentions: {
          [key: string]: number;
        };
        /** @description Calls with at least one confident match, by lexicon category (categories with none left out) */
        callsWith: {
          [key: string]: number;
        };
        /** @description Casualty counts stated in the calls, summed (machine output); null where no call of the period stated one: unknown, not zero */
        casualties: {
          /** @description Sum of killed counts stated in the calls */
          killed: number | null;
          /** @description Sum of wounded counts stated in the calls */
          wounded: number | null;
          /** @description Sum of missing counts stated in the calls */
          missing: number | null;
        };
      }[];
      /** @description Calls without a start time; open them with /api/recordings?undated=true */
      undated: {
        /** @description Calls in the period (analysed or not) */
        calls: number;
        /** @description Calls with a current analysis */
        analysed: number;
        /** @description Confident matches, by lexicon category (categories with none left out) */
        mentions: {
          [key: string]: number;
        };
        /** @description Calls with at least one confident match, by lexicon category (categories with none left out) */
        callsWith: {
          [key: string]: number;
        };
        /** @description Casualty counts stated in the calls, summed (machine output); null where no call of the period stated one: unknown, not zero */
        casualties: {
          /** @description Sum of killed counts stated in the calls */
          killed: number | null;
          /** @description Sum of wounded counts stated in the calls */
          wounded: number | null;
          /** @description Sum of missing counts stated in the calls */
          missing: number | null;
        };
      };
    };
    /** @description A note on a call or segment (notes are never changed or removed) */
    Note: {
      /** @description Note id; notes are numbered in the order they were written */
      id: string;
      /** @description Recording id (UUID) */
      recordingId: string;
      /** @description The segment the note is on (null: the whole call) */
      segmentId: string | null;
      /** @description Transcript version of that segment */
      transcriptVersion: number | null;
      /** @description The note */
      text: string;
      /** @description Who wrote it */
      author: string;
      /** @description When it was written */
      createdAt: string;
    };
    /** @description Notes of a recording */
    NoteList: {
      /** @description Notes, oldest first */
      notes: components['schemas']['Note'][];
    };
    /** @description A note or attribution on a number (entries are never changed or removed) */
    NumberNote: {
      /** @description Entry id; entries are numbered in the order they were written */
      id: string;
      /** @description The collection the entry belongs to */
      collection: {
        id: string;
        name: string;
      };
      /** @description The number (E.164) */
      number: string;
      /**
       * @description A note, or an attribution of the subscriber
       * @enum {string}
       */
      kind: 'note' | 'attribution';
      /** @description The note, or what the attribution rests on */
      text: string;
      /** @description Attributions: who the subscriber is believed to be */
      subscriber: string | null;
      /** @description Attributions: where that comes from */
      source: string | null;
      /**
       * @description How sure the attribution is: low (a single unconfirmed lead), medium (one independent source confirms it), high (two or more independent sources agree); see docs/phone-numbers.md
       * @enum {string|null}
       */
      confidence: 'low' | 'medium' | 'high' | null;
      /** @description The entry this one corrects */
      supersedes: string | null;
      /** @description The entry that corrects this one (null: current) */
      supersededBy: string | null;
      /** @description Who wrote it */
      author: string;
      /** @description When it was written */
      createdAt: string;
    };
    /** @description Everything known of a phone number in your collections */
    NumberPage: {
      /** @description The number (E.164) */
      number: string;
      /** @description Calls with the number on either side, in your collections */
      totalCalls: number;
      /** @description Start of its earliest dated call */
      firstSeen: string | null;
      /** @description Start of its latest dated call */
      lastSeen: string | null;
      /** @description Its calls, oldest first (at most 500; undated last) */
      calls: {
        /** @description Recording id */
        id: string;
        collection: {
          id: string;
          name: string;
        };
        /** @description When the call started (call records), null when unknown */
        startedAt: string | null;
        /**
         * @description outgoing: the number called; incoming: it was called; self: it is on both sides
         * @enum {string}
         */
        direction: 'outgoing' | 'incoming' | 'self';
        /** @description The other side (E.164), null when unknown */
        counterpart: string | null;
        /** @description The other side as the call records wrote it */
        counterpartRaw: string | null;
        durationSeconds: number | null;
        /** @description Cell id from the call records */
        cellId: string | null;
        /** @description Location from the call records */
        locationText: string | null;
        originalFilename: string;
      }[];
      /** @description Numbers on the other side of its calls, most calls first */
      counterparts: {
        number: string;
        calls: number;
        /** @description Calls from this number to the counterpart */
        outgoing: number;
        /** @description Calls from the counterpart to this number */
        incoming: number;
        /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
        firstSeen: string | null;
        /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
        lastSeen: string | null;
      }[];
      /** @description The call graph two hops around the number (at most 20 counterparts and 40 further numbers) */
      graph: {
        nodes: {
          number: string;
          /** @description 0: this number; 1: a counterpart; 2: a counterpart of a counterpart */
          hop: number;
          calls: number;
        }[];
        edges: {
          caller: string;
          callee: string;
          calls: number;
        }[];
      };
      /** @description Cell ids and locations the call records give for its calls */
      cells: {
        cellId: string | null;
        locationText: string | null;
        calls: number;
        /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
        firstSeen: string | null;
        /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
        lastSeen: string | null;
      }[];
      /** @description Places the current analysis found in its calls (machine) */
      places: {
        placeId: string;
        nameEn: string;
        nameRu: string | null;
        country: string | null;
        lat: number | null;
        lon: number | null;
        mentions: number;
        calls: number;
      }[];
      /** @description People the current analysis found in its calls (machine) */
      persons: {
        name: string;
        mentions: number;
        calls: number;
      }[];
      /** @description Calls in whose transcript the number is spoken (current analysis, machine) */
      spoken: {
        recordingId: string;
        collectionName: string;
        /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
        startedAt: string | null;
        callerNumber: string | null;
        calleeNumber: string | null;
        segmentId: string;
        /** @description The words that were read as this number */
        surface: string;
        confidence: number;
      }[];
      /** @description Notes and attributions in your collections, oldest first */
      notes: components['schemas']['NumberNote'][];
    };
    /** @description Pipeline progress over all calls */
    PipelineStatus: {
      /** @description Calls in the archive */
      recordings: number;
      /** @description Whether anything is pending or running (poll again while true) */
      active: boolean;
      stages: {
        /** @description Pipeline stage, in pipeline order */
        stage: string;
        done: number;
        /** @description Held by a worker right now */
        running: number;
        /** @description Queued to run */
        pending: number;
        /** @description Waiting for a model to be installed (not failed) */
        waiting: number;
        /** @description Failed after every attempt; see failures for reasons */
        failed: number;
        /** @description Calls that have not reached this stage yet */
        missing: number;
      }[];
      /** @description Failed runs grouped by stage and reason */
      failures: {
        stage: string;
        /** @description The error of the last attempt, shared by every call in the group */
        reason: string;
        /** @description Calls that failed for this reason */
        count: number;
        /** @description The calls (at most 100; count says how many in all) */
        calls: {
          /** @description Recording id */
          id: string;
          /** @description File name as ingested */
          originalFilename: string;
        }[];
      }[];
      /** @description Waiting runs grouped by stage and model */
      waits: {
        stage: string;
        /** @description The model the runs wait for */
        model: string;
        /** @description The command that installs it; the runs then go on by themselves */
        command: string;
        count: number;
        /** @description The calls (at most 100; count says how many in all) */
        calls: {
          /** @description Recording id */
          id: string;
          /** @description File name as ingested */
          originalFilename: string;
        }[];
      }[];
      /** @description Workers that stopped heart-beating while holding runs (as `earshot status` lists them) */
      silentWorkers: {
        /** @description hostname:pid of the worker */
        worker: string;
        /** @description Its last heartbeat */
        lastHeartbeat: string;
        /** @description Runs it still holds as running */
        runs: number;
      }[];
      /** @description Estimate from the durations of recent stage runs and the work left */
      eta: {
        /** @description Estimated seconds until nothing is pending or running; null: too little data */
        seconds: number | null;
        /** @description The seconds leave out stages not yet timed (too few finished runs): it takes longer */
        lowerBound: boolean;
        /** @description What the estimate rests on, or why there is none */
        basis: string;
        /** @description Stage runs still to do */
        remainingRuns: number;
      };
      /** @description Whether this server runs a job queue, so that POST /api/pipeline/retry can queue work */
      canRetry: boolean;
      /** @description When a stage run last finished */
      lastFinishedAt: string | null;
    };
    /** @description Places mentioned in the current analyses of the calls */
    PlaceTrends: {
      /** @description Places, most calls first */
      places: {
        /** @description Gazetteer id (GeoNames); open its calls with /api/recordings?place=<id> */
        id: string;
        /** @description English name */
        nameEn: string;
        /** @description Russian name */
        nameRu: string;
        /** @description Latitude (WGS 84) */
        lat: number;
        /** @description Longitude (WGS 84) */
        lon: number;
        /** @description ISO 3166-1 alpha-2 country code */
        country: string;
        /** @description Times the place is mentioned */
        mentions: number;
        /** @description Calls that mention it */
        calls: number;
      }[];
    };
    /** @description What ffprobe found in the original */
    ProbeSummary: {
      /** @description Container format as ffprobe names it */
      container: string | null;
      /** @description Audio codec as ffprobe names it */
      codec: string | null;
      /** @description Sample rate in Hz */
      sampleRate: number | null;
      /** @description Number of audio channels */
      channels: number | null;
      /** @description Duration of the audio */
      durationSeconds: number | null;
      /** @description Bit rate in bits per second */
      bitRate: number | null;
    };
    /** @description An entry of the protected-identity register */
    ProtectedIdentity: {
      /** @description Entry id */
      id: string;
      /** @description Collection id (UUID) */
      collectionId: string;
      /**
       * @description What is protected
       * @enum {string}
       */
      kind: 'person' | 'call_sign' | 'phone' | 'unit' | 'place' | 'cell_id' | 'voice';
      /** @description The identity as entered; phone numbers in E.164 */
      label: string;
      /** @description What an export says instead: stable within the collection */
      pseudonym: string;
      /** @description Names the entry had before, oldest first (never reused) */
      formerPseudonyms: string[];
      /** @description Name parts (persons only) */
      person: {
        firstName: string | null;
        patronymic: string | null;
        surname: string | null;
        /** @enum {string|null} */
        gender: 'male' | 'female' | null;
      } | null;
      /** @description Nicknames, diminutives, spellings, other-language names */
      otherNames: string[];
      /** @description The speaker lane whose voice is protected (voices only) */
      voice: {
        recordingId: string;
        lane: string;
      } | null;
      /** @description Where the entry came from */
      source: {
        /** @enum {string} */
        kind: 'hand' | 'analysis';
        /** @description The call whose analysis found it */
        recordingId: string | null;
        /** @description The analysis entity it was made from */
        entityId: string | null;
      };
      addedBy: string;
      /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
      addedAt: string;
      /** @description Set when the entry is no longer protected; the entry is kept */
      retired: {
        /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
        at: string;
        by: string;
        reason: string;
      } | null;
    };
    /** @description A recording's current analysis: latest run on its latest transcript version (machine output) */
    RecordingAnalysis: {
      /** @description Analysis run id (UUID); runs are write-once */
      runId: string;
      /** @description Transcript version analysed (null: the recording had none) */
      transcriptId: string | null;
      /** @description Version number of that transcript */
      transcriptVersion: number | null;
      /** @description When the analysis was made */
      createdAt: string;
      /** @description Which worker made it */
      createdBy: string;
      /** @description Version (hash) of the lexicon data used */
      lexiconVersion: string;
      /** @description Version of the matching and scoring rules used */
      analyserVersion: string;
      /** @description Version of the meaning classifier used (null: analysed before there was one) */
      classifierVersion: string | null;
      /** @description Which translation rows of the transcript existed when it was analysed */
      translation: {
        [key: string]: unknown;
      };
      /** @description Language verdict for the call, and per segment */
      language: {
        /**
         * @description ru, uk, mixed (both in one call or segment) or unknown (too little text to tell)
         * @enum {string}
         */
        code: 'ru' | 'uk' | 'mixed' | 'unknown';
        /** @description False when some segments are in a language the lexicon does not cover (flags may be missed) */
        lexiconCovers: boolean;
        /** @description Segments in a language the lexicon does not cover */
        uncoveredSegments: number;
        /** @description Each segment's verdict, keyed by segment id */
        segments: {
          [key: string]: {
            /**
             * @description ru, uk, mixed (both in one call or segment) or unknown (too little text to tell)
             * @enum {string}
             */
            code: 'ru' | 'uk' | 'mixed' | 'unknown';
            /** @description Whether the lexicon's code words cover this language */
            lexiconCovers: boolean;
            /** @description Why the verdict is uncertain, when it is */
            note?: string;
          };
        };
      };
      /** @description From words (lexicon): confident matches per category (categories without a match are left out) */
      counts: {
        [key: string]: number;
      };
      /** @description From meaning (classifier, machine judgement): segments per category the classifier flags at confidence 0.5 or more where no lexicon word of the category does (what meaning adds to counts) */
      meaningCounts: {
        [key: string]: number;
      };
      casualties: components['schemas']['Casualties'];
      /** @description Triage score and its explanation */
      triage: {
        /** @description 0 to 100 */
        score: number;
        /** @description Why the call ranks where it does, in sentences that say which flags came from words (lexicon) and which from meaning (classifier) */
        reasons: string[];
      };
      /** @description From words (lexicon): matches in segment order, then by offset */
      matches: components['schemas']['TermMatch'][];
      /** @description From meaning (classifier): flags in segment order, then by category */
      meaning: {
        /** @description Transcript segment the flag is on */
        segmentId: string;
        /** @description Category the classifier sees in the segment */
        category: string;
        /** @description Calibrated probability 0 to 1 that the segment is of the category */
        confidence: number;
        /**
         * @description Always classifier: a machine judgement of meaning, not a word found
         * @enum {string}
         */
        source: 'classifier';
        /** @description Whether a lexicon word of the same category is in the segment (words and meaning agree) */
        lexiconAgrees: boolean;
        /** @description The phrases that weighed most, heaviest first */
        phrases: {
          /** @description Start offset in the segment text (UTF-16 code units, inclusive) */
          start: number;
          /** @description End offset in the segment text (UTF-16 code units, exclusive) */
          end: number;
          /** @description The phrase as it appears in the segment */
          surface: string;
          /** @description How much the phrase pushed the classifier towards the flag (> 0; larger weighs more) */
          weight: number;
        }[];
      }[];
      /** @description Entities in segment order, then by offset */
      entities: components['schemas']['Entity'][];
    };
    /** @description Everything known about one recording */
    RecordingDetail: {
      /** @description Recording id (UUID) */
      id: string;
      collection: {
        /** @description Collection id (UUID) */
        id: string;
        /** @description Collection name */
        name: string;
        /** @description The demo collection: its transcripts and translations come from the small demo models, which read synthetic voices only */
        demoModels: boolean;
      };
      /** @description File name of the first source this recording was received from */
      originalFilename: string;
      /** @description SHA-256 of the original, hex */
      sha256: string;
      /** @description Size of the original in bytes */
      sizeBytes: number;
      probe: components['schemas']['ProbeSummary'];
      call: components['schemas']['CallMetadata'];
      /** @description Pipeline stage status, one entry per stage that has run or is queued */
      stages: components['schemas']['StageRun'][];
      /** @description When Earshot first stored this recording */
      createdAt: string;
      /** @description Where to fetch the original (supports HTTP range requests) */
      originalAudioUrl: string;
      /** @description Channels of the original, with their working copies */
      channels: components['schemas']['Channel'][];
      /** @description Every working copy, by channel */
      workingCopies: components['schemas']['WorkingCopy'][];
      /** @description Provenance: every place this file was received from */
      sources: components['schemas']['RecordingSource'][];
      /** @description Custody events in the order they were appended */
      custody: components['schemas']['CustodyEvent'][];
      /** @description Files whose bytes did not match their SHA-256 and were moved out of the store */
      quarantined: {
        /**
         * @description Which file
         * @enum {string}
         */
        kind: 'original' | 'working copy';
        /** @description Its path in the store */
        path: string;
        /** @description The SHA-256 recorded when it was stored */
        expectedSha256: string;
        /** @description The SHA-256 its bytes had when they were moved out */
        foundSha256: string;
        /** @description When `earshot verify-store --quarantine` moved it */
        quarantinedAt: string;
        /** @description What happened and the command that restores it */
        message: string;
      }[];
    };
    /** @description A page of recordings */
    RecordingList: {
      /** @description This page of recordings */
      items: components['schemas']['RecordingListItem'][];
      /** @description How many recordings match the filters, over all pages */
      total: number;
      /** @description Page size used */
      limit: number;
      /** @description How many matching recordings were skipped */
      offset: number;
    };
    /** @description A recording in the list, with its analysis summary */
    RecordingListItem: {
      /** @description Recording id (UUID) */
      id: string;
      collection: {
        /** @description Collection id (UUID) */
        id: string;
        /** @description Collection name */
        name: string;
        /** @description The demo collection: its transcripts and translations come from the small demo models, which read synthetic voices only */
        demoModels: boolean;
      };
      /** @description File name of the first source this recording was received from */
      originalFilename: string;
      /** @description SHA-256 of the original, hex */
      sha256: string;
      /** @description Size of the original in bytes */
      sizeBytes: number;
      probe: components['schemas']['ProbeSummary'];
      call: components['schemas']['CallMetadata'];
      /** @description Pipeline stage status, one entry per stage that has run or is queued */
      stages: components['schemas']['StageRun'][];
      /** @description When Earshot first stored this recording */
      createdAt: string;
      /** @description Current analysis of the latest transcript version; null until analysed */
      analysis: components['schemas']['AnalysisSummary'] | null;
      /** @description Speaker lanes in the latest transcript version (0 when there is no transcript) */
      lanes: number;
      /**
       * @description Where the call's verification case file stands (unverified without one)
       * @enum {string}
       */
      verificationStatus:
        | 'unverified'
        | 'number_attributed'
        | 'identity_corroborated'
        | 'context_confirmed'
        | 'verified'
        | 'disputed'
        | 'rejected';
      /** @description Languages of the segments of the latest transcript version, most segments first (empty when there is no transcript) */
      languages: string[];
    };
    /** @description One place this exact file was received from (duplicates keep every source) */
    RecordingSource: {
      /** @description Source id (UUID) */
      id: string;
      /** @description Path as given at ingest (archive path + "!/" + entry for archive members) */
      sourcePath: string;
      /** @description Archive the file came from, if any */
      archivePath: string | null;
      /** @description Entry name inside that archive */
      archiveEntry: string | null;
      /** @description Size of the source file in bytes */
      sizeBytes: number;
      /** @description Modification time of the source file */
      modifiedAt: string | null;
      /** @description When Earshot received it */
      receivedAt: string;
      collection: components['schemas']['CollectionRef'];
      /** @description The ingest run that received it */
      batch: {
        /** @description Ingest batch id (UUID) */
        id: string;
        /** @description Who ran the ingest */
        actor: string;
        /** @description When the ingest started */
        startedAt: string;
      };
    };
    /**
     * @description admin: everything, every collection; editor: everything on granted collections but users and the audit log; reviewer: read, notes, sign off; transcriber: read, correct transcripts, notes; viewer: read only
     * @enum {string}
     */
    Role: 'admin' | 'editor' | 'reviewer' | 'transcriber' | 'viewer';
    /**
     * @description admin: everything, every collection; editor: everything on granted collections but users and the audit log; reviewer: read, notes, sign off; transcriber: read, correct transcripts, notes; viewer: read only
     * @enum {string}
     */
    RoleInput: 'admin' | 'editor' | 'reviewer' | 'transcriber' | 'viewer';
    /** @description One matching segment */
    SearchHit: {
      /** @description Recording id (UUID) */
      recordingId: string;
      /** @description Transcript segment id (open the call at this segment) */
      segmentId: string;
      /** @description Transcript version the segment belongs to (the current one) */
      transcriptVersion: number;
      /** @description Segment start, seconds from the start of the recording */
      start: number;
      /** @description Segment end, seconds from the start of the recording */
      end: number;
      /** @description Speaker lane of the segment (e.g. "channel-0") */
      lane: string;
      /** @description Speaker name or label, when known */
      speaker: string | null;
      /**
       * @description Where the words were found: the transcript, or its machine translation into English
       * @enum {string}
       */
      source: 'transcript' | 'translation';
      /** @description ts_rank relevance (higher is better; exact word forms weigh more than stems) */
      rank: number;
      /** @description Keyword in context: the text around the match, matches marked */
      snippet: {
        /** @description A piece of the segment text (or its translation) */
        text: string;
        /** @description Whether this piece is what the query found */
        match: boolean;
      }[];
      /** @description The call the segment belongs to */
      recording: {
        /** @description When the call started (UTC) */
        callStartedAt: string | null;
        /** @description Caller number (E.164) */
        callerNumber: string | null;
        /** @description Callee number (E.164) */
        calleeNumber: string | null;
        collection: components['schemas']['CollectionRef'];
      };
    };
    /** @description Search results over transcripts and translations */
    SearchResults: {
      /** @description How many segments match (a lower bound when totalIsLowerBound) */
      total: number;
      /** @description True when the query matches more segments than are ranked; narrow it or add filters */
      totalIsLowerBound: boolean;
      /** @description This page of hits, best first */
      hits: components['schemas']['SearchHit'][];
    };
    /** @description Who is signed in */
    Session: {
      /** @description The signed-in user */
      name: string;
      /**
       * @description Their role
       * @enum {string}
       */
      role: 'admin' | 'editor' | 'reviewer' | 'transcriber' | 'viewer';
      /** @description Send it in the x-earshot-csrf header of every POST, PUT, PATCH and DELETE */
      csrfToken: string;
      /** @description Ids of the collections this user may see ("all" for an admin) */
      collections: 'all' | string[];
    };
    /** @description Status of one pipeline stage for one recording */
    StageRun: {
      /** @description Pipeline stage name, e.g. "decode" */
      stage: string;
      status: components['schemas']['StageStatus'];
      /** @description How many times the stage has been tried */
      attempts: number;
      /** @description Why the last attempt failed (null unless failed) */
      error: string | null;
      /** @description The model this stage waits for (null unless waiting); `earshot models install NAME` installs it */
      waitingForModel: string | null;
      /** @description When the last attempt started */
      startedAt: string | null;
      /** @description When the last attempt finished */
      finishedAt: string | null;
      /** @description Last change of this status */
      updatedAt: string;
    };
    /**
     * @description pending: waiting to run; running: a worker holds it; done; failed: see error; waiting: its model is not installed (waitingForModel names it); it runs once the model is installed
     * @enum {string}
     */
    StageStatus: 'pending' | 'running' | 'done' | 'failed' | 'waiting';
    /**
     * @description pending: waiting to run; running: a worker holds it; done; failed: see error; waiting: its model is not installed (waitingForModel names it); it runs once the model is installed
     * @enum {string}
     */
    StageStatusInput: 'pending' | 'running' | 'done' | 'failed' | 'waiting';
    /** @description From words (lexicon): a code word or term found in the transcript */
    TermMatch: {
      /** @description Transcript segment the span is in */
      segmentId: string;
      /** @description Start offset in the segment text (UTF-16 code units, inclusive) */
      start: number;
      /** @description End offset in the segment text (UTF-16 code units, exclusive) */
      end: number;
      /** @description The text as it appears in the segment */
      surface: string;
      /** @description 0 to 1; ambiguous words without confirming context score low */
      confidence: number;
      /** @description Which rule fired */
      rule: string;
      /** @description Stable id of the lexicon entry */
      termId: string;
      /** @description Headword of the lexicon entry */
      term: string;
      /** @description Lexicon category */
      category: string;
      /** @description English gloss */
      gloss: string;
      /** @description Casualty count attached to the match, if any */
      count: number | null;
    };
    /** @description One transcript version with its segments and translations */
    Transcript: {
      transcript: components['schemas']['TranscriptVersion'];
      /** @description Whether this is the newest version */
      isLatest: boolean;
      /** @description Whether this is the current version (only the current one can be corrected) */
      isCurrent: boolean;
      /** @description Segments in spoken order */
      segments: components['schemas']['TranscriptSegment'][];
    };
    /** @description Differences between two transcript versions */
    TranscriptDiff: {
      from: components['schemas']['TranscriptVersion'];
      to: components['schemas']['TranscriptVersion'];
      /** @description Counts of each kind of change */
      summary: {
        /** @description Segments only in the newer version */
        added: number;
        /** @description Segments only in the older version */
        removed: number;
        /** @description Segments with a different text, lane, speaker or boundaries */
        changed: number;
        /** @description Segments that are the same */
        unchanged: number;
      };
      /** @description Segment changes in the newer version’s order */
      changes: {
        /**
         * @description Kind of change
         * @enum {string}
         */
        type: 'added' | 'removed' | 'changed' | 'unchanged';
        /** @description The segment in the older version (null when added) */
        from: {
          /** @description Segment id */
          id: string;
          /** @description Position in its version */
          position: number;
          /** @description Audio channel */
          channel: number;
          /** @description Speaker lane */
          lane: string;
          /** @description Speaker */
          speaker: string | null;
          /** @description Start, seconds */
          start: number;
          /** @description End, seconds */
          end: number;
          /** @description Text */
          text: string;
        } | null;
        /** @description The segment in the newer version (null when removed) */
        to: {
          /** @description Segment id */
          id: string;
          /** @description Position in its version */
          position: number;
          /** @description Audio channel */
          channel: number;
          /** @description Speaker lane */
          lane: string;
          /** @description Speaker */
          speaker: string | null;
          /** @description Start, seconds */
          start: number;
          /** @description End, seconds */
          end: number;
          /** @description Text */
          text: string;
        } | null;
        /** @description The words differ */
        textChanged: boolean;
        /** @description The lane or channel differs */
        laneChanged: boolean;
        /** @description The speaker differs */
        speakerChanged: boolean;
        /** @description Start or end moved */
        boundariesChanged: boolean;
        /** @description Word-level diff of the text (empty unless textChanged) */
        words: {
          /**
           * @description Kept, taken out, or put in
           * @enum {string}
           */
          op: 'equal' | 'delete' | 'insert';
          /** @description The words of this run */
          text: string;
        }[];
      }[];
    };
    /** @description A transcript segment */
    TranscriptSegment: {
      /** @description Segment id */
      id: string;
      /** @description Position in spoken order, from 0 */
      position: number;
      /** @description Audio channel the segment was heard on */
      channel: number;
      /** @description Speaker lane (a channel, or a diarised speaker) */
      lane: string;
      /** @description Speaker name or label, when known */
      speaker: string | null;
      /** @description Start, seconds from the start of the recording */
      start: number;
      /** @description End, seconds from the start of the recording */
      end: number;
      /** @description What was said */
      text: string;
      /** @description Language of the segment */
      language: string | null;
      /** @description Recogniser confidence 0..1; null for text a person wrote */
      confidence: number | null;
      /** @description Word timings; words a person changed have estimated timings (estimated: true) */
      words: components['schemas']['Word'][];
      /** @description For corrected versions: the segment of the base version this one was edited from */
      sourceSegmentId: string | null;
      /** @description English translation, null when none yet */
      translation: {
        /** @description The translation shown (the base of a correction of the English) */
        translationId: string;
        /**
         * @description machine: machine translation; human: a person corrected the English (createdBy)
         * @enum {string}
         */
        kind: 'machine' | 'human';
        /** @description Who corrected the English (human translations) */
        createdBy: string | null;
        /** @description Quality estimate of a machine translation, made from the Russian and the English alone */
        quality: {
          /** @description True when a check failed: the desk marks the English "check this translation". Never set for English a person wrote */
          doubtful: boolean;
          /** @description Which checks failed: empty English, Cyrillic English, length far from the Russian, a looping output, a number the Russian does not say, a person or place the English leaves out (docs/models.md) */
          issues: ('empty' | 'not-english' | 'length' | 'repetition' | 'numbers' | 'names')[];
        };
        /** @description English text (null when the language is not covered) */
        text: string | null;
        /**
         * @description Whether the segment could be translated
         * @enum {string}
         */
        status: 'translated' | 'empty-source' | 'unsupported-language';
        /** @description Translation engine (machine output) */
        engine: string;
        /** @description Translation model */
        model: string | null;
        /** @description SHA-256 of the translation model's file, as the translate stage recorded it */
        modelSha256: string | null;
        /** @description True when the English was made for different words: the segment was corrected since and has not been translated again */
        stale: boolean;
      } | null;
    };
    /** @description One transcript version */
    TranscriptVersion: {
      /** @description Transcript id (UUID) */
      id: string;
      /** @description Version number, 1 for the first; each correction adds one */
      version: number;
      /**
       * @description machine: made by a recogniser (machine output); human: a person corrected it
       * @enum {string}
       */
      kind: 'machine' | 'human';
      /** @description The version a human correction started from */
      basedOnVersion: number | null;
      /** @description Who made it: the person, or the worker that ran the recogniser */
      createdBy: string;
      /** @description When it was saved */
      createdAt: string;
      /** @description Recogniser model (machine versions) */
      model: string | null;
      /** @description SHA-256 of each model file (machine versions) */
      modelFiles: {
        [key: string]: string;
      };
      /** @description Decoding and VAD settings (machine versions) */
      decoding: {
        [key: string]: unknown;
      };
      /** @description Language of the transcript (e.g. "ru") */
      language: string | null;
      /** @description The version the desk shows and corrects and that translation, analysis and search follow: the newest, except that a machine version made while a person’s version is current waits for a decision */
      isCurrent: boolean;
    };
    /** @description Transcript versions of a recording */
    TranscriptVersionList: {
      /** @description Every version, oldest first */
      versions: components['schemas']['TranscriptVersion'][];
      /** @description A machine version made after the current human correction and waiting for a person to adopt it or keep the correction; null when none */
      newerMachineVersion: number | null;
    };
    /** @description What one upload may hold */
    UploadLimits: {
      /** @description Largest upload, all files together (EARSHOT_UPLOAD_MAX_BYTES) */
      maxBytes: number;
      /** @description Most files in one upload (EARSHOT_UPLOAD_MAX_FILES) */
      maxFiles: number;
      /** @description Whether new recordings are queued for the pipeline at once (a job queue runs here) */
      schedules: boolean;
    };
    /** @description A user account, its role and the collections granted to it */
    User: {
      /** @description User id (UUID) */
      id: string;
      /** @description Sign-in name */
      name: string;
      role: components['schemas']['Role'];
      /** @description When the account was created */
      createdAt: string;
      /** @description When the account was disabled (null: it may sign in) */
      disabledAt: string | null;
      /** @description Whether the role sees every collection (admins), grants or not */
      allCollections: boolean;
      /** @description Collections granted to the user, by name */
      grants: {
        /** @description Collection id (UUID) */
        collectionId: string;
        /** @description Collection name */
        collectionName: string;
        /** @description Who granted it */
        grantedBy: string;
        /** @description When */
        grantedAt: string;
      }[];
    };
    /** @description Users */
    UserList: {
      /** @description Every user, by name */
      items: components['schemas']['User'][];
    };
    /** @description A word with its timing: recognised, aligned to the audio after an edit, or estimated */
    Word: {
      /** @description The word */
      w: string;
      /** @description Start, seconds from the start of the recording */
      start: number;
      /** @description End, seconds from the start of the recording */
      end: number;
      /** @description Recogniser confidence 0..1 (null when not given) */
      conf: number | null;
      /** @description True when the timing was interpolated after a person edited the text (the recogniser did not measure it) */
      estimated?: boolean;
      /** @description True when the timing was found by aligning the edited text to the audio with the recogniser model (CTC forced alignment) */
      aligned?: boolean;
    };
    /** @description A 16 kHz mono WAV working copy of one channel (machine-made, rebuildable from the original) */
    WorkingCopy: {
      /** @description Channel of the original this working copy holds */
      channel: number;
      /** @description SHA-256 of the working copy, hex (also its ETag) */
      sha256: string;
      /** @description Size of the working copy in bytes */
      sizeBytes: number;
      /** @description Sample rate of the working copy in Hz */
      sampleRate: number;
      /** @description Duration of the working copy */
      durationSeconds: number | null;
      /** @description Pipeline stage that made it */
      stage: string;
      /** @description Versions of the tools that made it */
      toolVersions: {
        [key: string]: unknown;
      };
      /** @description When it was made */
      createdAt: string;
      /** @description Where to fetch it (supports HTTP range requests) */
      audioUrl: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  postSignIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Sign in with name and password */
    requestBody: {
      content: {
        'application/json': {
          /** @description User name (case does not matter) */
          name: string;
          /** @description Password */
          password: string;
        };
      };
    };
    responses: {
      /** @description Who is signed in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many failed sign-ins: the Retry-After header says when */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Who is signed in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSignOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSignOutEverywhere: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every session of the user has ended */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Sessions ended, this one included */
            endedSessions: number;
          };
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Health of the server */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @description ok when the database answers
             * @enum {string}
             */
            status: 'ok' | 'unavailable';
            /** @description Database state */
            database: {
              /** @description Whether the database answered */
              reachable: boolean;
              /** @description PostgreSQL server version */
              serverVersion: string | null;
              /** @description Schema migrations applied, in order */
              migrations: string[];
            };
            /** @description Versions of Earshot, Node and the media tools */
            versions: {
              [key: string]: string;
            };
            /** @description What is stored (null when the database is unreachable, or for a user who does not see every collection) */
            counts: {
              /** @description Collections */
              collections: number;
              /** @description Recordings (unique originals) */
              recordings: number;
              /** @description Source paths the recordings were received from */
              sources: number;
              /** @description Inputs rejected at ingest */
              rejections: number;
              /** @description Custody events */
              custodyEvents: number;
              /** @description Working copies (one per channel) */
              workingCopies: number;
              /** @description Stage runs by status */
              stageRuns: {
                [key: string]: number;
              };
            } | null;
            /** @description The last store verification (null when the store was never verified, or for a user who does not see every collection) */
            store: {
              /** @description When `earshot verify-store` last finished (ISO 8601) */
              lastVerifiedAt: string;
              /** @description The collection it covered (null: the whole store) */
              collection: string | null;
              /** @description Whether every original and working copy matched its recorded SHA-256 */
              ok: boolean;
              /** @description Files that were changed or missing */
              problems: number;
              /** @description Files moved into quarantine (their bytes did not match) and not restored since: not served */
              quarantined: {
                /** @description The recording the file belongs to */
                recordingId: string;
                /**
                 * @description Which file
                 * @enum {string}
                 */
                kind: 'original' | 'working copy';
                /** @description When it was moved out of the store (ISO 8601) */
                quarantinedAt: string;
                /** @description Where its bytes are kept, relative to the data folder */
                quarantinePath: string;
              }[];
            } | null;
          };
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Health of the server */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @description ok when the database answers
             * @enum {string}
             */
            status: 'ok' | 'unavailable';
            /** @description Database state */
            database: {
              /** @description Whether the database answered */
              reachable: boolean;
              /** @description PostgreSQL server version */
              serverVersion: string | null;
              /** @description Schema migrations applied, in order */
              migrations: string[];
            };
            /** @description Versions of Earshot, Node and the media tools */
            versions: {
              [key: string]: string;
            };
            /** @description What is stored (null when the database is unreachable, or for a user who does not see every collection) */
            counts: {
              /** @description Collections */
              collections: number;
              /** @description Recordings (unique originals) */
              recordings: number;
              /** @description Source paths the recordings were received from */
              sources: number;
              /** @description Inputs rejected at ingest */
              rejections: number;
              /** @description Custody events */
              custodyEvents: number;
              /** @description Working copies (one per channel) */
              workingCopies: number;
              /** @description Stage runs by status */
              stageRuns: {
                [key: string]: number;
              };
            } | null;
            /** @description The last store verification (null when the store was never verified, or for a user who does not see every collection) */
            store: {
              /** @description When `earshot verify-store` last finished (ISO 8601) */
              lastVerifiedAt: string;
              /** @description The collection it covered (null: the whole store) */
              collection: string | null;
              /** @description Whether every original and working copy matched its recorded SHA-256 */
              ok: boolean;
              /** @description Files that were changed or missing */
              problems: number;
              /** @description Files moved into quarantine (their bytes did not match) and not restored since: not served */
              quarantined: {
                /** @description The recording the file belongs to */
                recordingId: string;
                /**
                 * @description Which file
                 * @enum {string}
                 */
                kind: 'original' | 'working copy';
                /** @description When it was moved out of the store (ISO 8601) */
                quarantinedAt: string;
                /** @description Where its bytes are kept, relative to the data folder */
                quarantinePath: string;
              }[];
            } | null;
          };
        };
      };
    };
  };
  getCollections: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Collections */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Every collection the user may see, by name */
            items: {
              /** @description Collection id (UUID) */
              id: string;
              /** @description Collection name, unique */
              name: string;
              /** @description Free-text description */
              description: string | null;
              /** @description Number of recordings in the collection */
              recordingCount: number;
              /** @description When the collection was created */
              createdAt: string;
            }[];
          };
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordings: {
    parameters: {
      query?: {
        /** @description Only recordings in this collection (UUID) */
        collectionId?: string;
        /** @description Only recordings in the collection with this name */
        collection?: string;
        /** @description Only calls that started at or after this time; a bare date means its start (UTC) */
        from?: string;
        /** @description Only calls that started at or before this time; a bare date includes that whole day (UTC) */
        to?: string;
        /** @description true: only calls with no known start time (the trend charts count them apart); false: only calls with one */
        undated?: 'true' | 'false';
        /** @description Caller or callee number: a whole number in any format matches exactly (+79161234567, 8 916 123-45-67); the start of an international number matches numbers that begin so (+7916); otherwise at least 3 digits match anywhere in the number */
        phone?: string;
        /** @description Only calls from this number (E.164, exact); with callee, one edge of the call graph */
        caller?: string;
        /** @description Only calls to this number (E.164, exact) */
        callee?: string;
        /** @description Only recordings with a run of this pipeline stage (combine with status) */
        stage?: string;
        /** @description Only recordings whose stage (or, without stage, any stage) has this status */
        status?: components['schemas']['StageStatusInput'];
        /** @description Only calls whose case file is at this verification status (no case file: unverified) */
        verification?:
          | 'unverified'
          | 'number_attributed'
          | 'identity_corroborated'
          | 'context_confirmed'
          | 'verified'
          | 'disputed'
          | 'rejected';
        /** @description Where the call metadata came from: sidecar file, file name, or none */
        metadataOrigin?: 'sidecar' | 'filename' | 'none';
        /** @description Only calls whose current analysis has a confident match in this lexicon category */
        category?:
          | 'casualties_killed'
          | 'casualties_wounded'
          | 'casualties_missing'
          | 'refusal_to_fight'
          | 'desertion'
          | 'execution_or_coercion'
          | 'looting'
          | 'violence_against_civilians_or_prisoners'
          | 'prison_recruitment'
          | 'mobilisation'
          | 'supplies_and_conditions'
          | 'weapons_and_shelling'
          | 'morale'
          | 'slur_for_ukrainians'
          | 'radio_code'
          | 'irregular_units'
          | 'payments'
          | 'surrender_captivity'
          | 'self_inflicted_wound'
          | 'general';
        /** @description Only calls whose current analysis mentions this place: a gazetteer (GeoNames) id, or its name in Russian, Ukrainian or English, in any usual romanisation (Бахмут, Bakhmut; Kharkiv, Kharkov) */
        place?: string;
        /** @description Only calls whose current analysis names this person: each word of the name (any case) in either script («Соколов», Sokolov) */
        person?: string;
        /** @description Only calls with this tag, on the call or one of its segments (any case) */
        tag?: string;
        /** @description true: only calls you starred (the call or one of its segments); false: only calls you have not. Your stars only: nobody else's */
        starred?: 'true' | 'false';
        /** @description Only calls whose current analysis has at least this triage score (0 to 100) */
        minTriage?: number;
        /** @description Sort by call start time, by when Earshot stored the recording, or by triage score (calls to hear first); missing call times and unanalysed calls sort last */
        sort?: 'call_started_at' | 'created_at' | 'triage';
        /** @description Sort direction */
        order?: 'asc' | 'desc';
        /** @description Page size, 1 to 200 */
        limit?: number;
        /** @description How many matching recordings to skip */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of recordings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordingList'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Everything known about one recording */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordingDetail'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdCustody: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Chain of custody of one recording */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Custody'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdAudioOriginal: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag received before: 304 with no body when the bytes are unchanged */
        'if-none-match'?: string;
        /** @description One byte range (bytes=0-99, bytes=100-, bytes=-500): 206 with those bytes */
        range?: string;
        /** @description An ETag: the Range is honoured only while the bytes still have it, else 200 with all */
        'if-range'?: string;
      };
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole file */
      200: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/*': string;
        };
      };
      /** @description The requested byte range */
      206: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/*': string;
        };
      };
      /** @description Not modified (If-None-Match matched the ETag) */
      304: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Range Not Satisfiable */
      416: {
        headers: {
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The stored file does not match its recorded SHA-256, or was quarantined for that reason: not served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  headRecordingsByIdAudioOriginal: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag received before: 304 with no body when the bytes are unchanged */
        'if-none-match'?: string;
        /** @description One byte range (bytes=0-99, bytes=100-, bytes=-500): 206 with those bytes */
        range?: string;
        /** @description An ETag: the Range is honoured only while the bytes still have it, else 200 with all */
        'if-range'?: string;
      };
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole file */
      200: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/*': string;
        };
      };
      /** @description The requested byte range */
      206: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/*': string;
        };
      };
      /** @description Not modified (If-None-Match matched the ETag) */
      304: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Range Not Satisfiable */
      416: {
        headers: {
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The stored file does not match its recorded SHA-256, or was quarantined for that reason: not served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdAudioWorking: {
    parameters: {
      query?: {
        /** @description Channel of the original whose working copy to send (0-based) */
        channel?: number;
      };
      header?: {
        /** @description An ETag received before: 304 with no body when the bytes are unchanged */
        'if-none-match'?: string;
        /** @description One byte range (bytes=0-99, bytes=100-, bytes=-500): 206 with those bytes */
        range?: string;
        /** @description An ETag: the Range is honoured only while the bytes still have it, else 200 with all */
        'if-range'?: string;
      };
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole file */
      200: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/wav': string;
        };
      };
      /** @description The requested byte range */
      206: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/wav': string;
        };
      };
      /** @description Not modified (If-None-Match matched the ETag) */
      304: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Range Not Satisfiable */
      416: {
        headers: {
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The stored file does not match its recorded SHA-256, or was quarantined for that reason: not served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  headRecordingsByIdAudioWorking: {
    parameters: {
      query?: {
        /** @description Channel of the original whose working copy to send (0-based) */
        channel?: number;
      };
      header?: {
        /** @description An ETag received before: 304 with no body when the bytes are unchanged */
        'if-none-match'?: string;
        /** @description One byte range (bytes=0-99, bytes=100-, bytes=-500): 206 with those bytes */
        range?: string;
        /** @description An ETag: the Range is honoured only while the bytes still have it, else 200 with all */
        'if-range'?: string;
      };
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole file */
      200: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/wav': string;
        };
      };
      /** @description The requested byte range */
      206: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/wav': string;
        };
      };
      /** @description Not modified (If-None-Match matched the ETag) */
      304: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Range Not Satisfiable */
      416: {
        headers: {
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The stored file does not match its recorded SHA-256, or was quarantined for that reason: not served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdAudioWorkingPeaks: {
    parameters: {
      query?: {
        /** @description Channel of the original whose working copy to send (0-based) */
        channel?: number;
      };
      header?: {
        /** @description An ETag received before: 304 with no body when the bytes are unchanged */
        'if-none-match'?: string;
      };
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Waveform of one channel as min/max pairs at a fixed resolution (machine output, computed from the working copy with ffmpeg and cached beside it): enough to draw the call without downloading its audio */
      200: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Recording id (UUID) */
            recordingId: string;
            /** @description Channel of the original (0-based) whose working copy this is */
            channel: number;
            /** @description SHA-256 of the working copy the peaks were taken from */
            sha256: string;
            /** @description Sample rate of the working copy (Hz) */
            sampleRate: number;
            /** @description Samples each min/max pair covers; the last pair may cover fewer */
            samplesPerPeak: number;
            /** @description Pairs per second of audio: 100, or fewer for calls over 200 s so no answer exceeds 20 000 pairs */
            peaksPerSecond: number;
            /** @description Length of the working copy, from its decoded sample count */
            durationSeconds: number;
            /** @description Lowest sample of each span, in [-1, 1] (full scale of the PCM) */
            min: number[];
            /** @description Highest sample of each span, in [-1, 1] (full scale of the PCM) */
            max: number[];
          };
        };
      };
      /** @description Not modified (If-None-Match matched the ETag) */
      304: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unprocessable Entity */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdAnalysis: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A recording's current analysis: latest run on its latest transcript version (machine output) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordingAnalysis'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTrendsMonthly: {
    parameters: {
      query?: {
        /** @description Only recordings in this collection (UUID) */
        collectionId?: string;
        /** @description Only recordings in the collection with this name */
        collection?: string;
        /** @description Only calls that started at or after this time; a bare date means its start (UTC) */
        from?: string;
        /** @description Only calls that started at or before this time; a bare date includes that whole day (UTC) */
        to?: string;
        /** @description true: count only verified calls (open a point with /api/recordings?verification=verified) */
        verifiedOnly?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Calls, mentions per category and casualty counts per month */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MonthlyTrends'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTrendsPlaces: {
    parameters: {
      query?: {
        /** @description Only recordings in this collection (UUID) */
        collectionId?: string;
        /** @description Only recordings in the collection with this name */
        collection?: string;
        /** @description Only calls that started at or after this time; a bare date means its start (UTC) */
        from?: string;
        /** @description Only calls that started at or before this time; a bare date includes that whole day (UTC) */
        to?: string;
        /** @description true: count only verified calls (open a point with /api/recordings?verification=verified) */
        verifiedOnly?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Places mentioned in the current analyses of the calls */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlaceTrends'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTrendsCallGraph: {
    parameters: {
      query?: {
        /** @description Only recordings in this collection (UUID) */
        collectionId?: string;
        /** @description Only recordings in the collection with this name */
        collection?: string;
        /** @description Only calls that started at or after this time; a bare date means its start (UTC) */
        from?: string;
        /** @description Only calls that started at or before this time; a bare date includes that whole day (UTC) */
        to?: string;
        /** @description true: count only verified calls (open a point with /api/recordings?verification=verified) */
        verifiedOnly?: 'true' | 'false';
        /** @description Most phone numbers to return (those in the most calls); edges are kept between them */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Who called whom, from the call records */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallGraph'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getLexicon: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The code-word lexicon the analyser uses */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Lexicon'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdTranscripts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Transcript versions of a recording */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TranscriptVersionList'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRecordingsByIdTranscripts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    /** @description A human correction: the whole new version */
    requestBody: {
      content: {
        'application/json': {
          /** @description The version the edit was made on; must be the current one */
          baseVersion: number;
          /** @description Ignored: the author is always the signed-in user (accepted so that older clients are not refused) */
          author?: string;
          /** @description Every segment of the new version; base segments left out are removed */
          segments: {
            /** @description Order among segments that start at the same time (segments are stored by start time) */
            position?: number;
            /** @description The base version’s segment this one edits; leave out for a new segment */
            sourceSegmentId?: string;
            /** @description Audio channel (0-based) */
            channel: number;
            /** @description Speaker lane */
            lane: string;
            /** @description Speaker name or label */
            speaker?: string | null;
            /** @description Start, seconds from the start of the recording */
            start: number;
            /** @description End, seconds; after start and within the recording */
            end: number;
            /** @description The corrected text */
            text: string;
          }[];
        };
      };
    };
    responses: {
      /** @description The saved correction */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            transcript: components['schemas']['TranscriptVersion'];
            /** @description What the correction did */
            segments: {
              /** @description Segments copied unchanged */
              kept: number;
              /** @description Segments changed */
              edited: number;
              /** @description New segments */
              added: number;
              /** @description Base segments left out */
              removed: number;
            };
            /** @description Pipeline stages that run again because the text changed */
            rerun: {
              /** @description Stages marked to run again on the new version */
              stages: string[];
              /** @description Whether their jobs were queued now (else a worker queues them when it starts) */
              queued: boolean;
            };
            /** @description How the words the correction changed were timed */
            wordTiming: {
              /** @description Changed words timed by aligning them to the audio */
              aligned: number;
              /** @description Changed words whose times were interpolated */
              estimated: number;
              /** @description Why words were estimated instead of aligned */
              notes: string[];
            };
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdTranscript: {
    parameters: {
      query?: {
        /** @description Version to read (default: the current one) */
        version?: number;
      };
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One transcript version with its segments and translations */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Transcript'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdTranscriptsDiff: {
    parameters: {
      query: {
        /** @description Older version */
        from: number;
        /** @description Newer version */
        to: number;
      };
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Differences between two transcript versions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TranscriptDiff'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRecordingsByIdTranscriptsMachineOffer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    /** @description A person’s decision on a newer machine transcript */
    requestBody: {
      content: {
        'application/json': {
          /** @description The newer machine version the decision is about */
          version: number;
          /**
           * @description adopt: the machine version becomes current; keep: the correction stays current
           * @enum {string}
           */
          decision: 'adopt' | 'keep';
        };
      };
    };
    responses: {
      /** @description The recorded decision */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @description What was decided
             * @enum {string}
             */
            decision: 'adopted' | 'kept';
            /** @description The current version after the decision */
            currentVersion: number;
            /** @description Pipeline stages that run again because the current version changed */
            rerun: {
              /** @description Stages marked to run again on the adopted version */
              stages: string[];
              /** @description Whether their jobs were queued now (else a worker queues them when it starts) */
              queued: boolean;
            };
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdSegmentsBySegmentIdTranslations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
        /** @description Segment id */
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The versions of a segment’s English translation */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Every version, oldest first */
            versions: {
              /** @description Translation id */
              translationId: string;
              /** @description 1 for the first translation of the segment; each one adds one */
              version: number;
              /**
               * @description machine: the translate stage; human: a person corrected it
               * @enum {string}
               */
              kind: 'machine' | 'human';
              /**
               * @description Whether there is English
               * @enum {string}
               */
              status: 'translated' | 'empty-source' | 'unsupported-language';
              /** @description The English */
              text: string | null;
              /** @description Translation engine ("human" for a person) */
              engine: string;
              /** @description Translation model (machine versions) */
              model: string | null;
              /** @description Who wrote it (human versions) */
              createdBy: string | null;
              /** @description When it was saved */
              createdAt: string;
              /** @description The segment it translates: this one, or the one it was corrected from in an earlier version */
              segmentId: string;
              /** @description The translation a person edited (human versions) */
              basedOnTranslationId: string | null;
              /** @description The English the segment shows now */
              current: boolean;
              /** @description Word-level diff against the previous version (all inserted for the first) */
              diff: {
                /**
                 * @description Kept, taken out, or put in
                 * @enum {string}
                 */
                op: 'equal' | 'delete' | 'insert';
                /** @description The words of this run */
                text: string;
              }[];
            }[];
            /** @description The version shown now (null when none) */
            currentTranslationId: string | null;
            /** @description A machine translation made after the person’s current English: kept, not shown; save its text to adopt it */
            newerMachineTranslationId: string | null;
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRecordingsByIdSegmentsBySegmentIdTranslations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
        /** @description Segment id */
        segmentId: string;
      };
      cookie?: never;
    };
    /** @description A human correction of one segment’s English */
    requestBody: {
      content: {
        'application/json': {
          /** @description The translation the edit was made on (the current one); null when the segment had none */
          baseTranslationId: string | null;
          /** @description The corrected English */
          text: string;
        };
      };
    };
    responses: {
      /** @description The saved correction of the English */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new translation (kind human) */
            translationId: string;
            /** @description The segment */
            segmentId: string;
            /** @description The translation it replaces as current */
            basedOnTranslationId: string | null;
            /** @description The versions of a segment’s English translation */
            history: {
              /** @description Every version, oldest first */
              versions: {
                /** @description Translation id */
                translationId: string;
                /** @description 1 for the first translation of the segment; each one adds one */
                version: number;
                /**
                 * @description machine: the translate stage; human: a person corrected it
                 * @enum {string}
                 */
                kind: 'machine' | 'human';
                /**
                 * @description Whether there is English
                 * @enum {string}
                 */
                status: 'translated' | 'empty-source' | 'unsupported-language';
                /** @description The English */
                text: string | null;
                /** @description Translation engine ("human" for a person) */
                engine: string;
                /** @description Translation model (machine versions) */
                model: string | null;
                /** @description Who wrote it (human versions) */
                createdBy: string | null;
                /** @description When it was saved */
                createdAt: string;
                /** @description The segment it translates: this one, or the one it was corrected from in an earlier version */
                segmentId: string;
                /** @description The translation a person edited (human versions) */
                basedOnTranslationId: string | null;
                /** @description The English the segment shows now */
                current: boolean;
                /** @description Word-level diff against the previous version (all inserted for the first) */
                diff: {
                  /**
                   * @description Kept, taken out, or put in
                   * @enum {string}
                   */
                  op: 'equal' | 'delete' | 'insert';
                  /** @description The words of this run */
                  text: string;
                }[];
              }[];
              /** @description The version shown now (null when none) */
              currentTranslationId: string | null;
              /** @description A machine translation made after the person’s current English: kept, not shown; save its text to adopt it */
              newerMachineTranslationId: string | null;
            };
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdNotes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Notes of a recording */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NoteList'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRecordingsByIdNotes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    /** @description A new note */
    requestBody: {
      content: {
        'application/json': {
          /** @description Segment the note is on; leave out for a note on the whole call */
          segmentId?: string;
          /** @description The note */
          text: string;
          /** @description Ignored: the author is always the signed-in user (accepted so that older clients are not refused) */
          author?: string;
        };
      };
    };
    responses: {
      /** @description A note on a call or segment (notes are never changed or removed) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Note'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getNumbersByNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Phone number: E.164 (+380501734482) or as written in call records (8 916 123-45-67 is read as Russian) */
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Everything known of a phone number in your collections */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NumberPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No call has the number on either side or speaks it, and no note is on it, in your collections */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postNumbersByNumberNotes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Phone number: E.164 (+380501734482) or as written in call records (8 916 123-45-67 is read as Russian) */
        number: string;
      };
      cookie?: never;
    };
    /** @description A new note or attribution on a number */
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description The collection the entry belongs to (everyone who may read it sees it)
           */
          collectionId: string;
          /** @enum {string} */
          kind: 'note' | 'attribution';
          /** @description The note, or what the attribution rests on */
          text: string;
          /** @description Attributions: who the subscriber is believed to be */
          subscriber?: string;
          /** @description Attributions: the source */
          source?: string;
          /**
           * @description How sure the attribution is: low (a single unconfirmed lead), medium (one independent source confirms it), high (two or more independent sources agree); see docs/phone-numbers.md
           * @enum {string}
           */
          confidence?: 'low' | 'medium' | 'high';
          /** @description The entry this one corrects (same collection and number) */
          supersedes?: string;
        };
      };
    };
    responses: {
      /** @description A note or attribution on a number (entries are never changed or removed) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NumberNote'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The entry to correct has been corrected already: reload */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdDuplicates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A call's duplicate leads to calls in your collections */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicateLeadList'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRecordingsByIdDuplicatesByLeadId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
        /** @description Lead id */
        leadId: string;
      };
      cookie?: never;
    };
    /** @description A decision on a duplicate lead */
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Same call (confirmed) or not (rejected)
           * @enum {string}
           */
          decision: 'confirmed' | 'rejected';
          /** @description Why, for whoever reads the lead later */
          reason: string;
        };
      };
    };
    responses: {
      /** @description A machine lead that two calls are the same call (re-encoded, trimmed or mixed); never merged */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicateLead'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdCase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A call's verification case file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseFile'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRecordingsByIdCaseSteps: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    /** @description multipart/form-data, streamed: the step fields first, then the files */
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * @description evidence: add a note, links or files without moving the case; advance: to the next step; propose_verified / sign_off / withdraw_proposal: the two-person verified step; dispute / reject (reason required); reopen (reason required)
           * @enum {string}
           */
          action:
            | 'evidence'
            | 'advance'
            | 'propose_verified'
            | 'sign_off'
            | 'withdraw_proposal'
            | 'dispute'
            | 'reject'
            | 'reopen';
          /**
           * @description The status the case had when you looked at it; 409 conflict when it has changed since
           * @enum {string}
           */
          expectedStatus:
            | 'unverified'
            | 'number_attributed'
            | 'identity_corroborated'
            | 'context_confirmed'
            | 'verified'
            | 'disputed'
            | 'rejected';
          /**
           * @description For advance: the status asked for (a jump over a step is refused, naming the next one)
           * @enum {string}
           */
          to?:
            | 'unverified'
            | 'number_attributed'
            | 'identity_corroborated'
            | 'context_confirmed'
            | 'verified'
            | 'disputed'
            | 'rejected';
          /** @description What was found, how (evidence) */
          note?: string;
          /** @description Why: required to dispute, reject or reopen */
          reason?: string;
          /**
           * @description Sources: http or https URLs, one field each
           * @default []
           */
          links?: string[];
          /** @description Evidence files, after the other fields */
          files?: string[];
        };
      };
    };
    responses: {
      /** @description The step as recorded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The recorded step */
            eventId: string;
            /**
             * @description The case status after the step
             * @enum {string}
             */
            status:
              | 'unverified'
              | 'number_attributed'
              | 'identity_corroborated'
              | 'context_confirmed'
              | 'verified'
              | 'disputed'
              | 'rejected';
            attachments: {
              /** @description Attachment id; download it from …/case/attachments/{attachmentId} */
              id: string;
              /** @description The name it was attached under (made printable) */
              fileName: string;
              /** @description SHA-256 of its bytes; the store names it by this */
              sha256: string;
              /** @description Size in bytes */
              sizeBytes: number;
            }[];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The case is no longer at expectedStatus: reload and decide again */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A file over EARSHOT_ATTACHMENT_MAX_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdCaseAttachmentsByAttachmentId: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag received before: 304 with no body when the bytes are unchanged */
        'if-none-match'?: string;
        /** @description One byte range (bytes=0-99, bytes=100-, bytes=-500): 206 with those bytes */
        range?: string;
        /** @description An ETag: the Range is honoured only while the bytes still have it, else 200 with all */
        'if-range'?: string;
      };
      path: {
        /** @description Recording id (UUID) */
        id: string;
        attachmentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file */
      200: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description attachment, with the file name to save it under */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description The requested byte range */
      206: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          /** @description attachment, with the file name to save it under */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description Not modified (If-None-Match matched the ETag) */
      304: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Range Not Satisfiable */
      416: {
        headers: {
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The stored file does not match its SHA-256: not served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  headRecordingsByIdCaseAttachmentsByAttachmentId: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag received before: 304 with no body when the bytes are unchanged */
        'if-none-match'?: string;
        /** @description One byte range (bytes=0-99, bytes=100-, bytes=-500): 206 with those bytes */
        range?: string;
        /** @description An ETag: the Range is honoured only while the bytes still have it, else 200 with all */
        'if-range'?: string;
      };
      path: {
        /** @description Recording id (UUID) */
        id: string;
        attachmentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file */
      200: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description attachment, with the file name to save it under */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description The requested byte range */
      206: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          /** @description attachment, with the file name to save it under */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description Not modified (If-None-Match matched the ETag) */
      304: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Range Not Satisfiable */
      416: {
        headers: {
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The stored file does not match its SHA-256: not served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getSearch: {
    parameters: {
      query: {
        /** @description Words to find. A word matches any of its forms (Russian or English stems) and its exact form; "quoted words" match exactly these forms in this order; -word leaves out segments that have it; a OR b matches either. A number matches however it is written: 200, «двести», «двухсотых», 200-х, "two hundred" (so "груз 200" finds «грузом двести»). At most 500 characters. */
        q: string;
        /** @description ru: the transcripts only; en: the English translations only; all: both */
        lang?: 'ru' | 'en' | 'all';
        /** @description true: also search each word in the other script («Путин» finds Putin, putin finds «Путин»), and a place under all its names and romanisations (Kharkiv, Kharkov, Charkiw find «Харьков», «Харьковом») */
        translit?: 'true' | 'false';
        /** @description Only recordings in this collection (UUID) */
        collectionId?: string;
        /** @description Only recordings in the collection with this name */
        collection?: string;
        /** @description Only calls that started at or after this time; a bare date means its start (UTC) */
        from?: string;
        /** @description Only calls that started at or before this time; a bare date includes that whole day (UTC) */
        to?: string;
        /** @description true: only calls with no known start time (the trend charts count them apart); false: only calls with one */
        undated?: 'true' | 'false';
        /** @description Caller or callee number: a whole number in any format matches exactly (+79161234567, 8 916 123-45-67); the start of an international number matches numbers that begin so (+7916); otherwise at least 3 digits match anywhere in the number */
        phone?: string;
        /** @description Only calls from this number (E.164, exact); with callee, one edge of the call graph */
        caller?: string;
        /** @description Only calls to this number (E.164, exact) */
        callee?: string;
        /** @description Only recordings with a run of this pipeline stage (combine with status) */
        stage?: string;
        /** @description Only recordings whose stage (or, without stage, any stage) has this status */
        status?: components['schemas']['StageStatusInput'];
        /** @description Only calls whose case file is at this verification status (no case file: unverified) */
        verification?:
          | 'unverified'
          | 'number_attributed'
          | 'identity_corroborated'
          | 'context_confirmed'
          | 'verified'
          | 'disputed'
          | 'rejected';
        /** @description Where the call metadata came from: sidecar file, file name, or none */
        metadataOrigin?: 'sidecar' | 'filename' | 'none';
        /** @description Only calls whose current analysis has a confident match in this lexicon category */
        category?:
          | 'casualties_killed'
          | 'casualties_wounded'
          | 'casualties_missing'
          | 'refusal_to_fight'
          | 'desertion'
          | 'execution_or_coercion'
          | 'looting'
          | 'violence_against_civilians_or_prisoners'
          | 'prison_recruitment'
          | 'mobilisation'
          | 'supplies_and_conditions'
          | 'weapons_and_shelling'
          | 'morale'
          | 'slur_for_ukrainians'
          | 'radio_code'
          | 'irregular_units'
          | 'payments'
          | 'surrender_captivity'
          | 'self_inflicted_wound'
          | 'general';
        /** @description Only calls whose current analysis mentions this place: a gazetteer (GeoNames) id, or its name in Russian, Ukrainian or English, in any usual romanisation (Бахмут, Bakhmut; Kharkiv, Kharkov) */
        place?: string;
        /** @description Only calls whose current analysis names this person: each word of the name (any case) in either script («Соколов», Sokolov) */
        person?: string;
        /** @description Only calls whose current analysis has at least this triage score (0 to 100) */
        minTriage?: number;
        /** @description Only calls with this tag, on the call or one of its segments (any case) */
        tag?: string;
        /** @description true: only calls you starred (the call or one of its segments); false: only calls you have not. Your stars only: nobody else's */
        starred?: 'true' | 'false';
        /** @description Hits per page, 1 to 100 */
        limit?: number;
        /** @description How many hits to skip (hits are ranked among the first candidates; see totalIsLowerBound) */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Search results over transcripts and translations */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchResults'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getPipeline: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Pipeline progress over all calls */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PipelineStatus'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postPipelineRetry: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Which failed runs to schedule again */
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Retry the failed runs of this stage only (default: every stage)
           * @enum {string}
           */
          stage?: 'decode' | 'fingerprint' | 'vad' | 'transcribe' | 'translate' | 'analyse';
        };
      };
    };
    responses: {
      /** @description What was scheduled again */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Failed runs scheduled again */
            scheduled: number;
            stages: {
              stage: string;
              scheduled: number;
            }[];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getIngestLimits: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What one upload may hold */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadLimits'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postIngest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description multipart/form-data, streamed to disk part by part: text fields first, then the files */
    requestBody: {
      content: {
        'multipart/form-data': {
          /** @description Collection to ingest into (created if new); send it before the files */
          collection: string;
          /** @description How many `files` parts follow (checked, so that no file is lost on the way) */
          fileCount?: string;
          /**
           * Format: binary
           * @description Optional call records (CSV or JSON, one row per file, as `earshot ingest --metadata`)
           */
          metadata?: string;
          /** @description The audio: files, folders (paths like "leak/2022/call.wav") and zip archives */
          files: string[];
        };
      };
    };
    responses: {
      /** @description What the ingest did, file by file (the same summary as `earshot ingest`) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestResult'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No collection of that name among those granted to the user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Over the size or file-count limit (the message names it) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAudit: {
    parameters: {
      query?: {
        /** @description Only this user (case-insensitive) */
        actor?: string;
        /** @description Only this action */
        action?:
          | 'sign-in'
          | 'sign-in-failed'
          | 'sign-out'
          | 'list-calls'
          | 'view-call'
          | 'view-custody'
          | 'view-transcript'
          | 'stream-audio'
          | 'download-original'
          | 'search'
          | 'correct-transcript'
          | 'decide-machine-transcript'
          | 'correct-translation'
          | 'add-note'
          | 'view-number'
          | 'add-number-note'
          | 'decide-duplicate'
          | 'view-case-file'
          | 'case-step'
          | 'download-attachment'
          | 'export'
          | 'download-export'
          | 'publication-override'
          | 'export-excerpt'
          | 'view-register'
          | 'protect-identity'
          | 'rename-pseudonym'
          | 'retire-identity'
          | 'user-change'
          | 'grant-change'
          | 'view-audit-log'
          | 'tag'
          | 'untag'
          | 'star'
          | 'unstar'
          | 'save-search'
          | 'delete-saved-search'
          | 'bulk-tag'
          | 'bulk-untag'
          | 'bulk-rerun'
          | 'export-csv'
          | 'batch-search';
        /** @description Only entries whose target contains this text (a recording id, a search query) */
        target?: string;
        /** @description Entries at or after this time; a bare date means its start (UTC) */
        from?: string;
        /** @description Entries at or before this time; a bare date includes that whole day (UTC) */
        to?: string;
        /** @description Page size */
        limit?: number;
        /** @description Entries to skip */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the audit log */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPage'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAuditVerify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The audit chain recomputed. A cut-off tail is not seen by the chain alone: compare the head with one written down */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditVerification'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postExportsEvidence: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description What to export: calls by id, or a whole collection */
    requestBody: {
      content: {
        'application/json':
          | {
              /** @description The calls to export */
              recordings: string[];
            }
          | {
              /** @description Export every call of this collection (by name) */
              collection: string;
            };
      };
    };
    responses: {
      /** @description An evidence bundle written on the server, ready to download */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvidenceExport'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Payload Too Large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getExportsByIdDownload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Export id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The bundle (zip) */
      200: {
        headers: {
          /** @description attachment, with the file name to save it under */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTags: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tags in use */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Every tag in your collections, by name */
            tags: {
              tag: string;
              /** @description Calls that carry it */
              calls: number;
            }[];
          };
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTriage: {
    parameters: {
      query: {
        /** @description Comma-separated recording ids (1 to 200): the calls of a page */
        recordingIds: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tags and stars of some calls */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The calls you may see, in the order asked */
            calls: {
              /** @description Recording id (UUID) */
              recordingId: string;
              /** @description Tags on the call and its segments, oldest first */
              tags: {
                /** @description The tag */
                tag: string;
                /** @description The segment it is on (null: the whole call) */
                segmentId: string | null;
                /** @description Who put it there */
                author: string;
                /** @description When */
                createdAt: string;
              }[];
              /** @description Whether you starred the call */
              starred: boolean;
              /** @description The segments you starred */
              starredSegments: string[];
            }[];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRecordingsByIdTags: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    /** @description A tag to add to a call or one of its segments */
    requestBody: {
      content: {
        'application/json': {
          /** @description The tag, 1 to 60 characters (spaces are collapsed; case is kept, compared without it) */
          tag: string;
          /** @description Tag this segment of the call; leave out to tag the whole call */
          segmentId?: string;
        };
      };
    };
    responses: {
      /** @description A call's tags (shared with its collection) and your stars (yours only) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Recording id (UUID) */
            recordingId: string;
            /** @description Tags on the call and its segments, oldest first */
            tags: {
              /** @description The tag */
              tag: string;
              /** @description The segment it is on (null: the whole call) */
              segmentId: string | null;
              /** @description Who put it there */
              author: string;
              /** @description When */
              createdAt: string;
            }[];
            /** @description Whether you starred the call */
            starred: boolean;
            /** @description The segments you starred */
            starredSegments: string[];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteRecordingsByIdTags: {
    parameters: {
      query: {
        /** @description The tag, 1 to 60 characters (spaces are collapsed; case is kept, compared without it) */
        tag: string;
        /** @description Remove the tag from this segment; leave out for the call */
        segmentId?: string;
      };
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A call's tags (shared with its collection) and your stars (yours only) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Recording id (UUID) */
            recordingId: string;
            /** @description Tags on the call and its segments, oldest first */
            tags: {
              /** @description The tag */
              tag: string;
              /** @description The segment it is on (null: the whole call) */
              segmentId: string | null;
              /** @description Who put it there */
              author: string;
              /** @description When */
              createdAt: string;
            }[];
            /** @description Whether you starred the call */
            starred: boolean;
            /** @description The segments you starred */
            starredSegments: string[];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putRecordingsByIdStar: {
    parameters: {
      query?: {
        /** @description Star this segment; leave out to star the whole call */
        segmentId?: string;
      };
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A star set or taken away */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Whether it is starred now */
            starred: boolean;
            changed: boolean;
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteRecordingsByIdStar: {
    parameters: {
      query?: {
        /** @description Star this segment; leave out to star the whole call */
        segmentId?: string;
      };
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A star set or taken away */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Whether it is starred now */
            starred: boolean;
            changed: boolean;
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postTriageTag: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A tag to add to (or remove from) every selected call */
    requestBody: {
      content: {
        'application/json': {
          /** @description The selected calls (recording ids) */
          recordingIds: string[];
          /** @description The tag, 1 to 60 characters (spaces are collapsed; case is kept, compared without it) */
          tag: string;
        };
      };
    };
    responses: {
      /** @description What a bulk tag did */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The tag as stored */
            tag: string;
            /** @description Calls tagged (or untagged) now */
            changed: string[];
            /** @description Calls that had it already (or did not have it) */
            unchanged: string[];
            /** @description Ids that are no call you may see: nothing done */
            notFound: string[];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postTriageUntag: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A tag to add to (or remove from) every selected call */
    requestBody: {
      content: {
        'application/json': {
          /** @description The selected calls (recording ids) */
          recordingIds: string[];
          /** @description The tag, 1 to 60 characters (spaces are collapsed; case is kept, compared without it) */
          tag: string;
        };
      };
    };
    responses: {
      /** @description What a bulk tag did */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The tag as stored */
            tag: string;
            /** @description Calls tagged (or untagged) now */
            changed: string[];
            /** @description Calls that had it already (or did not have it) */
            unchanged: string[];
            /** @description Ids that are no call you may see: nothing done */
            notFound: string[];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postTriageRerun: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A stage to run again on every selected call */
    requestBody: {
      content: {
        'application/json': {
          /** @description The selected calls (recording ids) */
          recordingIds: string[];
          /**
           * @description The stage to run again (forced); later stages follow it
           * @enum {string}
           */
          stage: 'decode' | 'fingerprint' | 'vad' | 'transcribe' | 'translate' | 'analyse';
        };
      };
    };
    responses: {
      /** @description What a bulk re-run scheduled */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            stage: 'decode' | 'fingerprint' | 'vad' | 'transcribe' | 'translate' | 'analyse';
            /** @description Calls whose run is pending again */
            scheduled: string[];
            /** @description Calls whose previous stage is not done: the stage cannot run on them yet */
            waitingForPreviousStage: string[];
            /** @description Calls whose run a worker holds now: left alone */
            running: string[];
            /** @description Ids that are no call you may see */
            notFound: string[];
            /** @description Whether jobs were queued now (false: this server runs no job queue; a worker picks the runs up when it starts) */
            queued: boolean;
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getCsvCalls: {
    parameters: {
      query?: {
        /** @description Only recordings in this collection (UUID) */
        collectionId?: string;
        /** @description Only recordings in the collection with this name */
        collection?: string;
        /** @description Only calls that started at or after this time; a bare date means its start (UTC) */
        from?: string;
        /** @description Only calls that started at or before this time; a bare date includes that whole day (UTC) */
        to?: string;
        /** @description true: only calls with no known start time (the trend charts count them apart); false: only calls with one */
        undated?: 'true' | 'false';
        /** @description Caller or callee number: a whole number in any format matches exactly (+79161234567, 8 916 123-45-67); the start of an international number matches numbers that begin so (+7916); otherwise at least 3 digits match anywhere in the number */
        phone?: string;
        /** @description Only calls from this number (E.164, exact); with callee, one edge of the call graph */
        caller?: string;
        /** @description Only calls to this number (E.164, exact) */
        callee?: string;
        /** @description Only recordings with a run of this pipeline stage (combine with status) */
        stage?: string;
        /** @description Only recordings whose stage (or, without stage, any stage) has this status */
        status?: components['schemas']['StageStatusInput'];
        /** @description Only calls whose case file is at this verification status (no case file: unverified) */
        verification?:
          | 'unverified'
          | 'number_attributed'
          | 'identity_corroborated'
          | 'context_confirmed'
          | 'verified'
          | 'disputed'
          | 'rejected';
        /** @description Where the call metadata came from: sidecar file, file name, or none */
        metadataOrigin?: 'sidecar' | 'filename' | 'none';
        /** @description Only calls whose current analysis has a confident match in this lexicon category */
        category?:
          | 'casualties_killed'
          | 'casualties_wounded'
          | 'casualties_missing'
          | 'refusal_to_fight'
          | 'desertion'
          | 'execution_or_coercion'
          | 'looting'
          | 'violence_against_civilians_or_prisoners'
          | 'prison_recruitment'
          | 'mobilisation'
          | 'supplies_and_conditions'
          | 'weapons_and_shelling'
          | 'morale'
          | 'slur_for_ukrainians'
          | 'radio_code'
          | 'irregular_units'
          | 'payments'
          | 'surrender_captivity'
          | 'self_inflicted_wound'
          | 'general';
        /** @description Only calls whose current analysis mentions this place: a gazetteer (GeoNames) id, or its name in Russian, Ukrainian or English, in any usual romanisation (Бахмут, Bakhmut; Kharkiv, Kharkov) */
        place?: string;
        /** @description Only calls whose current analysis names this person: each word of the name (any case) in either script («Соколов», Sokolov) */
        person?: string;
        /** @description Only calls with this tag, on the call or one of its segments (any case) */
        tag?: string;
        /** @description true: only calls you starred (the call or one of its segments); false: only calls you have not. Your stars only: nobody else's */
        starred?: 'true' | 'false';
        /** @description Only calls whose current analysis has at least this triage score (0 to 100) */
        minTriage?: number;
        /** @description Sort by call start time, by when Earshot stored the recording, or by triage score (calls to hear first); missing call times and unanalysed calls sort last */
        sort?: 'call_started_at' | 'created_at' | 'triage';
        /** @description Sort direction */
        order?: 'asc' | 'desc';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CSV, UTF-8 with a byte-order mark; formula cells defused */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getCsvSearch: {
    parameters: {
      query: {
        /** @description Words to find. A word matches any of its forms (Russian or English stems) and its exact form; "quoted words" match exactly these forms in this order; -word leaves out segments that have it; a OR b matches either. A number matches however it is written: 200, «двести», «двухсотых», 200-х, "two hundred" (so "груз 200" finds «грузом двести»). At most 500 characters. */
        q: string;
        /** @description ru: the transcripts only; en: the English translations only; all: both */
        lang?: 'ru' | 'en' | 'all';
        /** @description true: also search each word in the other script («Путин» finds Putin, putin finds «Путин»), and a place under all its names and romanisations (Kharkiv, Kharkov, Charkiw find «Харьков», «Харьковом») */
        translit?: 'true' | 'false';
        /** @description Only recordings in this collection (UUID) */
        collectionId?: string;
        /** @description Only recordings in the collection with this name */
        collection?: string;
        /** @description Only calls that started at or after this time; a bare date means its start (UTC) */
        from?: string;
        /** @description Only calls that started at or before this time; a bare date includes that whole day (UTC) */
        to?: string;
        /** @description true: only calls with no known start time (the trend charts count them apart); false: only calls with one */
        undated?: 'true' | 'false';
        /** @description Caller or callee number: a whole number in any format matches exactly (+79161234567, 8 916 123-45-67); the start of an international number matches numbers that begin so (+7916); otherwise at least 3 digits match anywhere in the number */
        phone?: string;
        /** @description Only calls from this number (E.164, exact); with callee, one edge of the call graph */
        caller?: string;
        /** @description Only calls to this number (E.164, exact) */
        callee?: string;
        /** @description Only recordings with a run of this pipeline stage (combine with status) */
        stage?: string;
        /** @description Only recordings whose stage (or, without stage, any stage) has this status */
        status?: components['schemas']['StageStatusInput'];
        /** @description Only calls whose case file is at this verification status (no case file: unverified) */
        verification?:
          | 'unverified'
          | 'number_attributed'
          | 'identity_corroborated'
          | 'context_confirmed'
          | 'verified'
          | 'disputed'
          | 'rejected';
        /** @description Where the call metadata came from: sidecar file, file name, or none */
        metadataOrigin?: 'sidecar' | 'filename' | 'none';
        /** @description Only calls whose current analysis has a confident match in this lexicon category */
        category?:
          | 'casualties_killed'
          | 'casualties_wounded'
          | 'casualties_missing'
          | 'refusal_to_fight'
          | 'desertion'
          | 'execution_or_coercion'
          | 'looting'
          | 'violence_against_civilians_or_prisoners'
          | 'prison_recruitment'
          | 'mobilisation'
          | 'supplies_and_conditions'
          | 'weapons_and_shelling'
          | 'morale'
          | 'slur_for_ukrainians'
          | 'radio_code'
          | 'irregular_units'
          | 'payments'
          | 'surrender_captivity'
          | 'self_inflicted_wound'
          | 'general';
        /** @description Only calls whose current analysis mentions this place: a gazetteer (GeoNames) id, or its name in Russian, Ukrainian or English, in any usual romanisation (Бахмут, Bakhmut; Kharkiv, Kharkov) */
        place?: string;
        /** @description Only calls whose current analysis names this person: each word of the name (any case) in either script («Соколов», Sokolov) */
        person?: string;
        /** @description Only calls whose current analysis has at least this triage score (0 to 100) */
        minTriage?: number;
        /** @description Only calls with this tag, on the call or one of its segments (any case) */
        tag?: string;
        /** @description true: only calls you starred (the call or one of its segments); false: only calls you have not. Your stars only: nobody else's */
        starred?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CSV, UTF-8 with a byte-order mark; formula cells defused */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSearchBatch: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A batch search */
    requestBody: {
      content: {
        'application/json': {
          /** @description Names or numbers, one search each (100 at most; empty lines and repeats are left out). Each is a query of the search box: "quoted words" are a phrase. */
          terms: string[];
          /**
           * @description ru: transcripts; en: translations; all: both
           * @default all
           * @enum {string}
           */
          lang?: 'ru' | 'en' | 'all';
          /**
           * @description Also search each word in the other script
           * @default false
           */
          translit?: boolean;
          /**
           * Format: uuid
           * @description Only recordings in this collection (UUID)
           */
          collectionId?: string;
          /** @description Only recordings in the collection with this name */
          collection?: string;
          /** @description Only calls that started at or after this time; a bare date means its start (UTC) */
          from?: string;
          /** @description Only calls that started at or before this time; a bare date includes that whole day (UTC) */
          to?: string;
        };
      };
    };
    responses: {
      /** @description Batch search results */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description One result per term, in the order given */
            results: {
              term: string;
              /** @description Segments that say it (a lower bound when totalIsLowerBound) */
              hits: number;
              totalIsLowerBound: boolean;
              /** @description Calls from or to the number (null: the term is no phone number) */
              callsAsParty: number | null;
              /** @description Calls with the most hits first (at most 20) */
              calls: {
                /** @description Recording id (UUID) */
                recordingId: string;
                /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
                callStartedAt: string | null;
                callerNumber: string | null;
                calleeNumber: string | null;
                /** @description Collection name */
                collection: string;
                /** @description Segments of this call among the hits read (0: found by its number only) */
                hits: number;
                /** @description The number searched is the caller or callee of this call */
                party: boolean;
              }[];
              /** @description Why the term was not searched (the search refused the query) */
              error: string | null;
            }[];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Refused: the x-earshot-csrf header is missing or wrong, the request came from a page of another site, or your role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getSavedSearches: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Saved searches */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Your saved searches, by name */
            items: {
              /** @description Saved search id */
              id: string;
              /** @description Its name */
              name: string;
              /** @description The Search page's parameters as in its address: q, lang, translit and the calls list's filters */
              params: {
                [key: string]: string;
              };
              /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
              createdAt: string;
              /** @description When it was last saved */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSavedSearches: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A search to save */
    requestBody: {
      content: {
        'application/json': {
          /** @description A name; saving under a name you used replaces that search */
          name: string;
          /** @description The Search page's parameters as in its address: q, lang, translit and the calls list's filters */
          params: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description A search you saved (yours only) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Saved search id */
            id: string;
            /** @description Its name */
            name: string;
            /** @description The Search page's parameters as in its address: q, lang, translit and the calls list's filters */
            params: {
              [key: string]: string;
            };
            /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
            createdAt: string;
            /** @description When it was last saved */
            updatedAt: string;
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteSavedSearchesBySavedSearchId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Saved search id */
        savedSearchId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A search you saved (yours only) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Saved search id */
            id: string;
            /** @description Its name */
            name: string;
            /** @description The Search page's parameters as in its address: q, lang, translit and the calls list's filters */
            params: {
              [key: string]: string;
            };
            /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
            createdAt: string;
            /** @description When it was last saved */
            updatedAt: string;
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getCollectionsByCollectionIdRegister: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Collection id (UUID) */
        collectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A collection's protected-identity register */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IdentityRegister'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postCollectionsByCollectionIdRegister: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Collection id (UUID) */
        collectionId: string;
      };
      cookie?: never;
    };
    /** @description A register entry entered by hand */
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description What is protected
           * @enum {string}
           */
          kind: 'person' | 'call_sign' | 'phone' | 'unit' | 'place' | 'cell_id' | 'voice';
          /** @description Who or what: a name, a number, a unit, a place */
          label: string;
          /** @description A name of your own ("A's mother"); left out: the next of the kind ("Soldier C") */
          pseudonym?: string;
          /** @description First name (persons) */
          firstName?: string;
          /** @description Patronymic (persons) */
          patronymic?: string;
          /** @description Surname (persons) */
          surname?: string;
          /** @enum {string} */
          gender?: 'male' | 'female';
          otherNames?: string[];
          /** @description Voices only: the call and lane */
          voice?: {
            /** Format: uuid */
            recordingId: string;
            lane: string;
          };
        };
      };
    };
    responses: {
      /** @description The register entry of the entity */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entry: components['schemas']['ProtectedIdentity'];
            /** @description false: the identity was protected already, this is its entry */
            created: boolean;
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The pseudonym is, or was, another entry’s in this collection */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getCollectionsByCollectionIdRegisterByEntryIdForms: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Collection id (UUID) */
        collectionId: string;
        /** @description Register entry id */
        entryId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every form the matcher looks for to find this entry in a text (src/publication/forms/) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entryId: string;
            /** @description How many forms in all */
            total: number;
            /** @description Non-empty groups only, in the order: as entered, inflections, diminutives, transliterations, number groupings, number words */
            groups: {
              /**
               * @description Where the forms come from
               * @enum {string}
               */
              origin:
                | 'as-entered'
                | 'inflection'
                | 'diminutive'
                | 'transliteration'
                | 'translation'
                | 'number-grouping'
                | 'number-words';
              forms: {
                /** @description Lower case, ё as е, as the matcher compares it */
                text: string;
                /** @description The case, romanisation system or number reading ('genitive', 'BGN/PCGN') */
                detail: string | null;
              }[];
            }[];
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRecordingsByIdRegister: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    /** @description An entity of the call's current analysis to protect */
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description The entity kind
           * @enum {string}
           */
          kind: 'person' | 'phone' | 'call_sign' | 'place' | 'unit';
          /** @description The entity's value as the analysis gives it */
          value: string;
        };
      };
    };
    responses: {
      /** @description The register entry of the entity */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entry: components['schemas']['ProtectedIdentity'];
            /** @description false: the identity was protected already, this is its entry */
            created: boolean;
          };
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The pseudonym is, or was, another entry’s in this collection */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postCollectionsByCollectionIdRegisterByEntryIdPseudonym: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Collection id (UUID) */
        collectionId: string;
        /** @description Register entry id */
        entryId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The new pseudonym (not one used in the collection) */
          pseudonym: string;
        };
      };
    };
    responses: {
      /** @description An entry of the protected-identity register */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProtectedIdentity'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The pseudonym is, or was, another entry’s in this collection */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postCollectionsByCollectionIdRegisterByEntryIdRetire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Collection id (UUID) */
        collectionId: string;
        /** @description Register entry id */
        entryId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Why the entry is no longer protected */
          reason: string;
        };
      };
    };
    responses: {
      /** @description An entry of the protected-identity register */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProtectedIdentity'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The pseudonym is, or was, another entry’s in this collection */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRecordingsByIdExcerptPreview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Recording id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    /** @description The selection to preview, and whether to protect everything the analysis found first */
    requestBody: {
      content: {
        'application/json': {
          /** @description Segments of the current transcript: the excerpt runs from the first one’s start to the last one’s end */
          segmentIds?: string[];
          /** @description Start of a time range, in seconds of the call (instead of segmentIds) */
          from?: number;
          /** @description End of a time range, in seconds of the call (left out: the end of the call) */
          to?: number;
          /** @description First add every person, number, call sign and place of the call’s analysis to the register */
          protectAll?: boolean;
        };
      };
    };
    responses: {
      /** @description What an export of this selection would publish, for a person to check */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Preview id */
            id: string;
            recordingId: string;
            /** @description Start of the excerpt, in seconds of the call */
            from: number;
            /** @description End of the excerpt, in seconds of the call */
            to: number;
            clip: {
              start: number;
              end: number;
              durationSeconds: number;
            };
            /** @description Register entries added first (protectAll) */
            protectedAdded: number;
            /** @description The redacted preview audio (MP3), for its maker only */
            audioUrl: string;
            /** @description May this call be exported for publication */
            policy: {
              /** @description The case file status (verification workflow) */
              caseStatus: string;
              caseStatusLabel: string;
              verified: boolean;
              /** @description The call is not verified: only an admin may export it, with a reason */
              overrideNeeded: boolean;
            };
            /** @description All the excerpt says of the call’s metadata */
            metadata: {
              /** @description "2022-03" in the call’s time zone */
              month: string | null;
              /** @description An oblast, "unknown", or "withheld" */
              region: string;
            };
            /** @description Every segment overlapping the excerpt, in spoken order */
            segments: {
              /** @description Segment id of the current transcript */
              id: string;
              /** @description "Speaker 1", or the pseudonym of a protected voice */
              speaker: string;
              lane: string;
              /** @description Seconds of the call */
              start: number;
              end: number;
              /** @description The Russian, redacted */
              ru: string;
              /** @description The English, redacted (null: not translated) */
              en: string | null;
              /** @description The English was made for an older text of the segment */
              enStale: boolean;
              /** @description A person corrected this segment (machine output otherwise) */
              corrected: boolean;
              /** @description False: a protected word here is withheld by covering the whole segment */
              hasWordTimings: boolean;
              redactions: {
                /** @enum {string} */
                language: 'ru' | 'en';
                /** @description Offset of the replacement in the redacted text (UTF-16 units) */
                start: number;
                end: number;
                pseudonym: string;
                /**
                 * @description What is protected
                 * @enum {string}
                 */
                kind: 'person' | 'call_sign' | 'phone' | 'unit' | 'place' | 'cell_id' | 'voice';
              }[];
            }[];
            /** @description The identities withheld in this excerpt, by pseudonym (never their names) */
            identities: {
              /** @description Register entry id */
              id: string;
              /**
               * @description What is protected
               * @enum {string}
               */
              kind: 'person' | 'call_sign' | 'phone' | 'unit' | 'place' | 'cell_id' | 'voice';
              pseudonym: string;
              /** @description Replacements in the texts, both languages */
              mentions: number;
            }[];
            audio: {
              /** @description What the audio withholds */
              spans: {
                /** @description Seconds of the call */
                start: number;
                end: number;
                /** @enum {string} */
                mode: 'tone' | 'silence';
                /** @enum {string} */
                reason: 'word-timing' | 'segment-fallback';
                pseudonyms: string[];
                fallbackSegmentIds: string[];
              }[];
              /** @description Some protected word had no word timing: its whole segment is covered */
              usedSegmentFallback: boolean;
              disguisedVoices: {
                lane: string;
                pseudonym: string;
              }[];
            };
          };
        };
      };
      /** @description A selection that is no excerpt, or an override without a reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Your role may not export (or override) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The call is not verified: only an admin may export it, with a reason */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRecordingsByIdExcerptPreviewsByPreviewIdAudio: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag received before: 304 with no body when the bytes are unchanged */
        'if-none-match'?: string;
        /** @description One byte range (bytes=0-99, bytes=100-, bytes=-500): 206 with those bytes */
        range?: string;
        /** @description An ETag: the Range is honoured only while the bytes still have it, else 200 with all */
        'if-range'?: string;
      };
      path: {
        /** @description Recording id (UUID) */
        id: string;
        /** @description Preview id (UUID) */
        previewId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The redacted clip */
      200: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/mpeg': string;
        };
      };
      /** @description Part of the redacted clip */
      206: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/mpeg': string;
        };
      };
      /** @description Not modified (If-None-Match matched the ETag) */
      304: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Range Not Satisfiable */
      416: {
        headers: {
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  headRecordingsByIdExcerptPreviewsByPreviewIdAudio: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag received before: 304 with no body when the bytes are unchanged */
        'if-none-match'?: string;
        /** @description One byte range (bytes=0-99, bytes=100-, bytes=-500): 206 with those bytes */
        range?: string;
        /** @description An ETag: the Range is honoured only while the bytes still have it, else 200 with all */
        'if-range'?: string;
      };
      path: {
        /** @description Recording id (UUID) */
        id: string;
        /** @description Preview id (UUID) */
        previewId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The redacted clip */
      200: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/mpeg': string;
        };
      };
      /** @description Part of the redacted clip */
      206: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          /** @description "bytes": single byte ranges may be requested with Range */
          'Accept-Ranges'?: string;
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'audio/mpeg': string;
        };
      };
      /** @description Not modified (If-None-Match matched the ETag) */
      304: {
        headers: {
          /** @description Strong validator of the bytes (for files, their SHA-256 in quotes); send it back in If-None-Match */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Range Not Satisfiable */
      416: {
        headers: {
          /** @description The bytes sent and the full size ("bytes 0-99/5000"); "bytes *\/5000" with 416 */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postExportsExcerpt: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description An excerpt to export */
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description Recording id (UUID)
           */
          recordingId: string;
          /** @description One continuous range of the call: segment ids, or from/to, not both */
          selection: {
            /** @description Segments of the current transcript: the excerpt runs from the first one’s start to the last one’s end */
            segmentIds?: string[];
            /** @description Start of a time range, in seconds of the call (instead of segmentIds) */
            from?: number;
            /** @description End of a time range, in seconds of the call (left out: the end of the call) */
            to?: number;
          };
          /** @description First add every person, number, call sign and place of the call’s analysis to the register */
          protectAll?: boolean;
          /** @description Admins: why this unverified call is published (recorded in the audit log) */
          overrideReason?: string;
        };
      };
    };
    responses: {
      /** @description An excerpt package written on the server, leak-checked, ready to download */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Export id */
            id: string;
            /** @description ISO 8601 date-time (UTC, e.g. 2022-03-14T15:30:12.000Z) */
            createdAt: string;
            recordingId: string;
            from: number;
            to: number;
            /** @description The package’s files (provenance.json lists these with their hashes) */
            files: {
              name: string;
              /** @description SHA-256 (hex) */
              sha256: string;
              bytes: number;
            }[];
            /** @description Size of the zip to download */
            zipBytes: number;
            redactions: {
              text: number;
              audioSpans: number;
              disguisedVoices: number;
            };
            usedSegmentFallback: boolean;
            /** @description Register entries added by protectAll */
            protectedAdded: number;
            /** @description The package as one zip, for its exporter or an admin */
            downloadUrl: string;
          };
        };
      };
      /** @description A selection that is no excerpt, or an override without a reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Your role may not export (or override) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The call is not verified: only an admin may export it, with a reason */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The leak check found protected forms: nothing was kept */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The leak check cannot listen: its model is not installed */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getExportsExcerptsByIdDownload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Export id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The package (zip) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in (no live session): sign in first */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The audit entry of this read could not be written: nothing was served */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Users */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserList'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putUsersByUserIdRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description User id (UUID) */
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          role: components['schemas']['RoleInput'];
        };
      };
    };
    responses: {
      /** @description A user account, its role and the collections granted to it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The last enabled admin keeps the admin role */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  putUsersByUserIdGrantsByCollectionId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description User id (UUID) */
        userId: string;
        /** @description Collection id (UUID) */
        collectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A user account, its role and the collections granted to it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteUsersByUserIdGrantsByCollectionId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description User id (UUID) */
        userId: string;
        /** @description Collection id (UUID) */
        collectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A user account, its role and the collections granted to it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOpenapiJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OpenAPI 3 document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description The Host header names a host this server does not answer to (EARSHOT_ALLOWED_HOSTS) */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
