// Gemini batches have no metadata map, only a free-text display name. batchwise writes a part's identity into it
// (the keys sameWork compares: batchwise_input_sha256, batchwise_part_sha256, batchwise_round), so that listBatches
// can hand the identity back and a run killed between create and save attaches to its batch instead of paying twice.
//
// The batch docs give no length limit for displayName (the Files API's is 512 characters; many Google resources cap
// display names at 128). The encoding stays under 128: the two SHA-256 digests as base64url (43 characters each
// instead of 64 hex), e.g. `batchwise.v1.<43>.<43>.r1` is 103 characters for round 1. Other metadata keys
// (batchwise_part, batchwise_version, github_run_id) are labels, not identity, and are not kept.
import type { Metadata } from '../types.ts';

const PREFIX = 'batchwise.v1';
/** What the encoding promises to stay within. */
export const DISPLAY_NAME_MAX = 128;
const HEX64 = /^[0-9a-f]{64}$/;
const B64URL43 = /^[A-Za-z0-9_-]{43}$/;

const toB64url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');
const toHex = (b64: string) => Buffer.from(b64, 'base64url').toString('hex');

/** The display name for a batch with this metadata: its identity when the metadata has one that fits, else a plain
 *  label (such a batch cannot be attached to after a crash). */
export function encodeDisplayName(metadata: Metadata): string {
  const input = metadata.batchwise_input_sha256;
  const part = metadata.batchwise_part_sha256;
  const round = metadata.batchwise_round;
  if (input && part && round && HEX64.test(input) && HEX64.test(part) && /^\d{1,6}$/.test(round)) {
    return `${PREFIX}.${toB64url(input)}.${toB64url(part)}.r${round}`;
  }
  return 'batchwise';
}

/** The identity a display name carries, or null for a name batchwise did not write that way. */
export function decodeDisplayName(name: string | undefined | null): Metadata | null {
  if (typeof name !== 'string') return null;
  const fields = name.split('.');
  if (fields.length !== 5 || `${fields[0]}.${fields[1]}` !== PREFIX) return null;
  const [, , input, part, round] = fields;
  if (!B64URL43.test(input) || !B64URL43.test(part) || !/^r\d{1,6}$/.test(round)) return null;
  return { batchwise_input_sha256: toHex(input), batchwise_part_sha256: toHex(part), batchwise_round: round.slice(1) };
}
