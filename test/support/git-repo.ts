import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./run-gen.js";

/** Runs git in a directory with a fixed identity and no user or system configuration; throws on failure. */
export function git(cwd: string, ...args: string[]): string {
  const run = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
      GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z",
      GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z",
    },
  });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

/** The catalogs directory's files by name. */
export type CatalogFiles = Readonly<Record<string, string>>;

/** A new repository whose commits hold the catalogs directory as given, one commit per version. */
export function repoWithCommits(...versions: CatalogFiles[]): string {
  const root = tempDir("codebook-diff-");
  git(root, "init", "-q", "-b", "main");
  for (const [index, files] of versions.entries()) {
    writeCatalogs(root, files);
    git(root, "add", "-A");
    git(root, "commit", "-q", "--allow-empty", "-m", `version ${index + 1}`);
  }
  return root;
}

/** Replaces the repository's catalogs directory with these files. */
export function writeCatalogs(root: string, files: CatalogFiles): void {
  const dir = join(root, "catalogs");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}
