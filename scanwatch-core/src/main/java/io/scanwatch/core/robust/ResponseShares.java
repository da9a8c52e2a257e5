package io.scanwatch.core.robust;

import java.io.Serializable;

/**
 * Requests of a row by response code class. A request counts for a class when one of its {@code
 * responseStatus.code} values falls in it; a request without a code counts only in {@code
 * requests}.
 *
 * @param requests all requests of the row, the denominator of every share
 * @param success requests whose response code was 200 to 299
 * @param unauthorized requests whose response code was 401
 * @param forbidden requests whose response code was 403
 * @param notFound requests whose response code was 404
 */
public record ResponseShares(
    long requests, long success, long unauthorized, long forbidden, long notFound)
    implements Serializable {

  /** Returns the share (0 to 1) of 2xx responses; 0 when there are no requests. */
  public double successShare() {
    return share(success);
  }

  /** Returns the share (0 to 1) of 401 responses; 0 when there are no requests. */
  public double unauthorizedShare() {
    return share(unauthorized);
  }

  /** Returns the share (0 to 1) of 403 responses; 0 when there are no requests. */
  public double forbiddenShare() {
    return share(forbidden);
  }

  /** Returns the share (0 to 1) of 404 responses; 0 when there are no requests. */
  public double notFoundShare() {
    return share(notFound);
  }

  private double share(long count) {
    return requests == 0 ? 0.0 : (double) count / requests;
  }
}
