package org.novasim.systemtest.hostile;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The routes of the running API, read from Spring MVC's own handler mapping (so a route added tomorrow is
 * covered without touching the suite), and which of them a request actually reached: put in the API's context,
 * it notes the route of every request that got past the filters to a controller.
 */
public final class RouteRecorder implements WebMvcConfigurer, HandlerInterceptor {

    /** Methods a mapping that names none answers: each is a route of its own. */
    private static final List<String> ANY_METHOD = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private final Set<Route> reached = ConcurrentHashMap.newKeySet();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (handler instanceof HandlerMethod
                && pattern != null
                && request.getDispatcherType() == DispatcherType.REQUEST) {
            reached.add(new Route(request.getMethod(), pattern.toString()));
        }
        return true;
    }

    public Set<Route> reached() {
        return Set.copyOf(reached);
    }

    /** Every route the API's controllers map, but Boot's error path, which is no route of any API. */
    public static Set<Route> routesOf(ApplicationContext api) {
        RequestMappingHandlerMapping mapping =
                api.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<Route> routes = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    ANY_METHOD.forEach(method -> routes.add(new Route(method, pattern)));
                } else {
                    methods.forEach(method -> routes.add(new Route(method.name(), pattern)));
                }
            }
        }
        return routes;
    }
}
