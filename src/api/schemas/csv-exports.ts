import { z } from 'zod';
import { checkListFilters, recordingListQuerySchema } from './recording-filters.ts';
import { searchQuerySchema } from './search.ts';

// The CSV downloads take the filters of the page they export, without its paging: the whole list.

const { limit: _listLimit, offset: _listOffset, ...listFields } = recordingListQuerySchema.shape;
const { limit: _searchLimit, offset: _searchOffset, ...searchFields } = searchQuerySchema.shape;

export const callsCsvQuerySchema = z
  .strictObject(listFields)
  .superRefine(checkListFilters)
  .describe("The Calls page's filters and sort");

export const searchCsvQuerySchema = z
  .strictObject(searchFields)
  .superRefine(checkListFilters)
  .describe("The Search page's query and filters");
