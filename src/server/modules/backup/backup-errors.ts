// A backup or restore that will not be done, and why, in Chinese: the CLI prints it and exits 1; the route answers
// it as a problem.

export class BackupRefusedError extends Error {
  readonly code = 'BACKUP_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}
