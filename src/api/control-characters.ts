import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';
import type { ErrorResponse } from './schemas/common.ts';

type Issue = NonNullable<ErrorResponse['issues']>[number];

/** C0 controls and DEL: Postgres refuses NUL in text, and none of them belongs in a name or filter. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f]/u;
/** In a JSON body (notes, corrections), multi-line text keeps its tab, newline and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** "U+0000" for the first control character in a string that has one. */
function firstControl(value: string, pattern: RegExp): string | undefined {
  const found = pattern.exec(value)?.[0];
  if (found === undefined) return undefined;
  const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return found === '\u0000' ? `${code} (NUL)` : code;
}

function issueFor(path: string, value: string, pattern: RegExp): Issue | undefined {
  const control = firstControl(value, pattern);
  if (control === undefined) return undefined;
  return { path, message: `contains the control character ${control}, which no text field accepts` };
}

/** Every string in a parsed value (keys too), with a path like "body.segments.0.text". */
function collectIssues(value: unknown, path: string, pattern: RegExp, issues: Issue[]): void {
  if (typeof value === 'string') {
    const issue = issueFor(path, value, pattern);
    if (issue) issues.push(issue);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectIssues(item, `${path}.${index}`, pattern, issues));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyIssue = issueFor(`${path} (a key)`, key, pattern);
      if (keyIssue) issues.push(keyIssue);
      collectIssues(item, `${path}.${key}`, pattern, issues);
    }
  }
}

/** A 400 listing each field, in the shape of a schema validation failure. */
function rejected(issues: Issue[]): ApiError {
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new ApiError(400, 'bad_request', `Invalid request: ${summary}`, issues);
}

/** For routes that stream their own body: a 400 naming a multipart text field with a control character. */
export function rejectControlCharactersInField(field: string, value: string): void {
  const issue = issueFor(`body.${field}`, value, CONTROL_IN_LINE);
  if (issue) throw rejected([issue]);
}

/**
 * One check for every route, before schema validation: NUL and other control characters in any
 * query string value, path parameter or JSON body string are a 400 naming the field, never a
 * database error. Tab and newline are allowed in JSON bodies only, where notes and corrections
 * are multi-line text; names, filters and ids are one line.
 */
export function installControlCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const issues: Issue[] = [];
    collectIssues(request.params, 'params', CONTROL_IN_LINE, issues);
    collectIssues(request.query, 'querystring', CONTROL_IN_LINE, issues);
    collectIssues(request.body, 'body', CONTROL_IN_TEXT, issues);
    done(issues.length > 0 ? rejected(issues) : undefined);
  });
}

/** The same for a multipart text field that holds multi-line text (a note, a reason). */
export function rejectControlCharactersInTextField(field: string, value: string): void {
  const issue = issueFor(`body.${field}`, value, CONTROL_IN_TEXT);
  if (issue) throw rejected([issue]);
}
