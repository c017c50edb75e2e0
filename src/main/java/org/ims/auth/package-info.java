/**
 * Authentication: login with lockout and rate limiting, password hashing and policy, access tokens
 * (JWT, verified by MicroProfile JWT) with rotating refresh tokens, sessions that logout revokes,
 * and the filters that establish the caller's identity and active site for REST and pages.
 */
package org.ims.auth;
