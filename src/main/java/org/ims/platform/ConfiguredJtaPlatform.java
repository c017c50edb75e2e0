package org.ims.platform;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.engine.transaction.jta.platform.internal.StandardJtaPlatformResolver;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformResolver;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Tells Hibernate whose transaction manager it runs under, from configuration rather than from the
 * WAR: {@code ims.jpa.jta-platform} (environment {@code IMS_JPA_JTA_PLATFORM}) names one of
 * Hibernate's {@code JtaPlatform} classes. Its default (META-INF/microprofile-config.properties) is
 * Payara's, which Hibernate does not detect by itself; Open Liberty's server.env names Liberty's.
 * Empty: Hibernate's own detection.
 *
 * <p>Registered in persistence.xml as Hibernate's JTA platform resolver, which Hibernate consults
 * because persistence.xml names no platform.
 */
public class ConfiguredJtaPlatform implements JtaPlatformResolver {

  private static final long serialVersionUID = 1L;

  public static final String KEY = "ims.jpa.jta-platform";

  @Override
  @SuppressWarnings("rawtypes") // as Hibernate declares it
  public JtaPlatform resolveJtaPlatform(
      Map configurationValues, ServiceRegistryImplementor registry) {
    Optional<String> configured =
        ConfigProvider.getConfig(ConfiguredJtaPlatform.class.getClassLoader())
            .getOptionalValue(KEY, String.class)
            .map(String::strip)
            .filter(name -> !name.isEmpty());
    if (configured.isEmpty()) {
      return StandardJtaPlatformResolver.INSTANCE.resolveJtaPlatform(configurationValues, registry);
    }
    return registry
        .requireService(StrategySelector.class)
        .resolveStrategy(JtaPlatform.class, configured.get());
  }
}
