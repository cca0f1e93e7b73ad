/**
 * Something asked of the accounts that cannot be done as asked (an unknown or duplicate name, a
 * too-short password): the message says what to do. The CLI prints it; the API answers 400.
 */
export class AccountProblem extends Error {
  override name = 'AccountProblem';
}
