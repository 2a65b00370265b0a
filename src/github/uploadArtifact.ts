// The results as a workflow artifact. The client is a parameter: the runner's artifact service exists only inside
// GitHub Actions, so tests hand in their own ArtifactClient.
import type { ArtifactClient } from '@actions/artifact';
import { relative, sep } from 'node:path';

export interface ArtifactUpload {
  name: string;
  files: string[];
  rootDirectory: string;
  retentionDays?: number;
}

export interface ArtifactResult {
  id: number | undefined;
  size: number | undefined;
  files: string[];
}

export async function uploadResultsArtifact(client: ArtifactClient, up: ArtifactUpload): Promise<ArtifactResult> {
  for (const f of up.files) {
    const rel = relative(up.rootDirectory, f);
    if (rel.startsWith('..') || rel.startsWith(sep)) throw new Error(`${f} is outside the artifact's root ${up.rootDirectory}`);
  }
  const res = await client.uploadArtifact(up.name, up.files, up.rootDirectory, up.retentionDays ? { retentionDays: up.retentionDays } : {});
  return { id: res.id, size: res.size, files: up.files.map((f) => relative(up.rootDirectory, f)) };
}
