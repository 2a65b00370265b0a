// A token that may not do what the workflow asked: the one message tells which permission to grant, and where.

export class GitHubPermissionError extends Error {
  readonly permission: string;

  constructor(what: string, permission: string, detail: string) {
    super(
      `the GitHub token cannot ${what} (${detail}): give the job \`permissions: ${permission}\`` +
        ` (or pass a github-token that has it)`,
    );
    this.name = 'GitHubPermissionError';
    this.permission = permission;
  }
}
