import type { NumberNoteRow } from '../../numbers/number-notes.ts';
import type { NumberGraphEdge, NumberGraphNode } from '../queries/number-graph.ts';
import type {
  CellRow,
  CounterpartRow,
  MentionedPersonRow,
  MentionedPlaceRow,
  NumberCallRow,
  NumberSummaryRow,
  SpokenRow,
} from '../queries/number-page.ts';
import type { NumberNoteResponse, NumberPageResponse } from '../schemas/numbers.ts';
import { iso, isoOrNull } from './dates.ts';

export interface NumberPageRows {
  number: string;
  summary: NumberSummaryRow;
  calls: NumberCallRow[];
  counterparts: CounterpartRow[];
  graph: { nodes: NumberGraphNode[]; edges: NumberGraphEdge[] };
  cells: CellRow[];
  places: MentionedPlaceRow[];
  persons: MentionedPersonRow[];
  spoken: SpokenRow[];
  notes: NumberNoteRow[];
}

export function presentNumberNote(n: NumberNoteRow): NumberNoteResponse {
  return {
    id: String(n.id),
    collection: { id: n.collection_id, name: n.collection_name },
    number: n.number,
    kind: n.kind,
    text: n.text,
    subscriber: n.subscriber,
    source: n.source,
    confidence: n.confidence,
    supersedes: n.supersedes_id === null ? null : String(n.supersedes_id),
    supersededBy: n.superseded_by === null ? null : String(n.superseded_by),
    author: n.author,
    createdAt: iso(n.created_at),
  };
}

function presentCall(number: string, c: NumberCallRow): NumberPageResponse['calls'][number] {
  const outgoing = c.caller_number === number;
  const incoming = c.callee_number === number;
  return {
    id: c.id,
    collection: { id: c.collection_id, name: c.collection_name },
    startedAt: isoOrNull(c.call_started_at),
    direction: outgoing && incoming ? 'self' : outgoing ? 'outgoing' : 'incoming',
    counterpart: outgoing ? c.callee_number : c.caller_number,
    counterpartRaw: outgoing ? c.callee_raw : c.caller_raw,
    durationSeconds: c.duration_seconds,
    cellId: c.cell_id,
    locationText: c.location_text,
    originalFilename: c.original_filename,
  };
}

export function presentNumberPage(rows: NumberPageRows): NumberPageResponse {
  const seen = (r: { first_seen: Date | null; last_seen: Date | null }) => ({
    firstSeen: isoOrNull(r.first_seen),
    lastSeen: isoOrNull(r.last_seen),
  });
  return {
    number: rows.number,
    totalCalls: rows.summary.calls,
    ...seen(rows.summary),
    calls: rows.calls.map((c) => presentCall(rows.number, c)),
    counterparts: rows.counterparts.map((c) => ({
      number: c.number,
      calls: c.calls,
      outgoing: c.outgoing,
      incoming: c.incoming,
      ...seen(c),
    })),
    graph: rows.graph,
    cells: rows.cells.map((c) => ({
      cellId: c.cell_id,
      locationText: c.location_text,
      calls: c.calls,
      ...seen(c),
    })),
    places: rows.places.map((p) => ({
      placeId: p.place_id,
      nameEn: p.name_en,
      nameRu: p.name_ru,
      country: p.country,
      lat: p.lat,
      lon: p.lon,
      mentions: p.mentions,
      calls: p.calls,
    })),
    persons: rows.persons,
    spoken: rows.spoken.map((s) => ({
      recordingId: s.recording_id,
      collectionName: s.collection_name,
      startedAt: isoOrNull(s.call_started_at),
      callerNumber: s.caller_number,
      calleeNumber: s.callee_number,
      segmentId: s.segment_id,
      surface: s.surface,
      confidence: s.confidence,
    })),
    notes: rows.notes.map(presentNumberNote),
  };
}
