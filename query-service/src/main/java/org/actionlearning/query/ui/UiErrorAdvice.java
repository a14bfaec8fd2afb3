package org.actionlearning.query.ui;

import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.web.InvalidParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page asked for with an unknown or malformed id answers with an error page, not the API's problem+json
 * (that advice covers every controller, so this one goes first for the pages; the downloads keep problem+json).
 */
@ControllerAdvice(basePackageClasses = UiErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after ExportProblemAdvice
class UiErrorAdvice {

    @ExceptionHandler(UnknownResource.class)
    ModelAndView unknown(UnknownResource e) {
        return page(HttpStatus.NOT_FOUND, "There is " + e.getMessage() + ".");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView notPermitted(AccessDeniedException e) {
        return page(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName() + ".");
    }

    @ExceptionHandler(InvalidParameter.class)
    ModelAndView invalid(InvalidParameter e) {
        return page(HttpStatus.BAD_REQUEST, "That is not a valid " + e.field() + ": it " + e.getMessage() + ".");
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
