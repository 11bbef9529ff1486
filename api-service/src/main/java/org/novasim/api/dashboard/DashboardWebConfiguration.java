package org.novasim.api.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the dashboard's page, scripts and styles (plain files under {@code static/dashboard}, no build step) and
 * the uPlot charting library from its webjar. Only these paths serve files: everywhere else an unknown path stays
 * the API's own 404.
 */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/lib/**").addResourceLocations("classpath:/META-INF/resources/webjars/");
        registry.addResourceHandler("/dashboard/**").addResourceLocations("classpath:/static/dashboard/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }
}
