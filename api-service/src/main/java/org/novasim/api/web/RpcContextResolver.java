package org.novasim.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.novasim.common.rpc.RpcContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands controllers the caller as an {@link RpcContext}: the request id, and the project, user and roles the
 * request acts for. Until token authentication exists every caller acts as the admin user of project admin.
 */
public class RpcContextResolver implements HandlerMethodArgumentResolver {

    static final String ANONYMOUS_PROJECT = "admin";
    static final String ANONYMOUS_USER = "admin";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RpcContext.class;
    }

    @Override
    public RpcContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                      WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new RpcContext(RequestIdFilter.requestId(request), ANONYMOUS_PROJECT, ANONYMOUS_USER,
                List.of("admin", "member", "reader"));
    }
}
