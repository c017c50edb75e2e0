package org.ims.auth;

import java.time.Instant;
import java.util.List;
import org.ims.site.Membership;
import org.ims.user.User;

/**
 * How a login attempt ended. A value rather than an exception: a refused attempt must still commit
 * its record, the failure count and the lock.
 */
public sealed interface LoginResult {

  record Success(User user, Membership site, List<Membership> sites, boolean passwordChangeRequired)
      implements LoginResult {}

  /** Unknown user, wrong password or deactivated account: the caller cannot tell which. */
  record InvalidCredentials() implements LoginResult {}

  record Locked(Instant until) implements LoginResult {}

  /** Right password, but every site of the user is deactivated. */
  record NoActiveSite() implements LoginResult {}
}
