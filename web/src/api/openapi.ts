import type { paths } from './openapi-types.ts';

// Lookups into the types generated from the server's OpenAPI document (openapi-types.ts, written by
// `npm run generate:api-types`), so that the desk names a route's body instead of copying its shape.
// A path, method or status the document does not have is a type error, never a silent `never`.

type ApiPath = keyof paths;
type Method = 'get' | 'post';

/** The paths that have an operation for this method. */
type PathWith<M extends Method> = {
  [P in ApiPath]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[ApiPath];

type Operation<M extends Method, P extends PathWith<M>> = NonNullable<paths[P][M]>;

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body a GET route answers with (by default its 200). */
export type GetResponse<
  P extends PathWith<'get'>,
  Status extends keyof Operation<'get', P>['responses'] = 200,
> = JsonContent<Operation<'get', P>['responses'][Status]>;

/** The JSON body a POST route answers with (201: what it created). */
export type PostResponse<
  P extends PathWith<'post'>,
  Status extends keyof Operation<'post', P>['responses'],
> = JsonContent<Operation<'post', P>['responses'][Status]>;

/** The JSON body a POST route accepts. */
export type PostBody<P extends PathWith<'post'>> = JsonContent<
  NonNullable<Operation<'post', P>['requestBody']>
>;

/** The query parameters a GET route accepts (all of them, as the server validates them). */
export type GetQuery<P extends PathWith<'get'>> = NonNullable<Operation<'get', P>['parameters']['query']>;

/**
 * Names of query parameters the desk carries as text (in its own URL, say) and hands to the server
 * unchanged; the server parses and checks them. Naming a parameter the route does not take is a
 * type error, so a renamed parameter cannot silently drop a filter.
 */
export type TextParams<Query, Keys extends keyof Query> = { [K in Keys]?: string };
