package org.novasim.api.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ContainerErrorValve} in the place of Tomcat's (and Boot's) HTML error report. */
@Configuration(proxyBeanMethods = false)
class ContainerConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            // By the time the context starts, the host has its error report valve: swap it for ours.
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorValve)) {
                        host.removeValve(valve);
                    }
                }
                if (!hasOurs(host)) {
                    host.addValve(new ContainerErrorValve());
                }
            }
        }));
    }

    private static boolean hasOurs(Pipeline pipeline) {
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ContainerErrorValve) {
                return true;
            }
        }
        return false;
    }
}
