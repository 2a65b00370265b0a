// Azure runs a request on a *deployment*, not a model: every line's body.model must be the name of a Global Batch (or
// Data Zone Batch) deployment, and one deployment serves every line of a batch file. The request file keeps OpenAI's
// model names (so the estimate prices them); this map says which deployment serves each.
import { UsageError } from '../../../shared/usageError.ts';

export interface DeploymentMap {
  /** model → deployment name */
  byModel: Record<string, string>;
  /** `--deployment NAME` alone: the deployment for every model the map does not name. */
  fallback: string | null;
}

/** Azure's deployment names: letters, digits, `-`, `_` and `.`, at most 64 characters (portal rule). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Parses `--deployment` values: `MODEL=NAME` (repeatable, or comma-separated) or a bare `NAME` for every model. */
export function parseDeployments(values: readonly string[]): DeploymentMap {
  const map: DeploymentMap = { byModel: {}, fallback: null };
  for (const raw of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    const eq = raw.indexOf('=');
    const model = eq >= 0 ? raw.slice(0, eq).trim() : null;
    const name = (eq >= 0 ? raw.slice(eq + 1) : raw).trim();
    if (!NAME.test(name)) throw new UsageError(`--deployment ${raw}: "${name}" is not an Azure deployment name (letters, digits, ".", "_", "-"; at most 64)`);
    if (model === null) {
      if (map.fallback !== null && map.fallback !== name) throw new UsageError(`--deployment: two deployments for every model ("${map.fallback}" and "${name}"); name the model: MODEL=NAME`);
      map.fallback = name;
    } else {
      if (!model) throw new UsageError(`--deployment ${raw}: the model before "=" is missing`);
      if (map.byModel[model] !== undefined && map.byModel[model] !== name) throw new UsageError(`--deployment: two deployments for ${model} ("${map.byModel[model]}" and "${name}")`);
      map.byModel[model] = name;
    }
  }
  return map;
}

export function deploymentFor(map: DeploymentMap, model: string): string | null {
  return map.byModel[model] ?? map.fallback;
}
