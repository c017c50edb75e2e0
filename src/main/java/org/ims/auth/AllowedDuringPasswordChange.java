package org.ims.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST operation a user may call while their password must be changed (expired, or temporary):
 * changing it, seeing who they are, logging out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowedDuringPasswordChange {}
