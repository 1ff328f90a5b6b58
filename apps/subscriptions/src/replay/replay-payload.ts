import { compileTransformation, PayloadRuleError } from '@webhooks/payload-rules';
import type { EndpointEntity } from '../endpoints/endpoint.entity';

/**
 * The body a replay delivers: the stored payload through the endpoint's CURRENT transformation,
 * exactly as the fan-out would deliver it today (filters are not applied: a replay is an explicit
 * request for this message). Returns the error text when the transformation fails.
 */
export async function replayPayload(
  endpoint: Pick<EndpointEntity, 'transformation'>,
  payload: Buffer,
): Promise<{ body: Buffer } | { error: string }> {
  if (!endpoint.transformation) return { body: payload };
  try {
    const transformation = compileTransformation(endpoint.transformation);
    return { body: await transformation.apply(JSON.parse(payload.toString('utf8'))) };
  } catch (error) {
    if (error instanceof PayloadRuleError || error instanceof SyntaxError) {
      return { error: `transformation failed: ${error.message}` };
    }
    throw error;
  }
}
