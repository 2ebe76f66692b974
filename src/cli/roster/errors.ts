/** A failure of the whole roster job (exit code 1): an unreadable or unusable file, or an output that cannot be written. */
export class RosterFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}
