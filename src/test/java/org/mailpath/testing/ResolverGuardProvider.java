package org.mailpath.testing;

import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;

/**
 * Installs {@link ResolverGuard} in every test JVM: registered in the test resources' META-INF/services, so it is on
 * each forked JVM's class path and never in the packaged jar.
 */
public final class ResolverGuardProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        return new ResolverGuard(configuration.builtinResolver());
    }

    @Override
    public String name() {
        return "MailPath tests: no machine resolver";
    }
}
