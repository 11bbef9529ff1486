package org.novasim.api.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.novasim.api.web.ApiException;
import org.novasim.api.web.RequestIdFilter;
import org.novasim.common.rpc.RpcContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands controllers the caller as an {@link RpcContext}: the request id, and the project, user and roles of the
 * token the request carried. There is no context without a project: a request without a token, or with one
 * scoped to no project, is refused here, so no controller can mistake "no project" for "every project".
 */
class CallerResolver implements HandlerMethodArgumentResolver {

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
        Authentication auth = AuthFilter.authentication(request);
        if (!auth.isScoped()) {
            throw ApiException.forbidden(AuthFilter.UNSCOPED);
        }
        return new RpcContext(RequestIdFilter.requestId(request), auth.projectId(), auth.userId(), auth.roleNames());
    }
}
