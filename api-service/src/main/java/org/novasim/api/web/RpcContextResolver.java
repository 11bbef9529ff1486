package org.novasim.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.novasim.api.identity.AuthFilter;
import org.novasim.api.identity.Authentication;
import org.novasim.common.rpc.RpcContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands controllers the caller as an {@link RpcContext}: the request id, and the project, user and roles of the
 * token the request carried. Requests without a token (version documents) get a context with no project or role.
 */
public class RpcContextResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RpcContext.class;
    }

    @Override
    public RpcContext resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String requestId = RequestIdFilter.requestId(request);
        return AuthFilter.optionalAuthentication(request)
                .map(auth -> context(requestId, auth))
                .orElseGet(() -> new RpcContext(requestId, null, null, List.of()));
    }

    private static RpcContext context(String requestId, Authentication auth) {
        return new RpcContext(requestId, auth.projectId(), auth.userId(), auth.roleNames());
    }
}
