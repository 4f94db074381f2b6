import type { Language } from '@ocop/contracts/common';
import { ApiError, buildUrl, CLIENT_ERROR_CODES } from '../../../lib/api-client';
import { stampOrderPath } from './stamp-orders';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Fetches an order's print sheet as a PDF Blob. A refused layout comes back as the same problem
 * document as any API error, thrown as `ApiError` so the screen shows its reason. Written here
 * rather than in the shared client: that client is in every user's first load, this is not.
 */
export async function fetchStampSheet(
  orderId: string,
  query: Record<string, string | number | undefined>,
  language: Language,
): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(buildUrl(`${stampOrderPath(orderId)}/sheet.pdf`, query), {
      headers: { Accept: 'application/pdf, application/problem+json', 'Accept-Language': language },
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, CLIENT_ERROR_CODES.network, cause instanceof Error ? cause.message : String(cause));
  }
  if (response.ok) return response.blob();
  const body: unknown = await response.json().catch(() => null);
  if (isRecord(body) && typeof body.code === 'string')
    throw new ApiError(
      response.status,
      body.code,
      typeof body.detail === 'string' ? body.detail : body.code,
      isRecord(body.details) ? body.details : {},
      typeof body.requestId === 'string' ? body.requestId : undefined,
    );
  throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, `HTTP ${response.status}`, { status: response.status });
}
