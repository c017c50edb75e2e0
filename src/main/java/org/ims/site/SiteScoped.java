package org.ims.site;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service whose methods read or write site-owned data: {@link SiteScopeInterceptor} puts
 * the active site into every query of the call, in the application (Hibernate filter) and in the
 * database (row-level security setting of the transaction).
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SiteScoped {}
