package org.actionlearning.command.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Managing users is for administrators only, and a caller who is not one is refused before anything else: before
 * the body is read or checked and before any user is looked up, so that a 400 or a 409 ("username taken") tells
 * them nothing. Which users an administrator may manage is then the controller's question.
 */
@Configuration
class AdministratorsOnly implements HandlerInterceptor, WebMvcConfigurer {

    static final String USERS = "/api/users";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(USERS, USERS + "/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!Callers.current().isAdmin()) {
            throw new NotPermitted("managing users needs ADMIN of an organisation");
        }
        return true;
    }
}
