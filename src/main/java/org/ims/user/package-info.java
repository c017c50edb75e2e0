/** Users: the accounts people log in with, their lockout state and password, and profile data. */
package org.ims.user;
