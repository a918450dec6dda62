import { parseTokenResponse, tokenTransportError, type Grant, type TokenSet } from "../core/oauth"

/** Time allowed for one token request; a send waits for it. */
export const TOKEN_REQUEST_TIMEOUT_MS = 10_000

/**
 * One POST to a token endpoint (form-encoded, RFC 6749 §4.1.3 / §6), with a timeout. Redirects
 * are refused: the client secret and refresh token must not follow one to another host. The
 * client authenticates in the body (client_secret_post), which Microsoft, Google and most
 * providers accept.
 */
export async function requestToken(
  tokenUrl: string,
  grant: Grant,
  params: Record<string, string>,
  opts: { timeoutMs?: number; now?: () => number } = {}
): Promise<TokenSet> {
  let response: Response
  try {
    response = await fetch(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ grant_type: grant, ...params }).toString(),
      redirect: "error",
      signal: AbortSignal.timeout(opts.timeoutMs ?? TOKEN_REQUEST_TIMEOUT_MS),
    })
  } catch (err) {
    const reason = (err as Error)?.name === "TimeoutError" ? "timeout" : String((err as Error)?.message ?? err)
    throw tokenTransportError(grant, reason)
  }
  const body = await response.json().catch(() => ({}))
  return parseTokenResponse(response.status, body, (opts.now ?? Date.now)(), grant)
}
