package org.actionlearning.service;

/** One entry of a problem's {@code errors}: the request field and what is wrong with it. */
public record FieldError(String field, String message) {
}
