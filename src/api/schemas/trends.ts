import { z } from 'zod';
import { callScopeFields, checkCallScope, verifiedOnlyField } from './recording-filters.ts';

const countsByCategory = (what: string) =>
  z
    .record(z.string(), z.number().int())
    .describe(`${what}, by lexicon category (categories with none left out)`);

const casualtySumsSchema = z
  .object({
    killed: z.number().int().nullable().describe('Sum of killed counts stated in the calls'),
    wounded: z.number().int().nullable().describe('Sum of wounded counts stated in the calls'),
    missing: z.number().int().nullable().describe('Sum of missing counts stated in the calls'),
  })
  .describe(
    'Casualty counts stated in the calls, summed (machine output); null where no call of the period ' +
      'stated one: unknown, not zero',
  );

const periodFields = {
  calls: z.number().int().describe('Calls in the period (analysed or not)'),
  analysed: z.number().int().describe('Calls with a current analysis'),
  mentions: countsByCategory('Confident matches'),
  callsWith: countsByCategory('Calls with at least one confident match'),
  casualties: casualtySumsSchema,
};

export const monthlyTrendsSchema = z
  .object({
    months: z
      .array(
        z
          .object({
            month: z.string().describe('Month of the call start, YYYY-MM (UTC)'),
            from: z.string().describe('First day of the month: the recordings list filter "from"'),
            to: z.string().describe('Last day of the month: the recordings list filter "to"'),
            ...periodFields,
          })
          .describe('One month; open its calls with /api/recordings?from=…&to=… (and &category=…)'),
      )
      .describe(
        'Every month from the first to the last dated call, in order: a month without calls is listed ' +
          'with 0 calls, so a chart axis runs continuously',
      ),
    undated: z
      .object(periodFields)
      .describe('Calls without a start time; open them with /api/recordings?undated=true'),
  })
  .describe('Calls, mentions per category and casualty counts per month');

export const placeTrendsSchema = z
  .object({
    places: z
      .array(
        z
          .object({
            id: z
              .string()
              .describe('Gazetteer id (GeoNames); open its calls with /api/recordings?place=<id>'),
            nameEn: z.string().describe('English name'),
            nameRu: z.string().describe('Russian name'),
            lat: z.number().describe('Latitude (WGS 84)'),
            lon: z.number().describe('Longitude (WGS 84)'),
            country: z.string().describe('ISO 3166-1 alpha-2 country code'),
            mentions: z.number().int().describe('Times the place is mentioned'),
            calls: z.number().int().describe('Calls that mention it'),
          })
          .describe('A place mentioned in the calls'),
      )
      .describe('Places, most calls first'),
  })
  .describe('Places mentioned in the current analyses of the calls');

export const callGraphQuerySchema = z
  .strictObject({
    ...callScopeFields,
    ...verifiedOnlyField,
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(5000)
      .default(500)
      .describe('Most phone numbers to return (those in the most calls); edges are kept between them'),
  })
  .superRefine(checkCallScope);

export const callGraphSchema = z
  .object({
    nodes: z
      .array(
        z
          .object({
            phone: z
              .string()
              .describe('Phone number (E.164); open its calls with /api/recordings?phone=<number>'),
            calls: z.number().int().describe('Calls in which the number is caller or callee'),
          })
          .describe('A phone number'),
      )
      .describe('Phone numbers, most calls first'),
    edges: z
      .array(
        z
          .object({
            caller: z.string().describe('Calling number'),
            callee: z.string().describe('Called number'),
            calls: z.number().int().describe('Calls from caller to callee'),
          })
          .describe('Calls from one number to another; open them with /api/recordings?caller=…&callee=…'),
      )
      .describe('Caller → callee pairs among the returned numbers, most calls first'),
    totalNodes: z.number().int().describe('Phone numbers in scope before the limit'),
    truncated: z.boolean().describe('Whether numbers (and their edges) were left out by the limit'),
  })
  .describe('Who called whom, from the call records');

export type MonthlyTrendsResponse = z.infer<typeof monthlyTrendsSchema>;
export type PlaceTrendsResponse = z.infer<typeof placeTrendsSchema>;
export type CallGraphResponse = z.infer<typeof callGraphSchema>;
